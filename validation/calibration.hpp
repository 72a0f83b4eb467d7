// Calibration of the parameters that the literature does not fix, against the SmPC 5.2 PK figures,
// the CARE-MS course-1 CD4+/CD8+ means, the B-cell and lymphocyte figures after course 1 and the
// blood nadir within 14 days: the typical-patient figures of validation/reference_figures.yaml with
// role calibration (calibration_figures()). Run as alemsim-calibrate; its output is the shipped table.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "models/model_params.hpp"
#include "validation/label_figures.hpp"
#include "validation/reference_figures.hpp"

namespace alemsim {

// The parameters fitted (log-transformed, so they stay positive), in this order.
inline constexpr std::string_view kCalibratedParams[] = {
    "central_volume_l",           "linear_clearance_l_per_day",
    "cd19_turnover_per_day",      "tissue_lysis_max_per_day",     "tissue_to_blood_per_day",
    "blood_to_tissue_size_ratio", "cd8_cd52_relative_density",    "cd4_memory_lymphopenic_boost",
    "cd8_memory_lymphopenic_boost", "baff_lymphopenia_gain"};

// The reference figures this calibration fits, in file order: those with role calibration read from
// the typical patient (Cmax and alpha half-life of both courses, SmPC 5.2; CD4+ and CD8+ means at
// months 1, 3, 6, 9 and 12 after course 1, Dubuisson 2018; B cells at months 3 and 12, Thompson 2010;
// total lymphocytes at month 1, Schweitzer 2021; the blood nadir within 14 days). The population figures with role
// calibration are the population calibration's. Never a prediction: those are not read here.
std::vector<const ReferenceFigure*> calibration_figures();

// One calibration target: residual = (simulated - reference) / scale, so 1 means "at the
// acceptance tolerance" for every target and the sum of squares weighs them alike. A bound (a
// figure with only a min or only a max) is a hinge: 0 on its side, and beyond it the distance in
// units of `scale`.
struct CalibrationTarget {
  std::string name;
  std::string source;
  double reference;
  double simulated;
  double scale;
  std::string unit;
  enum class Kind { kValue, kAtMost, kAtLeast } kind = Kind::kValue;
  double residual() const {
    const double r = (simulated - reference) / scale;
    if (kind == Kind::kAtMost) return r > 0.0 ? r : 0.0;
    if (kind == Kind::kAtLeast) return r < 0.0 ? r : 0.0;
    return r;
  }
};

// The targets of calibration_figures() in one run of the labelled regimen. A figure's reference is its
// value, or the middle of its range; its scale is half the width of the band the validation accepts
// (value: its tolerance, e.g. 10% of Cmax, or 30% or 30 cells/µL; range: half the range plus its
// tolerance, e.g. 0.5 day for the 4-5 day half-life). A bound's reference is the bound, its scale
// its tolerance or, where it has none, kBoundScale of the bound.
std::vector<CalibrationTarget> calibration_targets(const LabelFigures& figures);
inline constexpr double kBoundScale = 0.1;

// The days the targets are read at (a run needs them on its grid).
std::vector<double> calibration_times_day();

struct Calibration {
  ModelParams fitted;
  std::vector<CalibrationTarget> targets;  // at the fitted parameters
  double objective = 0.0;                  // sum of squared residuals
  int evaluations = 0;
  bool converged = false;
};

// BOBYQA (validation/minimise.hpp) from `start` and five variations of it (parameters not in
// kCalibratedParams stay as in `start`).
Calibration calibrate(const ModelParams& start);

// Fit report: each target, reference, simulated value, residual; then the fitted values.
void print_calibration(std::FILE* out, const Calibration& fit);

}  // namespace alemsim
