// `alemsim run`: simulate a scenario for the typical patient or a virtual population.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alemsim {

struct RunOptions {
  std::string scenario_path;
  bool typical = false;                     // one typical patient, no variability
  std::optional<std::string> out_path;      // .csv (series) or .h5 (full results)
  std::optional<std::uint64_t> seed;        // overrides the scenario's seed
  std::optional<std::int64_t> patients;     // overrides the scenario's population size
  std::vector<std::string> settings;        // --set PATH=VALUE (io/setting_path.hpp), in order
  std::optional<std::int64_t> keep_series;  // series stored for the first K patients
  bool compress = false;                    // HDF5 series compressed (RunLayoutSize::compress_series)
  int threads = 0;                          // 0: all cores
  bool quiet = false;                       // no progress line
};

// Runs and prints the summary to stdout. Returns the process exit code; errors go to stderr as one line.
int run_command(const RunOptions& options);

}  // namespace alemsim
