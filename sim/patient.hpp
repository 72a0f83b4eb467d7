// One simulated patient: the model through a regimen, reduced to output series and course figures.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "models/output_quantity.hpp"
#include "models/model_params.hpp"
#include "sim/course_summary.hpp"
#include "sim/patient_lanes.hpp"
#include "sim/plan.hpp"

namespace alemsim {

// The quantities in PatientResult::series, in order.
std::span<const OutputQuantity> patient_outputs();

// Position of the quantity named `column` in patient_outputs(). Throws std::invalid_argument if absent.
std::size_t output_index(std::string_view column);
// The quantity named `column` (patient_outputs()[output_index(column)]).
const OutputQuantity& output_quantity(std::string_view column);
// The quantity with `role` in patient_outputs(). Throws std::logic_error if the model has none.
const OutputQuantity& output_with_role(QuantityRole role);

struct PatientResult {
  std::vector<std::vector<double>> series;  // [quantity of patient_outputs()][output time]
  std::vector<CourseSummary> courses;

  const std::vector<double>& concentration_ng_per_ml() const { return series.at(0); }
};

// One patient with parameters `params` through `plan`: every output at every grid time, and the
// per-course summary. Throws SolverError if the integration fails.
PatientResult simulate_patient(const ModelParams& params, const SimulationPlan& plan);

// The same into `result`, reusing its memory (a population run refills the same outcomes batch after
// batch). On SolverError, `result` is left half written.
void simulate_patient_into(PatientResult& result, const ModelParams& params, const SimulationPlan& plan);

// kPatientLanes patients integrated together, one per SIMD lane with one step controller
// (sim/patient_lanes.hpp), each into its result. Every lane meets the solver's tolerances, so each
// result agrees with simulate_patient() to within them, though not to the bit. Throws SolverError
// if the integration fails for any lane (then every result is left half written).
void simulate_patients_into(const std::array<PatientResult*, kPatientLanes>& results,
                            const std::array<ModelParams, kPatientLanes>& params, const SimulationPlan& plan);

}  // namespace alemsim
