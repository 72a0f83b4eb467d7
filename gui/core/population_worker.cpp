#include "gui/core/population_worker.hpp"

#include <algorithm>
#include <exception>

#include "models/variability.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"

namespace alemsim::gui {

PopulationWorker::PopulationWorker(int threads)
    : threads_(threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      thread_([this](std::stop_token stop) { loop(stop); }) {}

PopulationWorker::~PopulationWorker() {
  cancel_ = true;
  thread_.request_stop();
  // jthread's destructor joins; the stop token wakes the wait in loop().
}

std::uint64_t PopulationWorker::submit(PopulationRequest request) {
  std::lock_guard lock(mutex_);
  queued_ = std::move(request);
  ++submitted_;
  cancel_ = true;
  wake_.notify_one();
  return submitted_;
}

PopulationProgress PopulationWorker::progress() const {
  std::lock_guard lock(mutex_);
  return {running_generation_, done_.load(), total_.load(), running_ || queued_.has_value()};
}

std::shared_ptr<const PopulationSnapshot> PopulationWorker::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

std::pair<std::uint64_t, std::string> PopulationWorker::last_error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

bool PopulationWorker::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return !running_ && !queued_.has_value(); });
}

void PopulationWorker::loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (wake_.wait(lock, stop, [this] { return queued_.has_value(); })) {
    const PopulationRequest request = std::move(*queued_);
    queued_.reset();
    running_generation_ = submitted_;
    running_ = true;
    cancel_ = false;
    done_ = 0;
    total_ = request.patients;
    const std::uint64_t generation = running_generation_;
    lock.unlock();
    std::shared_ptr<const PopulationSnapshot> snapshot;
    std::string error;
    try {
      snapshot = run(request, generation);
    } catch (const std::exception& e) {
      error = e.what();
    }
    lock.lock();
    // A superseded run (cancelled, or finished while a newer request waits) is thrown away.
    if (!queued_.has_value() && !cancel_) {
      if (snapshot) latest_ = std::move(snapshot);
      if (!error.empty()) error_ = {generation, error};
    }
    running_ = false;
    idle_.notify_all();
  }
}

std::shared_ptr<const PopulationSnapshot> PopulationWorker::run(const PopulationRequest& request, std::uint64_t generation) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<PopulationPatient> patients(static_cast<std::size_t>(request.patients));
  std::atomic<std::int64_t> next{0};
  // Each thread takes the next patient index; results go to preallocated slots, nothing else is shared.
  const auto work = [&] {
    for (std::int64_t i = next++; i < request.patients && !cancel_; i = next++) {
      PopulationPatient& p = patients[static_cast<std::size_t>(i)];
      try {
        p.params = sample_patient(request.typical, variability_table(), request.seed, i);
        p.result = simulate_patient(p.params, request.infusions, request.grid_day);
      } catch (const std::exception& e) {
        p.ok = false;
        p.error = e.what();
      }
      ++done_;
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (int t = 1; t < threads_; ++t) helpers.emplace_back(work);
    work();
  }
  if (cancel_) return nullptr;
  auto snapshot = std::make_shared<PopulationSnapshot>(
      make_population_snapshot(request.grid_day, engine_quantities(), patients, request.trace_count));
  snapshot->generation = generation;
  snapshot->source = std::to_string(request.patients) + " virtual patients, seed " + std::to_string(request.seed);
  snapshot->compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return snapshot;
}

}  // namespace alemsim::gui
