#include "gui/core/simulation.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

#include "sim/patient.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim::gui {

SimulationPlan viewer_plan(const Scenario& scenario) {
  validate(scenario.typical_params);
  try {
    const SimulationPlan plan = simulation_plan(scenario);
    if (scenario.horizon_day / scenario.output_step_day > kMaxGridPoints) {
      throw std::invalid_argument("output step: at most " + format_number(kMaxGridPoints) +
                                  " output times in the viewer; choose a step of at least " +
                                  format_number(scenario.horizon_day / kMaxGridPoints) + " days");
    }
    return plan;
  } catch (const PlanError& e) {
    // The regimen's messages name the course and field; the others get the panel's name for them.
    switch (e.field()) {
      case PlanError::Field::kHorizon: throw std::invalid_argument(std::string("horizon: ") + e.what());
      case PlanError::Field::kOutputStep: throw std::invalid_argument(std::string("output step: ") + e.what());
      default: throw;
    }
  }
}

TypicalSnapshot simulate_typical(const Scenario& scenario, const SimulationPlan& plan) {
  const auto start = std::chrono::steady_clock::now();
  PatientResult result = simulate_patient(scenario.typical_params, plan);
  TypicalSnapshot s;
  s.compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  s.grid_day.assign(plan.grid_day().begin(), plan.grid_day().end());
  s.quantities = engine_quantities();
  s.series = std::move(result.series);
  s.courses = std::move(result.courses);
  s.regimen = scenario.courses;
  s.params = scenario.typical_params;
  return s;
}

void check_population_size(std::int64_t patients, const SimulationPlan& plan) {
  if (patients < 1) throw std::invalid_argument("patients: expected a whole number >= 1");
  const auto bytes_per_time = static_cast<std::int64_t>(patient_outputs().size() * LogBins::count() * sizeof(std::uint32_t));
  const std::int64_t max_times = kMaxHistogramBytes / bytes_per_time;
  if (static_cast<std::int64_t>(plan.grid_day().size()) > max_times) {
    throw std::invalid_argument("output step: population bands in the viewer hold at most " + std::to_string(max_times) +
                                " output times (this plan has " + std::to_string(plan.grid_day().size()) +
                                "); choose a coarser step, or run the population with 'alemsim run'");
  }
}

}  // namespace alemsim::gui
