#include "validation/calibration.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/patient.hpp"
#include "sim/solver.hpp"
#include "validation/checks.hpp"
#include "validation/minimise.hpp"
#include "validation/reference_figures.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {
namespace {

// The labelled regimen with the days the targets are read on its grid (found once: the objective
// runs thousands of times).
LabelFigures simulate_targets(const ModelParams& p) {
  static const std::vector<double> days = calibration_times_day();
  return simulate_label(p, days);
}

ModelParams with_log_values(ModelParams p, const std::vector<double>& log_values) {
  for (std::size_t i = 0; i < std::size(kCalibratedParams); ++i) {
    p.*find_param(kCalibratedParams[i])->field = std::exp(log_values[i]);
  }
  return p;
}

// Objective for the minimiser: invalid parameter sets and failed integrations are infinitely bad
// rather than errors, so BOBYQA simply moves away from them.
double objective_of(const ModelParams& p) {
  try {
    validate(p);
    double sum = 0.0;
    for (const CalibrationTarget& t : calibration_targets(simulate_targets(p))) sum += t.residual() * t.residual();
    return std::isfinite(sum) ? sum : HUGE_VAL;
  } catch (const std::invalid_argument&) {
    return HUGE_VAL;
  } catch (const SolverError&) {
    return HUGE_VAL;
  }
}

}  // namespace

std::vector<const ReferenceFigure*> calibration_figures() {
  std::vector<const ReferenceFigure*> figures;
  for (const ReferenceFigure& f : shipped_reference_figures().figures) {
    if (f.role == FigureRole::kCalibration && !f.metric->population) figures.push_back(&f);
  }
  return figures;
}

namespace {

// The day of a nadir on the output grid moves in whole days, which a minimiser cannot follow. The
// latest-nadir bound is fitted through a smooth stand-in: how far each blood subset still falls
// after kNadirFitDay of the course (ln of the count on that day over the lowest count in the two
// months after it), the largest over CD4+, CD8+ and CD19+, in percent; 0 means every nadir is by then.
// kNadirFitDay is two days inside the 14-day bound, so that the daily grid the validation reads
// the nadir on still finds it within 14 days.
constexpr double kNadirFitCourseDay = 12.0;
constexpr double kNadirFitPercentScale = 0.5;

double fall_after_fit_day_percent(const LabelFigures& f, const ReferenceFigure& figure) {
  const double start = label_regimen()[static_cast<std::size_t>(figure.course - 1)].start_day;
  double worst = 0.0;
  for (const char* column : {"cd4_cells_per_ul", "cd8_cells_per_ul", "cd19_cells_per_ul"}) {
    const auto& y = f.result.series[output_index(column)];
    double at_day = NAN, lowest = HUGE_VAL;
    for (std::size_t i = 0; i < f.grid_day.size(); ++i) {
      const double course_day = f.grid_day[i] - start;
      if (course_day == kNadirFitCourseDay) at_day = y[i];
      if (course_day >= kNadirFitCourseDay && course_day <= kNadirFitCourseDay + 60.0) lowest = std::min(lowest, y[i]);
    }
    worst = std::max(worst, 100.0 * std::log(at_day / lowest));
  }
  return worst;
}

}  // namespace

