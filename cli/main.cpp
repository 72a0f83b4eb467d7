// alemsim command line: subcommands sit on the engine and the file formats.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <string_view>

#include <fmt/format.h>

#include "cli/run_command.hpp"
#include "cli/study_command.hpp"
#include "cli/validate_command.hpp"
#include "cli/whole_number.hpp"
#include "io/hdf5_output.hpp"
#include "io/signal_cleanup.hpp"
#include "sim/population.hpp"

namespace {

// The exit code of a command line that could not be parsed: 2 for validate (whose 1 means "a
// figure failed"), 1 for everything else, as docs/cli.md promises.
int usage_exit_code(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with('-')) return arg == "validate" ? 2 : 1;
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  alemsim::remove_temporary_files_on_signal();
  // alemsim reports every error itself, once, on stderr through C stdio. The HDF5 C++ wrappers'
  // destructors also write to std::cerr when a close fails (a full disk), several lines after the
  // error that matters; nothing else in alemsim uses std::cerr.
  std::cerr.setstate(std::ios::badbit);
  const CLI::Validator patients = alemsim::whole_number(1, alemsim::kMaxPatients);
  const CLI::Validator threads = alemsim::whole_number(0, alemsim::kMaxThreads);
  const CLI::Validator count = alemsim::whole_number(0, std::numeric_limits<std::int64_t>::max());
  CLI::App app{"alemsim: alemtuzumab (LEMTRADA) pharmacokinetics and lymphocyte depletion simulator"};
  app.require_subcommand(1);

  alemsim::RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "Simulate a scenario file and print per-course PK figures");
  run_cmd->add_option("scenario", run.scenario_path, "Scenario file (YAML), e.g. scenarios/label.yaml")->required();
  run_cmd->add_flag("--typical", run.typical, "Simulate the typical patient only (no between-patient variability)");
  run_cmd->add_option("--out", run.out_path,
                      "Write results: FILE.h5 (HDF5: series, percentile bands, per-course metrics, sampled "
                      "parameters; docs/output-format.md) or FILE.csv (long-format series: "
                      "id,time_day,concentration_ng_per_ml,...). Written atomically, never left half-written");
  run_cmd->add_option("--seed", run.seed, "Random seed for the virtual population (overrides the scenario's seed)")
      ->check(alemsim::whole_number(0, std::numeric_limits<std::uint64_t>::max()));
  run_cmd->add_option("--patients", run.patients, "Number of virtual patients (overrides the scenario's 'patients')")
      ->check(patients);
  run_cmd->add_option("--keep-series", run.keep_series,
                      "Store the series of the first K patients in --out (default: all, up to 10,000); "
                      "summaries always cover every patient")
      ->check(count);
  run_cmd->add_option("--set", run.settings,
                      "Change the scenario before running, PATH=VALUE: courses[K].FIELD, parameters.NAME, "
                      "variability.cv.NAME or variability.covariates.FIELD (docs/studies.md); repeatable");
  run_cmd->add_flag("--compress", run.compress,
                    "Compress the series in FILE.h5 (shuffle + deflate: about 2x smaller, 3-4x slower to write)");
  run_cmd->add_option("--threads", run.threads, "Worker threads for population runs (default: all cores)")
      ->check(threads);
  run_cmd->add_flag("--quiet", run.quiet, "No progress line on stderr (it is also off when stderr is not a terminal)");

  alemsim::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate", "Check the model against the labelled figures (validation/reference_figures.yaml); exit 1 if any fails");
  validate_cmd->add_option("--patients", validate.patients,
                           "Virtual patients for the population figures (default: the reference file's, 2000)")
      ->check(patients);
  validate_cmd->add_option("--report", validate.report_dir,
                           "Write report.md and SVG plots of the simulation against the reference figures to this folder");
  validate_cmd->add_option("--reference", validate.reference_path, "Reference figures file")->capture_default_str();
  validate_cmd->add_option("--set", validate.overrides,
                           "Change a parameter before every run, NAME=VALUE (names and units: models/model.md); repeatable");
  validate_cmd->add_option("--threads", validate.threads, "Worker threads for the population (default: all cores)")
      ->check(threads);

  alemsim::StudyOptions study;
  CLI::App* study_cmd = app.add_subcommand(
      "study", "Run the arms of a study file (docs/studies.md) on the same virtual patients and compare them");
  study_cmd->add_option("study", study.study_path, "Study file (YAML), e.g. scenarios/study-dose.yaml")->required();
  study_cmd->add_option("--patients", study.patients, "Virtual patients per arm (overrides the study's 'patients')")
      ->check(patients);
  study_cmd->add_option("--seed", study.seed, "Random seed for the virtual patients (overrides the study's seed)")
      ->check(alemsim::whole_number(0, std::numeric_limits<std::uint64_t>::max()));
  study_cmd->add_option("--out", study.out_dir,
                        "Write outcomes.csv, outcomes.md, study.h5 and plots/*.svg to this folder (each file atomically)");
  study_cmd->add_option("--keep-series", study.keep_series,
                        "Store the series of the first K patients of each arm in study.h5 (default: none); "
                        "summaries, metrics and survival always cover every patient")
      ->check(count);
  study_cmd->add_flag("--compress", study.compress,
                      "Compress the series in study.h5 (shuffle + deflate: about 2x smaller, 3-4x slower to write)");
  study_cmd->add_option("--threads", study.threads, "Worker threads (default: all cores)")->check(threads);
  study_cmd->add_flag("--quiet", study.quiet, "No progress line on stderr (it is also off when stderr is not a terminal)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help: the help text, exit 0
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "alemsim: error: {} (alemsim --help lists the options)\n", e.what());
    return usage_exit_code(argc, argv);
  }
  int code = 0;
  if (run_cmd->parsed()) code = alemsim::run_command(run);
  if (study_cmd->parsed()) code = alemsim::study_command(study);
  if (validate_cmd->parsed()) code = alemsim::validate_command(validate);
  if (alemsim::results_file_abandoned()) {
    std::fflush(nullptr);
    std::_Exit(code);  // see results_file_abandoned()
  }
  return code;
}
