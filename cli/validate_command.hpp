// `alemsim validate`: every reference figure and numerical check on the shipped parameters, as a
// table, optionally with a Markdown report and SVG plots.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alemsim {

struct ValidateOptions {
  std::string reference_path = "validation/reference_figures.yaml";
  std::optional<std::int64_t> patients;   // overrides the reference file's population size
  std::optional<std::string> report_dir;  // write report.md and the SVG plots here
  std::vector<std::string> overrides;     // "NAME=VALUE": parameters changed before every run
  int threads = 0;                        // 0: all cores
};

// Exit codes: 0 every active figure and numerical check passed; 1 at least one failed; 2 the
// validation could not run (bad reference file, option or report folder; one line on stderr).
inline constexpr int kValidateFailed = 1;
inline constexpr int kValidateError = 2;

int validate_command(const ValidateOptions& options);

}  // namespace alemsim
