// Calibration of the parameters that the literature does not fix, against the SmPC 5.2 PK figures
// and the CARE-MS CD4+/CD8+ means. Run as alemsim-calibrate; its output is the shipped table.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "models/model_params.hpp"
#include "validation/label_figures.hpp"

namespace alemsim {

// The parameters fitted (log-transformed, so they stay positive), in this order.
inline constexpr std::string_view kCalibratedParams[] = {
    "central_volume_l",           "linear_clearance_l_per_day",       "target_vmax_mg_per_day",
    "kill_max_per_day",           "cd8_cd52_relative_density",        "cd4_homeostatic_max_per_day",
    "cd8_homeostatic_max_per_day"};

// One calibration target: residual = (simulated - reference) / scale, so 1 means "at the
// acceptance tolerance" for every target and the sum of squares weighs them alike.
struct CalibrationTarget {
  std::string name;
  std::string source;
  double reference;
  double simulated;
  double scale;
  std::string unit;
  double residual() const { return (simulated - reference) / scale; }
};

// Targets for one run: Cmax of both courses (scale 10%), half-life of both courses (to 4.5 days,
// scale 0.5 day: the 4-5 day band), CD4+ and CD8+ at months 1, 3, 6, 9, 12 (scale: the larger of
// 30% and 30 cells/µL).
std::vector<CalibrationTarget> calibration_targets(const LabelFigures& figures);

struct Calibration {
  ModelParams fitted;
  std::vector<CalibrationTarget> targets;  // at the fitted parameters
  double objective = 0.0;                  // sum of squared residuals
  int evaluations = 0;
  bool converged = false;
};

// Nelder–Mead from `start` (parameters not in kCalibratedParams stay as in `start`).
Calibration calibrate(const ModelParams& start);

// Fit report: each target, reference, simulated value, residual; then the fitted values.
void print_calibration(std::FILE* out, const Calibration& fit);

}  // namespace alemsim
