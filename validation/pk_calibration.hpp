// Calibration of the PK parameters that the literature does not fix, against the SmPC 5.2 figures.
#pragma once

#include <cstdio>
#include <string_view>
#include <vector>

#include "models/model_params.hpp"
#include "validation/label_pk.hpp"

namespace alemsim {

// The parameters fitted (log-transformed, so they stay positive), in this order.
inline constexpr std::string_view kCalibratedModelParams[] = {
    "central_volume_l", "linear_clearance_l_per_day", "target_vmax_mg_per_day", "target_turnover_per_day",
    "kill_max_per_day"};

struct PkCalibration {
  ModelParams fitted;
  LabelPkFigures figures;  // of the fitted parameters
  double objective = 0.0;  // sum of squared relative residuals
  int evaluations = 0;
  bool converged = false;
};

// Least squares on relative residuals of Cmax course 1, Cmax course 2, the half-life of both
// courses (to 4.5 days) and the CD52 pool at months 1 and 12 (to the CARE-MS T-cell fractions), by
// Nelder–Mead from `start` (the other parameters stay as in `start`).
PkCalibration calibrate_pk(const ModelParams& start);

// Sum of squared relative residuals for one parameter set.
double pk_calibration_objective(const LabelPkFigures& figures);

// Fit report: each target, reference, simulated value, residual; then the fitted values.
void print_pk_calibration(std::FILE* out, const PkCalibration& fit);

}  // namespace alemsim
