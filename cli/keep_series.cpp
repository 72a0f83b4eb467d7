#include "cli/keep_series.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace alemsim {

std::int64_t keep_series_count(std::optional<std::int64_t> requested, std::int64_t patients, std::int64_t default_keep) {
  const std::int64_t keep = requested.value_or(std::min(patients, default_keep));
  if (keep < 0 || keep > patients) {
    throw std::invalid_argument(
        fmt::format("--keep-series: expected 0 to the number of patients ({}), got {}", patients, keep));
  }
  return keep;
}

}  // namespace alemsim
