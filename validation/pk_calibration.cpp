#include "validation/pk_calibration.hpp"

#include <cmath>

#include "validation/nelder_mead.hpp"

namespace alemsim {
namespace {

double relative(double simulated, double reference) { return (simulated - reference) / reference; }

ModelParams with_log_values(ModelParams p, const std::vector<double>& log_values) {
  for (std::size_t i = 0; i < std::size(kCalibratedModelParams); ++i) {
    p.*find_param(kCalibratedModelParams[i])->field = std::exp(log_values[i]);
  }
  return p;
}

}  // namespace

double pk_calibration_objective(const LabelPkFigures& f) {
  const double r[] = {relative(f.cmax_course1_ng_per_ml, kLabelCmaxCourse1NgPerMl),
                      relative(f.cmax_course2_ng_per_ml, kLabelCmaxCourse2NgPerMl),
                      relative(f.half_life_course1_day, kLabelHalfLifeMidDay),
                      relative(f.half_life_course2_day, kLabelHalfLifeMidDay),
                      relative(f.pool_fraction_month1, kCareMsTCellFractionMonth1),
                      relative(f.pool_fraction_month12, kCareMsTCellFractionMonth12)};
  double sum = 0.0;
  for (double ri : r) sum += ri * ri;
  return std::isfinite(sum) ? sum : 1e30;
}

PkCalibration calibrate_pk(const ModelParams& start) {
  std::vector<double> x0;
  for (std::string_view name : kCalibratedModelParams) x0.push_back(std::log(start.*find_param(name)->field));
  const auto objective = [&](const std::vector<double>& x) {
    return pk_calibration_objective(simulate_label_pk(with_log_values(start, x)));
  };
  constexpr double kLogStep = 0.2;
  constexpr double kObjectiveTol = 1e-14;
  constexpr int kMaxEvaluations = 2000;
  const NelderMeadResult nm = nelder_mead(objective, x0, kLogStep, kObjectiveTol, kMaxEvaluations);
  PkCalibration fit;
  fit.fitted = with_log_values(start, nm.x);
  fit.figures = simulate_label_pk(fit.fitted);
  fit.objective = nm.value;
  fit.evaluations = nm.evaluations;
  fit.converged = nm.converged;
  return fit;
}

void print_pk_calibration(std::FILE* out, const PkCalibration& fit) {
  const LabelPkFigures& f = fit.figures;
  std::fprintf(out, "%-34s %10s %10s %9s  %s\n", "target", "reference", "simulated", "residual", "unit");
  const auto row = [&](const char* name, double ref, double sim, const char* unit) {
    std::fprintf(out, "%-34s %10.1f %10.1f %+8.2f%%  %s\n", name, ref, sim, 100.0 * relative(sim, ref), unit);
  };
  row("Cmax, course 1 (day 5)", kLabelCmaxCourse1NgPerMl, f.cmax_course1_ng_per_ml, "ng/mL");
  row("Cmax, course 2 (day 3)", kLabelCmaxCourse2NgPerMl, f.cmax_course2_ng_per_ml, "ng/mL");
  std::fprintf(out, "%-34s %10s %10.2f %+8.2f%%  %s\n", "alpha half-life, course 1", "4-5", f.half_life_course1_day,
               100.0 * relative(f.half_life_course1_day, kLabelHalfLifeMidDay), "day");
  std::fprintf(out, "%-34s %10s %10.2f %+8.2f%%  %s\n", "alpha half-life, course 2", "4-5", f.half_life_course2_day,
               100.0 * relative(f.half_life_course2_day, kLabelHalfLifeMidDay), "day");
  const auto fraction_row = [&](const char* name, double ref, double sim) {
    std::fprintf(out, "%-34s %10.3f %10.3f %+8.2f%%  %s\n", name, ref, sim, 100.0 * relative(sim, ref), "of baseline");
  };
  fraction_row("CD52 pool, month 1 (CARE-MS T)", kCareMsTCellFractionMonth1, f.pool_fraction_month1);
  fraction_row("CD52 pool, month 12 (CARE-MS T)", kCareMsTCellFractionMonth12, f.pool_fraction_month12);
  std::fprintf(out, "objective %.3e after %d evaluations (%s)\n", fit.objective, fit.evaluations,
               fit.converged ? "converged" : "NOT converged");
  std::fprintf(out, "fitted values (models/model_params.cpp):\n");
  for (std::string_view name : kCalibratedModelParams) {
    const ParamInfo* info = find_param(name);
    std::fprintf(out, "  %-30.*s %.4g %.*s\n", static_cast<int>(name.size()), name.data(), fit.fitted.*info->field,
                 static_cast<int>(info->unit.size()), info->unit.data());
  }
}

}  // namespace alemsim
