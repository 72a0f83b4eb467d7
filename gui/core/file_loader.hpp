// Reads results and study files on a background thread, so opening a large, slow or hostile file
// never stops the window: the render loop starts a read and takes its outcome when it is done.
// Every HDF5 read of the viewer runs here, one at a time (Debian's HDF5 is not thread-safe).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "gui/core/results_file.hpp"
#include "gui/core/study_arms.hpp"

namespace alemsim::gui {

// A results file as read: its population and scenario, and for a study file its arms.
struct OpenedFile {
  std::string path;
  std::optional<StudyArms> study;  // set for a study file
  std::size_t arm = 0;             // index in study->arms of the arm read
  ResultsFile results;
  bool refit = true;               // fit the plots' axes to it (false when switching arms)
};

// The outcome of a read: the file, or why it could not be read.
struct FileRead {
  std::optional<OpenedFile> file;
  std::string error;
};

// What the read does; it should return soon after `stop` is requested (read_results_file does).
using FileReadJob = std::function<OpenedFile(std::stop_token stop)>;

// The read of `path` that open() in the viewer starts: its arms (if a study), then the run layout
// of arm `arm` (default: the reference arm) or of the root.
FileReadJob read_results_job(const std::string& path, std::optional<std::size_t> arm, int trace_count);

class FileLoader {
 public:
  FileLoader() = default;
  ~FileLoader();  // stops a read in progress and waits for it
  FileLoader(const FileLoader&) = delete;
  FileLoader& operator=(const FileLoader&) = delete;

  // Stops a read in progress (its outcome is dropped) and starts `job` on the background thread.
  void start(FileReadJob job);
  bool busy() const;
  // The outcome of the finished read, once; nothing while it runs or after it was taken.
  std::optional<FileRead> take();
  // Waits until no read is running. Returns false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable idle_;
  bool busy_ = false;
  std::optional<FileRead> finished_;
  std::jthread thread_;
};

}  // namespace alemsim::gui
