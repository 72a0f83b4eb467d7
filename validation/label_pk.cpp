#include "validation/label_pk.hpp"

#include <cmath>

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"
#include "sim/patient.hpp"
#include "sim/simulate.hpp"

namespace alemsim {

std::vector<Course> label_regimen() {
  return {Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};
}

LabelPkFigures simulate_label_pk(const ModelParams& params) {
  constexpr double kHorizonDay = 730.0;
  constexpr double kStepDay = 1.0;
  const auto infusions = expand_regimen(label_regimen());
  const auto grid = build_output_grid(kHorizonDay, kStepDay, infusions, course_summary_times(infusions));
  const auto result = simulate_patient(params, infusions, grid);
  const auto& pool = result.series[output_index("cd52_pool_cells_per_ul")];
  const auto pool_fraction = [&](double t_day) {
    return pool[grid_index_of(grid, t_day)] / params.target_baseline_cells_per_ul;
  };
  const CoursePk& c1 = result.courses.at(0);
  const CoursePk& c2 = result.courses.at(1);
  return {c1.cmax_ng_per_ml,
          c2.cmax_ng_per_ml,
          std::floor(c1.tmax_day - c1.start_day) + 1.0,
          std::floor(c2.tmax_day - c2.start_day) + 1.0,
          c1.half_life_day,
          c2.half_life_day,
          c1.concentration_30d_ng_per_ml / c1.cmax_ng_per_ml,
          c2.concentration_30d_ng_per_ml / c2.cmax_ng_per_ml,
          pool_fraction(kMonth1Day),
          pool_fraction(kMonth12Day)};
}

}  // namespace alemsim
