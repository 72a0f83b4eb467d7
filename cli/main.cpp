// alemsim command line: subcommands sit on the engine and the file formats.
#include <CLI/CLI.hpp>

#include "cli/run_command.hpp"
#include "cli/study_command.hpp"
#include "cli/validate_command.hpp"

int main(int argc, char** argv) {
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
  run_cmd->add_option("--seed", run.seed, "Random seed for the virtual population (overrides the scenario's seed)");
  run_cmd->add_option("--patients", run.patients, "Number of virtual patients (overrides the scenario's 'patients')");
  run_cmd->add_option("--keep-series", run.keep_series,
                      "Store the series of the first K patients in --out (default: all, up to 10,000); "
                      "summaries always cover every patient");
  run_cmd->add_flag("--compress", run.compress,
                    "Compress the series in FILE.h5 (shuffle + deflate: about 2x smaller, 3-4x slower to write)");
  run_cmd->add_option("--threads", run.threads, "Worker threads for population runs (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_flag("--quiet", run.quiet, "No progress line on stderr (it is also off when stderr is not a terminal)");

  alemsim::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate", "Check the model against the labelled figures (validation/reference_figures.yaml); exit 1 if any fails");
  validate_cmd->add_option("--patients", validate.patients,
                           "Virtual patients for the population figures (default: the reference file's, 2000)");
  validate_cmd->add_option("--report", validate.report_dir,
                           "Write report.md and SVG plots of the simulation against the reference figures to this folder");
  validate_cmd->add_option("--reference", validate.reference_path, "Reference figures file")->capture_default_str();
  validate_cmd->add_option("--set", validate.overrides,
                           "Change a parameter before every run, NAME=VALUE (names and units: models/model.md); repeatable");
  validate_cmd->add_option("--threads", validate.threads, "Worker threads for the population (default: all cores)")
      ->check(CLI::NonNegativeNumber);

  alemsim::StudyOptions study;
  CLI::App* study_cmd = app.add_subcommand(
      "study", "Run the arms of a study file (docs/studies.md) on the same virtual patients and compare them");
  study_cmd->add_option("study", study.study_path, "Study file (YAML), e.g. scenarios/study-dose.yaml")->required();
  study_cmd->add_option("--patients", study.patients, "Virtual patients per arm (overrides the study's 'patients')");
  study_cmd->add_option("--out", study.out_dir,
                        "Write outcomes.csv, outcomes.md, study.h5 and plots/*.svg to this folder (each file atomically)");
  study_cmd->add_option("--keep-series", study.keep_series,
                        "Store the series of the first K patients of each arm in study.h5 (default: all, up to "
                        "10,000); summaries always cover every patient");
  study_cmd->add_flag("--compress", study.compress,
                      "Compress the series in study.h5 (shuffle + deflate: about 2x smaller, 3-4x slower to write)");
  study_cmd->add_option("--threads", study.threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  study_cmd->add_flag("--quiet", study.quiet, "No progress line on stderr (it is also off when stderr is not a terminal)");

  CLI11_PARSE(app, argc, argv);
  if (run_cmd->parsed()) return alemsim::run_command(run);
  if (study_cmd->parsed()) return alemsim::study_command(study);
  if (validate_cmd->parsed()) return alemsim::validate_command(validate);
  return 0;
}
