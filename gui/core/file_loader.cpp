#include "gui/core/file_loader.hpp"

#include <exception>
#include <utility>

namespace alemsim::gui {

FileReadJob read_results_job(const std::string& path, std::optional<std::size_t> arm, int trace_count) {
  return [path, arm, trace_count](std::stop_token stop) {
    OpenedFile opened;
    opened.path = path;
    StudyArms arms = list_study_arms(path);
    if (arms.study || arm) {
      opened.arm = arm.value_or(arms.reference_arm);
      const std::string group = study_arm(arms, static_cast<long long>(opened.arm)).group;
      opened.results = read_results_file(path, trace_count, group, stop);
      opened.study = std::move(arms);
    } else {
      opened.results = read_results_file(path, trace_count, "/", stop);
    }
    return opened;
  };
}

FileLoader::~FileLoader() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void FileLoader::start(FileReadJob job) {
  // The read in progress stops at its next dataset or block of rows; waiting for it keeps HDF5 to
  // one thread at a time.
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
  {
    const std::lock_guard lock(mutex_);
    busy_ = true;
    finished_.reset();
  }
  thread_ = std::jthread([this, job = std::move(job)](std::stop_token stop) {
    FileRead outcome;
    try {
      outcome.file = job(stop);
    } catch (const std::exception& e) {
      outcome.error = e.what();
    }
    const std::lock_guard lock(mutex_);
    if (!stop.stop_requested()) finished_ = std::move(outcome);  // a superseded read is dropped
    busy_ = false;
    idle_.notify_all();
  });
}

bool FileLoader::busy() const {
  const std::lock_guard lock(mutex_);
  return busy_;
}

std::optional<FileRead> FileLoader::take() {
  const std::lock_guard lock(mutex_);
  std::optional<FileRead> out = std::move(finished_);
  finished_.reset();
  return out;
}

bool FileLoader::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return !busy_; });
}

}  // namespace alemsim::gui
