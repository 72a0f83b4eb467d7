// The times at which results are reported.
#pragma once

#include <span>
#include <vector>

#include "sim/regimen.hpp"

namespace alemsim {

// Sorted, duplicate-free times from 0 to horizon_day: every step_day, every infusion start and end
// (so a peak at the end of an infusion is a grid point, not an interpolation), and the extra times.
// Times closer than 1e-9 day (< 0.1 ms) are merged so no zero-length segment reaches the solver.
// Times outside [0, horizon_day] are dropped. Throws std::invalid_argument if step_day <= 0 or
// horizon_day <= 0.
std::vector<double> build_output_grid(double horizon_day, double step_day, std::span<const Infusion> infusions,
                                      std::span<const double> extra_times_day = {});

}  // namespace alemsim
