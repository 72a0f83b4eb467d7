#include "sim/patient.hpp"

#include "models/pk_model.hpp"
#include "sim/simulate.hpp"

namespace alemsim {

PatientResult simulate_patient(const PkParams& params, std::span<const Infusion> infusions,
                               std::span<const double> grid_day, const SolverOptions& options) {
  const PkModel model{params};
  const auto states = simulate(model, infusions, grid_day, options);
  PatientResult result;
  result.concentration_ng_per_ml.reserve(states.size());
  result.cd52_pool_cells_per_ul.reserve(states.size());
  for (const auto& x : states) {
    result.concentration_ng_per_ml.push_back(model.concentration_ng_per_ml(x));
    result.cd52_pool_cells_per_ul.push_back(x[PkModel::kTargetCellsPerUl]);
  }
  result.courses = summarize_courses(infusions, grid_day, result.concentration_ng_per_ml);
  return result;
}

}  // namespace alemsim
