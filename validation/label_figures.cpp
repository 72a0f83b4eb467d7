#include "validation/label_figures.hpp"

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"
#include "sim/simulate.hpp"

namespace alemsim {

std::vector<Course> label_regimen() {
  return {Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};
}

double label_value(const LabelFigures& f, std::string_view column, double t_day) {
  return f.result.series[output_index(column)][grid_index_of(f.grid_day, t_day)];
}

LabelFigures simulate_label(const ModelParams& params) {
  constexpr double kHorizonDay = 730.0;
  constexpr double kStepDay = 1.0;
  const auto infusions = expand_regimen(label_regimen());
  std::vector<double> extra = course_summary_times(infusions);
  for (double month : kCareMsMonths) extra.push_back(month * kDaysPerMonth);
  extra.push_back(15.0 * kDaysPerMonth);

  LabelFigures f;
  f.grid_day = build_output_grid(kHorizonDay, kStepDay, infusions, extra);
  f.result = simulate_patient(params, infusions, f.grid_day);
  for (std::size_t i = 0; i < kCareMsMonths.size(); ++i) {
    f.cd4_cells_per_ul[i] = label_value(f, "cd4_cells_per_ul", kCareMsMonths[i] * kDaysPerMonth);
    f.cd8_cells_per_ul[i] = label_value(f, "cd8_cells_per_ul", kCareMsMonths[i] * kDaysPerMonth);
  }
  f.cd19_month6_cells_per_ul = label_value(f, "cd19_cells_per_ul", 6.0 * kDaysPerMonth);
  f.ada_titer_month15 = label_value(f, "ada_titer", 15.0 * kDaysPerMonth);
  return f;
}

}  // namespace alemsim
