// alemsim command line: subcommands sit on the engine and the file formats.
#include <CLI/CLI.hpp>

#include "sim/cli/run_command.hpp"

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
  run_cmd->add_option("--threads", run.threads, "Worker threads for population runs (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_flag("--quiet", run.quiet, "No progress line on stderr (it is also off when stderr is not a terminal)");

  CLI11_PARSE(app, argc, argv);
  if (run_cmd->parsed()) return alemsim::run_command(run);
  return 0;
}
