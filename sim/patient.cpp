#include "sim/patient.hpp"

#include <stdexcept>
#include <string>

#include "models/alemtuzumab_model.hpp"
#include "sim/simulate.hpp"

namespace alemsim {

static_assert(find_role(AlemtuzumabModel::kOutputs, QuantityRole::kDrugConcentration) == 0,
              "PatientResult::concentration_ng_per_ml() reads series 0");

std::span<const OutputQuantity> patient_outputs() { return AlemtuzumabModel::kOutputs; }

std::size_t output_index(std::string_view column) {
  const auto outputs = patient_outputs();
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (outputs[q].column == column) return q;
  }
  throw std::invalid_argument("no output quantity named '" + std::string(column) + "'");
}

const OutputQuantity& output_quantity(std::string_view column) { return patient_outputs()[output_index(column)]; }

const OutputQuantity& output_with_role(QuantityRole role) {
  const std::size_t q = find_role(patient_outputs(), role);
  if (q == patient_outputs().size()) throw std::logic_error("the model reports no output of this role");
  return patient_outputs()[q];
}

PatientResult simulate_patient(const ModelParams& params, const SimulationPlan& plan) {
  PatientResult result;
  simulate_patient_into(result, params, plan);
  return result;
}

void simulate_patient_into(PatientResult& result, const ModelParams& params, const SimulationPlan& plan) {
  const AlemtuzumabModel model{params};
  result.series.resize(AlemtuzumabModel::kOutputs.size());
  for (std::vector<double>& s : result.series) s.resize(plan.grid_day().size());  // every element is written below
  simulate_observed(model, plan, [&](std::size_t i, const AlemtuzumabModel::State& x) {
    const auto values = model.outputs(x);
    for (std::size_t q = 0; q < values.size(); ++q) result.series[q][i] = values[q];
  });
  result.courses = summarize_courses(plan, AlemtuzumabModel::kOutputs, result.series);
}

void simulate_patients_into(const std::array<PatientResult*, kPatientLanes>& results,
                            const std::array<ModelParams, kPatientLanes>& params, const SimulationPlan& plan) {
  using Group = PatientLanes<kPatientLanes>;
  const Group group(params);
  for (PatientResult* result : results) {
    result->series.resize(AlemtuzumabModel::kOutputs.size());
    for (std::vector<double>& s : result->series) s.resize(plan.grid_day().size());
  }
  simulate_observed(group, plan, [&](std::size_t i, const Group::State& x) {
    const auto values = AlemtuzumabModel::outputs(group.constants, Group::LaneReader{x.data()});
    for (std::size_t q = 0; q < values.size(); ++q) {
      for (std::size_t l = 0; l < kPatientLanes; ++l) results[l]->series[q][i] = values[q][l];
    }
  });
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    results[l]->courses = summarize_courses(plan, AlemtuzumabModel::kOutputs, results[l]->series);
  }
}

}  // namespace alemsim
