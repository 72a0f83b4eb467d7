// `alemsim study`: run the arms of a study file on the same virtual patients and compare them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace alemsim {

struct StudyOptions {
  std::string study_path;
  std::optional<std::int64_t> patients;  // overrides the study's population size
  std::optional<std::uint64_t> seed;     // overrides the study's seed
  std::optional<std::string> out_dir;    // outcomes.csv, outcomes.md, study.h5, plots/*.svg
  std::optional<std::int64_t> keep_series;  // series stored in study.h5 for the first K patients of each arm
  bool compress = false;                    // study.h5 series compressed (RunLayoutSize::compress_series)
  int threads = 0;                       // 0: all cores
  bool quiet = false;                    // no progress line
};

// Runs, prints the outcome table to stdout and writes the files. Returns the process exit code;
// errors go to stderr as one line and leave no output file.
int study_command(const StudyOptions& options);

}  // namespace alemsim
