#include "validation/label_figures.hpp"

#include "models/calendar.hpp"
#include "sim/output_grid.hpp"
#include "sim/plan.hpp"

namespace alemsim {

std::vector<Course> label_regimen() {
  return {Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};
}

double label_value(const LabelFigures& f, std::string_view column, double t_day) {
  return f.result.series[output_index(column)][grid_index_of(f.grid_day, t_day)];
}

LabelFigures simulate_label(const ModelParams& params, std::span<const double> extra_times_day) {
  constexpr double kStepDay = 1.0;
  std::vector<double> extra;
  for (double month : kCareMsMonths) extra.push_back(month * kDaysPerMonth);
  extra.push_back(15.0 * kDaysPerMonth);
  extra.insert(extra.end(), extra_times_day.begin(), extra_times_day.end());

  const SimulationPlan plan(label_regimen(), kLabelHorizonDay, kStepDay, extra);
  LabelFigures f;
  f.grid_day.assign(plan.grid_day().begin(), plan.grid_day().end());
  f.result = simulate_patient(params, plan);
  for (std::size_t i = 0; i < kCareMsMonths.size(); ++i) {
    f.cd4_cells_per_ul[i] = label_value(f, "cd4_cells_per_ul", kCareMsMonths[i] * kDaysPerMonth);
    f.cd8_cells_per_ul[i] = label_value(f, "cd8_cells_per_ul", kCareMsMonths[i] * kDaysPerMonth);
  }
  f.cd19_month6_cells_per_ul = label_value(f, "cd19_cells_per_ul", 6.0 * kDaysPerMonth);
  f.ada_titer_month15 = label_value(f, "ada_titer", 15.0 * kDaysPerMonth);
  return f;
}

}  // namespace alemsim
