// Reading an alemsim results file (HDF5, layout in docs/output-format.md) into what the viewer draws:
// the population's percentile bands, a few individual patients and the per-course figures.
#pragma once

#include <optional>
#include <string>

#include "gui/core/snapshot.hpp"
#include "sim/io/scenario.hpp"

namespace alemsim::gui {

struct ResultsFile {
  PopulationSnapshot population;
  // The scenario the file was run from (its `scenario` attribute), with the run's seed and number of
  // patients; empty when the file holds none or it cannot be read, and scenario_error says why.
  std::optional<Scenario> scenario;
  std::string scenario_error;
};

// Reads /time_day, /summary/<quantity> (rows: percentiles 5, 25, 50, 75, 95), the first
// `trace_count` patients of /series/<quantity> that were simulated, /metrics/<name> reduced per
// course as `alemsim run` prints them, /status and the root attributes. Throws std::runtime_error,
// naming the file and the dataset, for a missing file, a file that is not HDF5, or one not laid out
// as an alemsim results file.
ResultsFile read_results_file(const std::string& path, int trace_count);

// True for names the viewer opens as results files (".h5", ".hdf5") rather than as scenarios.
bool is_results_file_name(const std::string& path);

}  // namespace alemsim::gui
