// What the viewer has computed for the scenario being edited: the typical patient, re-simulated at
// once on every edit, and the population, re-run in the background or read from a results file.
// The render loop reads results(); nothing in it changes while a frame is drawn.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "gui/core/population_worker.hpp"
#include "gui/core/simulation.hpp"

namespace alemsim::gui {

struct Results {
  std::shared_ptr<const TypicalSnapshot> typical;       // last scenario that could be simulated
  std::shared_ptr<const PopulationSnapshot> population;  // newest finished population, maybe older than `typical`
  PopulationProgress progress;
  std::uint64_t wanted_generation = 0;  // population request of the current edit (population is stale while it differs)
  std::string simulation_error;         // why the current edit cannot be simulated; "" when it can
  std::string population_error;         // why the current edit's population cannot be shown; "" when it can
  bool population_from_file = false;    // population was read from a results file, not simulated
  bool population_stale() const { return !population || population->generation != wanted_generation; }
};

class Session {
 public:
  explicit Session(int worker_threads = 0);

  // Re-simulates the typical patient of `scenario` now and queues its population (scenario.patients
  // patients, keeping `trace_count` individual traces). On an invalid scenario the previous results
  // stay and simulation_error says why. Replaces a population shown from a file.
  void update(const Scenario& scenario, int trace_count);

  // Shows `population` (read from a results file) instead of simulating one, until the next
  // update(); stops any population run. With a scenario, its typical patient is simulated too.
  void show_population(std::shared_ptr<const PopulationSnapshot> population, const Scenario* scenario);

  // Picks up finished populations and progress from the worker; call once per frame before drawing.
  void poll();

  const Results& results() const { return results_; }

  // Waits for the queued population to finish (for screenshots and tests). False on timeout.
  bool wait_population(std::chrono::milliseconds timeout);

 private:
  // The typical patient of `scenario`, and its plan; nullopt (with simulation_error) when it cannot be simulated.
  std::optional<SimulationPlan> simulate_typical_patient(const Scenario& scenario);

  PopulationWorker worker_;
  Results results_;
  std::shared_ptr<const PopulationSnapshot> from_file_;  // shown instead of the worker's while set
};

}  // namespace alemsim::gui
