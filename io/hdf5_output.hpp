// HDF5 results file of `alemsim run` (layout: docs/output-format.md), written while a population runs
// so memory does not grow with the number of patients, and moved into place only when complete.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {

struct RunInfo {
  std::string scenario_text;   // the scenario file as read
  std::string scenario_path;
  std::uint64_t seed = 0;
  std::int64_t patients = 0;
  std::int64_t keep_series = 0;  // first K patients whose series are stored
  std::size_t courses = 0;
  bool compress_series = false;  // RunLayoutSize::compress_series
  std::vector<std::string> settings;  // `run --set` PATH=VALUE applied to the scenario after reading it
};

// Version and commit of this build (io/build_info.cpp.in).
std::string alemsim_version();
std::string alemsim_git_commit();

class Hdf5Writer {
 public:
  // Creates "<path>.tmp-<pid>" and every dataset. Throws std::runtime_error naming the path on failure.
  Hdf5Writer(const std::string& path, const RunInfo& info, std::span<const double> grid_day,
             std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics);
  ~Hdf5Writer();  // removes the temporary file unless finish() succeeded
  Hdf5Writer(const Hdf5Writer&) = delete;
  Hdf5Writer& operator=(const Hdf5Writer&) = delete;

  // Writes the per-patient rows of a batch (patients must arrive in index order).
  void add(std::span<const PatientOutcome> batch);
  // Writes /summary from the accumulated percentiles, closes the file and renames it into place.
  void finish(const PopulationSummary& summary);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True once a results file of this process failed to write and could not be closed (a full disk:
// HDF5 crashes closing such a file, so it is left open and removed). The process must then end
// with std::_Exit rather than return from main, whose exit handlers would close it.
bool results_file_abandoned();

}  // namespace alemsim
