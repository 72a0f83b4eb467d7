// Reading an alemsim results file (HDF5, layout in docs/output-format.md) into what the viewer draws:
// the population's percentile bands, a few individual patients and the per-course figures.
#pragma once

#include <optional>
#include <stop_token>
#include <string>

#include "gui/core/snapshot.hpp"
#include "io/scenario.hpp"

namespace alemsim::gui {

struct ResultsFile {
  PopulationSnapshot population;
  // The scenario the file (or the arm) was run from (the group's `scenario` attribute), with the
  // run's seed and number of patients; empty when the file holds none or it cannot be read, and
  // scenario_error says why.
  std::optional<Scenario> scenario;
  std::string scenario_error;
};

// Reads the run layout under `group`: the root ("/") of a run file, or an arm ("/arms/002") of a
// study file (gui/core/study_arms.hpp lists them). That is GROUP/time_day, GROUP/summary/<quantity>
// (rows: percentiles 5, 25, 50, 75, 95), the first `trace_count` patients of GROUP/series/<quantity>
// that were simulated, GROUP/metrics/<name> reduced per course as `alemsim run` prints them,
// GROUP/status, the group's `scenario` attribute, and the root's seed and version. Throws
// std::runtime_error, naming the file and the dataset, for a missing file, a file that is not HDF5,
// a missing group, or one not laid out as an alemsim results file; std::invalid_argument for a
// `group` that is not an absolute path without a trailing '/'.
// When `stop` is requested it throws std::runtime_error "...: reading stopped" at the next dataset
// or block of rows (the viewer's FileLoader stops a read superseded by another).
ResultsFile read_results_file(const std::string& path, int trace_count, const std::string& group = "/",
                              std::stop_token stop = {});

// True for names the viewer opens as results files (".h5", ".hdf5") rather than as scenarios.
bool is_results_file_name(const std::string& path);

}  // namespace alemsim::gui
