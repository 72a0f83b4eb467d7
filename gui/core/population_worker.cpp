#include "gui/core/population_worker.hpp"

#include <algorithm>
#include <exception>

#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim::gui {
namespace {

// Thrown from the batch callback to stop run_population early.
struct Cancelled {};

}  // namespace

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

void PopulationWorker::cancel() {
  std::lock_guard lock(mutex_);
  queued_.reset();
  cancel_ = true;
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
  const PatientSampler sampler(request.typical, request.variability);
  PopulationRunOptions options;
  options.seed = request.seed;
  options.patients = request.patients;
  options.threads = threads_;
  options.batch_size = kBatchPatients;
  options.bin_series = true;
  const std::size_t courses = request.plan.courses().size();
  const std::span<const double> grid_day = request.plan.grid_day();
  PopulationSummary summary(patient_outputs(), grid_day.size(), courses);
  std::vector<std::vector<std::vector<double>>> traces(patient_outputs().size());
  std::size_t kept = 0;
  std::string first_error;
  try {
    run_population(sampler, request.plan, options, [&](std::span<const PatientOutcome> batch) {
      // run_population calls this between batches, outside its parallel region, so throwing here
      // is how a superseded run stops without changes to the engine.
      if (cancel_) throw Cancelled{};
      summary.add(batch, threads_);
      for (const PatientOutcome& p : batch) {
        if (!p.ok && first_error.empty()) first_error = "patient " + std::to_string(p.index) + ": " + p.error;
        if (!p.ok || kept >= static_cast<std::size_t>(std::max(request.trace_count, 0))) continue;
        for (std::size_t q = 0; q < traces.size(); ++q) traces[q].push_back(p.result.series[q]);
        ++kept;
      }
      done_ = batch.back().index + 1;
    });
  } catch (const Cancelled&) {
    return nullptr;
  }
  auto snapshot = std::make_shared<PopulationSnapshot>(make_population_snapshot(grid_day, summary, courses, first_error));
  snapshot->traces = std::move(traces);
  snapshot->generation = generation;
  snapshot->source = std::to_string(request.patients) + " virtual patients, seed " + std::to_string(request.seed);
  snapshot->compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return snapshot;
}

}  // namespace alemsim::gui
