#include "sim/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace alemsim {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Spread spread(const std::vector<double>& values) {
  std::vector<double> finite;
  std::copy_if(values.begin(), values.end(), std::back_inserter(finite), [](double v) { return std::isfinite(v); });
  const double mean = finite.empty() ? std::numeric_limits<double>::quiet_NaN()
                                     : std::accumulate(finite.begin(), finite.end(), 0.0) / static_cast<double>(finite.size());
  return {mean, percentile(finite, 5.0), percentile(finite, 95.0), static_cast<int>(finite.size())};
}

}  // namespace alemsim
