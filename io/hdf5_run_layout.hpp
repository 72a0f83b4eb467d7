// The results layout of `alemsim run` (docs/output-format.md) inside one HDF5 group: the root group
// of a run file, or an arm's group of a study file. Per-patient rows are written batch by batch, so
// memory does not grow with the number of patients. Internal to io (it exposes HDF5 types).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <H5Cpp.h>

#include "models/output_quantity.hpp"
#include "sim/course_metrics.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {

// The extents of one run layout.
struct RunLayoutSize {
  std::int64_t patients = 0;     // N
  std::int64_t keep_series = 0;  // K: the first K patients' series are stored, 0 <= K <= N
  std::size_t courses = 0;       // C
  // series/ stored compressed (shuffle + deflate 1): about 2.2x smaller, written about 3.6x slower
  // (deflate runs on the writing thread), read transparently by h5py, rhdf5 and the viewer.
  bool compress_series = false;
};

class RunLayoutWriter {
 public:
  // Creates time_day (written at once), series, summary, metrics, parameters and status in `group`.
  // Throws H5::Exception; the owner of the file names it in the error it reports.
  RunLayoutWriter(H5::Group group, const RunLayoutSize& size, std::span<const double> grid_day,
                  std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics);

  // Writes the per-patient rows of a batch (patients must arrive in index order).
  void add(std::span<const PatientOutcome> batch);
  // Writes summary/<quantity>, the percentile bands accumulated over every patient, and
  // survival/course_<k>/<threshold>/, the Kaplan–Meier time to recovery (docs/output-format.md).
  void write_summary(const PopulationSummary& summary);

 private:
  H5::Group group_;
  RunLayoutSize size_;
  std::size_t times_ = 0;
  std::vector<OutputQuantity> outputs_;
  std::vector<CourseMetric> metrics_;
  std::vector<H5::DataSet> series_;      // [quantity], float32 [K, T]
  std::vector<H5::DataSet> metric_sets_; // [metric], float64 [N, C]
  std::vector<H5::DataSet> parameters_;  // [param_table() then covariates], float64 [N]
  H5::DataSet status_;                   // int8 [N]
};

}  // namespace alemsim
