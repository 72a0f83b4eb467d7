#include "cli/number_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace alemsim {

std::string standard_error_text(double se) {
  if (std::isnan(se)) return "n/a";
  return se >= 100.0 ? fmt::format("{:.0f}", se) : fmt::format("{:.2g}", se);
}

}  // namespace alemsim
