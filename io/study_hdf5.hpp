// Study results as HDF5 (layout: docs/output-format.md, "Study results"): one group per arm holding
// the `run` layout of that arm's patients, written batch by batch while the study runs, and the arm's
// outcome distributions, written when it is done. The file appears under its final name complete or
// not at all.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "io/study_file.hpp"
#include "sim/streaming_summary.hpp"
#include "sim/study.hpp"

namespace alemsim {

class StudyHdf5Writer {
 public:
  // Creates temporary_path(path) with the study's attributes. Every arm will store the series of its
  // first `keep_series` patients (0 to the study's patients), compressed with `compress_series`
  // (RunLayoutSize). Throws std::runtime_error naming the path.
  StudyHdf5Writer(const std::string& path, const StudyFile& study, std::int64_t keep_series, bool compress_series = false);
  ~StudyHdf5Writer();  // removes the temporary file unless finish() succeeded
  StudyHdf5Writer(const StudyHdf5Writer&) = delete;
  StudyHdf5Writer& operator=(const StudyHdf5Writer&) = delete;

  // Starts /arms/NNN (NNN = arm.arm) with the run layout on the arm's grid and courses, and its
  // `scenario` attribute: the base scenario with the arm's courses and horizon. One arm at a time, in
  // any order. `metrics` are those of the arm's PopulationSummary.
  void begin_arm(const ArmRun& arm, std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics);
  // Writes the per-patient rows of a batch of the current arm (patients in index order).
  void add(std::span<const PatientOutcome> batch);
  // Writes the current arm's series percentile bands from `summary` (over all its patients).
  void end_arm(const PopulationSummary& summary);
  // Writes every arm's outcome distributions and paired differences, closes the file and renames it
  // into place. Every arm must have been written.
  void finish(const std::vector<ArmSummary>& arms);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alemsim
