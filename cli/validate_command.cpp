#include "cli/validate_command.hpp"

#include "cli/assignment.hpp"
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <system_error>
#include <stdexcept>

#include "models/model_params.hpp"
#include "validation/check_table.hpp"
#include "validation/checks.hpp"
#include "validation/numerical_checks.hpp"
#include "validation/reference_figures.hpp"
#include "validation/report.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {
namespace {

// "NAME=VALUE" applied to the shipped typical values, with the ranges the scenario files allow.
ModelParams apply_overrides(const std::vector<std::string>& overrides) {
  ModelParams p = typical_params();
  for (const std::string& o : overrides) {
    const auto [name, value] = parse_assignment("--set", o);
    const ParamInfo* info = find_param(name);
    if (info == nullptr)
      throw std::invalid_argument("--set " + o + ": expected NAME=VALUE with NAME a parameter in models/model.md");
    if (const std::string problem = implausible_value(*info, value); !problem.empty()) {
      throw std::invalid_argument("--set " + o + ": " + problem);
    }
    p.*info->field = value;
  }
  validate(p);
  return p;
}

// The command line as a reader of the report would type it.
std::string command_line(const ValidateOptions& o) {
  std::string cmd = "alemsim validate";
  if (o.reference_path != ValidateOptions{}.reference_path) cmd += " --reference " + o.reference_path;
  if (o.patients) cmd += " --patients " + std::to_string(*o.patients);
  for (const std::string& s : o.overrides) cmd += " --set " + s;
  if (o.report_dir) cmd += " --report " + *o.report_dir;
  return cmd;
}

}  // namespace

int validate_command(const ValidateOptions& options) {
  try {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (options.reference_path == ValidateOptions{}.reference_path &&
        !std::filesystem::exists(options.reference_path, ec)) {
      throw std::runtime_error(
          options.reference_path +
          ": cannot open file (run alemsim validate from the repository root, or pass --reference FILE)");
    }
    const ReferenceSet set = load_reference_figures(options.reference_path);
    const ModelParams params = apply_overrides(options.overrides);
    const std::int64_t patients = options.patients.value_or(set.patients);
    if (patients < 1) throw std::invalid_argument("--patients: expected a whole number >= 1");
    if (options.report_dir) check_report_dir(*options.report_dir);

    const ValidationRuns runs = simulate_validation_runs(set, params, patients, options.threads);
    const std::vector<CheckResult> results = run_checks(set, runs);
    const std::vector<NumericalCheck> numerical = run_numerical_checks(runs);
    // Written before anything is printed: a report that cannot be written is an error, not a result.
    if (options.report_dir) write_report(*options.report_dir, set, runs, results, numerical, command_line(options));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    fmt::print("alemsim validate: {} reference figures from {}\n", set.figures.size(), set.path);
    fmt::print("Typical patient on the labelled regimen (SmPC 4.2), population of {} patients (seed {}){}\n\n",
               patients, set.seed, options.overrides.empty() ? "" : ", parameters changed with --set");
    print_check_table(stdout, results);
    fmt::print("\n");
    print_numerical_table(stdout, numerical);
    const CheckCounts c = count(results);
    const bool passed = all_passed(results) && all_passed(numerical);
    fmt::print(
        "\n{}: {} passed, {} failed, {} known deviations (shown with their reason, not judged); "
        "numerical checks {}; predictions {} of {} within tolerance ({} missed, listed above). {:.1f} s.\n",
        passed ? "PASSED" : "FAILED", c.pass, c.fail, c.known_deviations, all_passed(numerical) ? "passed" : "FAILED",
        c.predictions_within, c.predictions_within + c.predictions_missed, c.predictions_missed, seconds);
    if (options.report_dir) fmt::print("Report written to {}/report.md\n", *options.report_dir);
    return passed ? 0 : kValidateFailed;
  } catch (const std::exception& e) {
    fmt::print(stderr, "alemsim: error: {}\n", e.what());
    return kValidateError;
  }
}

}  // namespace alemsim
