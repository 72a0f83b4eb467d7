#include "sim/output_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace alemsim {

std::vector<double> build_output_grid(double horizon_day, double step_day, std::span<const Infusion> infusions,
                                      std::span<const double> extra_times_day) {
  if (!(horizon_day > 0.0) || !std::isfinite(horizon_day)) throw std::invalid_argument("horizon must be > 0 days");
  if (!(step_day > 0.0) || !std::isfinite(step_day)) throw std::invalid_argument("output step must be > 0 days");

  std::vector<double> times;
  // Multiplying instead of accumulating keeps grid points exact multiples of the step.
  const auto steps = static_cast<long long>(std::floor(horizon_day / step_day + kGridMergeTolDay));
  times.reserve(static_cast<std::size_t>(steps) + 2 + 2 * infusions.size() + extra_times_day.size());
  for (long long i = 0; i <= steps; ++i) times.push_back(static_cast<double>(i) * step_day);
  times.push_back(horizon_day);
  for (const Infusion& inf : infusions) {
    times.push_back(inf.start_day);
    times.push_back(inf.end_day);
  }
  times.insert(times.end(), extra_times_day.begin(), extra_times_day.end());

  std::erase_if(times, [&](double t) { return !(t >= 0.0 && t <= horizon_day); });
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end(), [](double a, double b) { return b - a < kGridMergeTolDay; }),
              times.end());
  return times;
}

std::size_t grid_index_of(std::span<const double> grid_day, double t_day) {
  const auto it = std::lower_bound(grid_day.begin(), grid_day.end(), t_day - kGridMergeTolDay);
  if (it == grid_day.end() || std::abs(*it - t_day) > kGridMergeTolDay) {
    throw std::invalid_argument("time " + std::to_string(t_day) + " day is not on the output grid");
  }
  return static_cast<std::size_t>(it - grid_day.begin());
}

}  // namespace alemsim
