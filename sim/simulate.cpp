#include "sim/simulate.hpp"

#include <string>

namespace alemsim {

std::size_t grid_index_of(std::span<const double> grid_day, double t_day) {
  constexpr double kTolDay = 1e-9;
  const auto it = std::lower_bound(grid_day.begin(), grid_day.end(), t_day - kTolDay);
  if (it == grid_day.end() || std::abs(*it - t_day) > kTolDay) {
    throw std::invalid_argument("time " + std::to_string(t_day) + " day is not on the output grid");
  }
  return static_cast<std::size_t>(it - grid_day.begin());
}

}  // namespace alemsim
