#include "sim/patient.hpp"

#include <stdexcept>
#include <string>

#include "models/alemtuzumab_model.hpp"
#include "sim/simulate.hpp"

namespace alemsim {

static_assert(AlemtuzumabModel::kConcentrationOutput == 0, "PatientResult::concentration_ng_per_ml() reads series 0");

std::span<const OutputQuantity> patient_outputs() { return AlemtuzumabModel::kOutputs; }

std::size_t output_index(std::string_view column) {
  const auto outputs = patient_outputs();
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (outputs[q].column == column) return q;
  }
  throw std::invalid_argument("no output quantity named '" + std::string(column) + "'");
}

PatientResult simulate_patient(const ModelParams& params, std::span<const Infusion> infusions,
                               std::span<const double> grid_day, const SolverOptions& options) {
  PatientResult result;
  simulate_patient_into(result, params, infusions, grid_day, options);
  return result;
}

void simulate_patient_into(PatientResult& result, const ModelParams& params, std::span<const Infusion> infusions,
                           std::span<const double> grid_day, const SolverOptions& options) {
  const AlemtuzumabModel model{params};
  result.series.resize(AlemtuzumabModel::kOutputs.size());
  for (std::vector<double>& s : result.series) s.resize(grid_day.size());  // every element is written below
  simulate_observed(
      model, infusions, grid_day,
      [&](std::size_t i, const AlemtuzumabModel::State& x) {
        const auto values = model.outputs(x);
        for (std::size_t q = 0; q < values.size(); ++q) result.series[q][i] = values[q];
      },
      options);
  result.courses = summarize_courses(infusions, grid_day, AlemtuzumabModel::kOutputs, result.series);
}

}  // namespace alemsim
