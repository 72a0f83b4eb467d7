#include "cli/number_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace alemsim {

std::string standard_error_text(double se) {
  if (std::isnan(se)) return "n/a";
  return se >= 100.0 ? fmt::format("{:.0f}", se) : fmt::format("{:.2g}", se);
}

std::string days_or_not_reached(double day) { return std::isnan(day) ? std::string("n.r.") : fmt::format("{:.0f}", day); }

std::string median_with_interval(const KaplanMeier& km) {
  if (km.empty()) return "-";
  const SurvivalQuantile q = km.quantile(0.5);
  return fmt::format("{} [{} - {}]", days_or_not_reached(q.estimate), days_or_not_reached(q.lower_95),
                     days_or_not_reached(q.upper_95));
}

std::string percent_of(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole)) : "-";
}

}  // namespace alemsim
