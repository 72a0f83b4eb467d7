// Runs virtual populations on a background thread so the window never waits for them. The render
// loop submits requests and reads finished, immutable snapshots; a newer request stops an older
// run after its current batch of kBatchPatients patients.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "gui/core/snapshot.hpp"
#include "models/variability.hpp"
#include "sim/plan.hpp"

namespace alemsim::gui {

// Patients simulated between two looks at the stop flag and two progress updates. Small, so an edit
// stops a superseded run within a fraction of a second; results do not depend on it.
inline constexpr std::int64_t kBatchPatients = 16;

struct PopulationRequest {
  ModelParams typical{};
  VariabilityModel variability;
  SimulationPlan plan;
  std::uint64_t seed = 1;
  std::int64_t patients = 1;
  int trace_count = 0;  // individual patients kept for optional traces
};

struct PopulationProgress {
  std::uint64_t generation = 0;  // request running, or the last one run
  std::int64_t done = 0;         // patients finished
  std::int64_t total = 0;
  bool running = false;
};

class PopulationWorker {
 public:
  // threads: patients simulated in parallel during a run (0: one per hardware thread).
  explicit PopulationWorker(int threads = 0);
  ~PopulationWorker();  // stops a run in progress and joins
  PopulationWorker(const PopulationWorker&) = delete;
  PopulationWorker& operator=(const PopulationWorker&) = delete;

  // Queues `request` in place of any queued one and stops a run in progress. Returns its generation
  // (1, 2, ...). The run is the engine's run_population into a PopulationSummary, as `alemsim run`
  // does, so figures and percentiles equal the command line's for the same scenario.
  std::uint64_t submit(PopulationRequest request);

  // Drops a queued request and stops a run in progress; nothing it computed is kept.
  void cancel();

  PopulationProgress progress() const;

  // Newest finished snapshot, null before the first.
  std::shared_ptr<const PopulationSnapshot> latest() const;

  // Generation and message of the newest request that failed as a whole (bad variability, or no
  // patient could be simulated); generation 0 when none has.
  std::pair<std::uint64_t, std::string> last_error() const;

  // Waits until nothing is queued or running. Returns false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  void loop(std::stop_token stop);
  std::shared_ptr<const PopulationSnapshot> run(const PopulationRequest& request, std::uint64_t generation);

  int threads_;
  mutable std::mutex mutex_;
  std::condition_variable_any wake_;
  mutable std::condition_variable_any idle_;
  std::optional<PopulationRequest> queued_;
  std::uint64_t submitted_ = 0;       // generation of the newest submitted request
  std::uint64_t running_generation_ = 0;
  bool running_ = false;
  std::shared_ptr<const PopulationSnapshot> latest_;
  std::pair<std::uint64_t, std::string> error_{0, {}};
  std::atomic<bool> cancel_{false};
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> total_{0};
  std::jthread thread_;  // last member: starts after everything above is initialised
};

}  // namespace alemsim::gui
