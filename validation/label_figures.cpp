#include "validation/label_figures.hpp"

#include "io/shipped_scenarios.hpp"
#include "sim/output_grid.hpp"
#include "sim/plan.hpp"

namespace alemsim {

const std::vector<Course>& label_regimen() {
  static const std::vector<Course> courses = labelled_regimen_scenario().courses;
  return courses;
}

double label_value(const LabelFigures& f, std::string_view column, double t_day) {
  return f.result.series[output_index(column)][grid_index_of(f.grid_day, t_day)];
}

LabelFigures simulate_label(const ModelParams& params, std::span<const double> extra_times_day) {
  constexpr double kStepDay = 1.0;
  const SimulationPlan plan(label_regimen(), kLabelHorizonDay, kStepDay, extra_times_day);
  LabelFigures f;
  f.grid_day.assign(plan.grid_day().begin(), plan.grid_day().end());
  f.result = simulate_patient(params, plan);
  return f;
}

}  // namespace alemsim
