#include "validation/calibration.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

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

// Objective for the minimiser: parameter sets with no steady state or a failed integration are
// infinitely bad rather than errors, so the simplex simply moves away from them.
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

std::vector<CalibrationTarget> calibration_targets(const LabelFigures& f) {
  std::vector<CalibrationTarget> targets;
  for (const ReferenceFigure* target : calibration_figures()) {
    const ReferenceFigure& figure = *target;
    // A bound has no middle, and a band whose sides have different tolerances no single width.
    if (!std::isfinite(figure.min) || !std::isfinite(figure.max) ||
        figure.tolerance_at(figure.min) != figure.tolerance_at(figure.max)) {
      throw std::logic_error("calibration target " + figure.id + ": expected a value, or a range with one tolerance");
    }
    const double reference = figure.is_point() ? figure.min : 0.5 * (figure.min + figure.max);
    const double scale =
        figure.is_point() ? figure.tolerance_at(figure.min) : 0.5 * (figure.max - figure.min) + figure.tolerance_at(figure.max);
    targets.push_back({figure.id, figure.source, reference, evaluate_typical(figure, f), scale, figure.unit});
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
  // The objective has several local minima (the CD52 sink and the lysis rate trade off against the
  // T-cell recovery parameters), so the fit starts from `start` and from fixed variations of the
  // sink capacity and lysis rate, and keeps the best. Deterministic: same start, same answer.
  const std::pair<double, double> kStartFactors[] = {{1, 1}, {0.1, 1}, {10, 1}, {1, 3}, {0.1, 3}, {10, 3}};
  constexpr double kLogStep = 0.3;           // initial step of each log-parameter (a factor of 1.35)
  constexpr double kObjectiveTol = 1e-10;    // of a sum of squares near 1
  constexpr int kMaxEvaluations = 20000;     // per start
  Minimum best;
  best.value = HUGE_VAL;
  int evaluations = 0;
  for (const auto& [vmax_factor, kill_factor] : kStartFactors) {
    std::vector<double> x0;
    for (std::string_view name : kCalibratedParams) {
      double value = start.*find_param(name)->field;
      if (name == "target_vmax_mg_per_day") value *= vmax_factor;
      if (name == "kill_max_per_day") value *= kill_factor;
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
