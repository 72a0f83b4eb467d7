#include "gui/core/session.hpp"

#include <exception>

namespace alemsim::gui {

Session::Session(int worker_threads) : worker_(worker_threads) {}

std::optional<SimulationPlan> Session::simulate_typical_patient(const Scenario& scenario) {
  try {
    SimulationPlan plan = viewer_plan(scenario);
    results_.typical = std::make_shared<const TypicalSnapshot>(simulate_typical(scenario, plan));
    results_.simulation_error.clear();
    return plan;
  } catch (const std::exception& e) {
    results_.simulation_error = e.what();
    return std::nullopt;
  }
}

void Session::update(const Scenario& scenario, int trace_count) {
  std::optional<SimulationPlan> plan = simulate_typical_patient(scenario);
  if (!plan) return;
  from_file_.reset();
  try {
    check_population_size(scenario.patients, *plan);
  } catch (const std::exception& e) {
    worker_.cancel();
    results_.population_error = e.what();
    results_.wanted_generation = 0;
    return;
  }
  results_.population_error.clear();
  results_.wanted_generation = worker_.submit(PopulationRequest{scenario.typical_params, scenario.variability,
                                                                std::move(*plan), scenario.seed, scenario.patients,
                                                                trace_count});
}

void Session::show_population(std::shared_ptr<const PopulationSnapshot> population, const Scenario* scenario) {
  worker_.cancel();
  if (scenario != nullptr) simulate_typical_patient(*scenario);
  from_file_ = std::move(population);
  results_.population_error.clear();
  results_.wanted_generation = from_file_->generation;
  poll();
}

void Session::poll() {
  // A run the file replaced may still be finishing its last batch; it is no progress of what is shown.
  results_.progress = from_file_ ? PopulationProgress{} : worker_.progress();
  results_.population_from_file = from_file_ != nullptr;
  results_.population = from_file_ ? from_file_ : worker_.latest();
  const auto [error_generation, error] = worker_.last_error();
  if (error_generation != 0 && error_generation == results_.wanted_generation) results_.population_error = error;
}

bool Session::wait_population(std::chrono::milliseconds timeout) {
  const bool idle = worker_.wait_idle(timeout);
  poll();
  return idle;
}

}  // namespace alemsim::gui