std::vector<CalibrationTarget> calibration_targets(const LabelFigures& f) {
  std::vector<CalibrationTarget> targets;
  for (const ReferenceFigure* target : calibration_figures()) {
    const ReferenceFigure& figure = *target;
    if (figure.metric->metric == Metric::kLatestNadirDay) {
      targets.push_back({figure.id, figure.source, 0.0, fall_after_fit_day_percent(f, figure), kNadirFitPercentScale,
                         "% fall after course day 12", CalibrationTarget::Kind::kAtMost});
      continue;
    }
    const double simulated = evaluate_typical(figure, f);
    const bool has_min = std::isfinite(figure.min), has_max = std::isfinite(figure.max);
    if (has_min != has_max) {
      const double bound = has_max ? figure.max : figure.min;
      const double tolerance = figure.tolerance_at(bound);
      const double scale = tolerance > 0.0 ? tolerance : kBoundScale * std::abs(bound);
      if (!(scale > 0.0)) throw std::logic_error("calibration target " + figure.id + ": a bound at 0 needs a tolerance");
      targets.push_back({figure.id, figure.source, bound + (has_max ? tolerance : -tolerance), simulated, scale,
                         figure.unit, has_max ? CalibrationTarget::Kind::kAtMost : CalibrationTarget::Kind::kAtLeast});
      continue;
    }
    // A band whose sides have different tolerances has no single width.
    if (!has_min || figure.tolerance_at(figure.min) != figure.tolerance_at(figure.max)) {
      throw std::logic_error("calibration target " + figure.id + ": expected a value, a bound, or a range with one tolerance");
    }
    const double reference = figure.is_point() ? figure.min : 0.5 * (figure.min + figure.max);
    const double scale =
        figure.is_point() ? figure.tolerance_at(figure.min) : 0.5 * (figure.max - figure.min) + figure.tolerance_at(figure.max);
    targets.push_back({figure.id, figure.source, reference, simulated, scale, figure.unit});
  }
  return targets;
}

std::vector<double> calibration_times_day() {
  std::vector<double> days;
  for (const ReferenceFigure* figure : calibration_figures()) {
    if (figure->metric->needs_months_after) days.push_back(figure_day(*figure));
  }
  return days;
}

Calibration calibrate(const ModelParams& start) {
  const auto objective = [&](const std::vector<double>& x) { return objective_of(with_log_values(start, x)); };
  // The objective has several local minima (blood-tissue exchange and tissue lysis trade off against
  // the T-cell recovery parameters), so the fit starts from `start` and from fixed variations of the
  // exchange rate and tissue lysis, and keeps the best. Deterministic: same start, same answer.
  const std::pair<double, double> kStartFactors[] = {{1, 1}, {0.3, 1}, {3, 1}, {1, 2}, {0.3, 2}, {3, 0.5}};
  constexpr double kLogStep = 0.3;           // initial step of each log-parameter (a factor of 1.35)
  constexpr double kObjectiveTol = 1e-10;    // of a sum of squares near 1
  constexpr int kMaxEvaluations = 20000;     // per start
  Minimum best;
  best.value = HUGE_VAL;
  int evaluations = 0;
  for (const auto& [exchange_factor, tissue_lysis_factor] : kStartFactors) {
    std::vector<double> x0;
    for (std::string_view name : kCalibratedParams) {
      double value = start.*find_param(name)->field;
      if (name == "tissue_to_blood_per_day") value *= exchange_factor;
      if (name == "tissue_lysis_max_per_day") value *= tissue_lysis_factor;
      x0.push_back(std::log(value));
    }
    Minimum nm = minimise_with_restarts(objective, x0, kLogStep, kObjectiveTol, kMaxEvaluations);
    evaluations += nm.evaluations;
    if (nm.value < best.value) best = std::move(nm);
  }
  Calibration fit;
  fit.fitted = with_log_values(start, best.x);
  fit.targets = calibration_targets(simulate_targets(fit.fitted));
  fit.objective = best.value;
  fit.evaluations = evaluations;
  fit.converged = best.converged;
  return fit;
}

void print_calibration(std::FILE* out, const Calibration& fit) {
  fmt::print(out, "{:<22} {:<24} {:>10} {:>10} {:>9}  {}\n", "target", "source", "reference", "simulated",
             "residual", "unit");
  for (const CalibrationTarget& t : fit.targets) {
    fmt::print(out, "{:<22} {:<24} {:>10.4g} {:>10.4g} {:>+9.3f}  {}\n", t.name, t.source, t.reference, t.simulated,
               t.residual(), t.unit);
  }
  fmt::print(out, "residuals are in units of the acceptance tolerance; objective {:.4e} after {} evaluations ({})\n",
             fit.objective, fit.evaluations, fit.converged ? "converged" : "NOT converged");
  fmt::print(out, "fitted values (models/model_params.cpp):\n");
  for (std::string_view name : kCalibratedParams) {
    const ParamInfo* info = find_param(name);
    fmt::print(out, "  {:<36} {:.4g} {}\n", name, fit.fitted.*info->field, info->unit);
  }
}

}  // namespace alemsim
