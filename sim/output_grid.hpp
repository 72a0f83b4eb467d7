// The times at which results are reported.
#pragma once

#include <span>
#include <vector>

#include "sim/regimen.hpp"

namespace alemsim {

// Output times closer than this are one time (< 0.1 ms): no zero-length segment reaches the solver.
inline constexpr double kGridMergeTolDay = 1e-9;

// Sorted, duplicate-free times from 0 to horizon_day: every step_day, every infusion start and end
// (so a peak at the end of an infusion is a grid point, not an interpolation), and the extra times.
// Times closer than kGridMergeTolDay are merged (the earliest is kept).
// Times outside [0, horizon_day] are dropped. Throws std::invalid_argument if step_day <= 0 or
// horizon_day <= 0.
std::vector<double> build_output_grid(double horizon_day, double step_day, std::span<const Infusion> infusions,
                                      std::span<const double> extra_times_day = {});

// Index of the grid time within kGridMergeTolDay of t_day. Throws std::invalid_argument if absent.
std::size_t grid_index_of(std::span<const double> grid_day, double t_day);

}  // namespace alemsim
