#include "cli/run_command.hpp"

#include <cstdio>
#include <exception>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "cli/assignment.hpp"
#include "cli/keep_series.hpp"
#include "cli/progress.hpp"
#include "cli/summary_print.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_output.hpp"
#include "io/hdf5_output.hpp"
#include "io/scenario.hpp"
#include "io/setting_path.hpp"
#include "sim/memory_budget.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

// --set PATH=VALUE, in order, as a study arm's settings (io/setting_path.hpp); the regimen and the
// population are checked afterwards as a scenario file's are.
void apply_settings(const std::vector<std::string>& settings, Scenario& scenario) {
  for (const std::string& argument : settings) {
    const auto [path, value] = parse_assignment("--set", argument);
    try {
      SettingPath::parse(path, scenario.courses.size())
          .apply(value, {scenario.courses, scenario.typical_params, scenario.variability});
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("--set " + argument + ": " + e.what());
    }
  }
  if (settings.empty()) return;
  try {
    validate_regimen(scenario.courses);
    (void)simulation_plan(scenario);
    const PatientSampler check(scenario.typical_params, scenario.variability);
  } catch (const std::exception& e) {
    throw std::invalid_argument("--set: the scenario as set is not valid: " + std::string(e.what()));
  }
  std::string list;
  for (const std::string& argument : settings) list += (list.empty() ? "" : ", ") + argument;
  fmt::print("Scenario {} changed by --set: {}\n", scenario.path, list);
}

int run_typical(const Scenario& scenario, const RunOptions& options, const SimulationPlan& plan) {
  const std::span<const double> grid = plan.grid_day();
  PatientOutcome typical;
  typical.patient.params = scenario.typical_params;
  typical.result = simulate_patient(scenario.typical_params, plan);
  print_typical_summary(stdout, scenario, typical.result);
  if (options.out_path) {
    AtomicFile file(*options.out_path);
    write_series_csv_header(file.stream());
    write_series_csv_rows(file.stream(), grid, std::span(&typical, 1));
    file.commit();
    fmt::print("\nSeries written to {} ({} time points)\n", *options.out_path, grid.size());
  }
  return 0;
}

}  // namespace

int run_command(const RunOptions& options) {
  try {
    Scenario scenario = load_scenario(options.scenario_path);
    apply_settings(options.settings, scenario);
    if (options.seed) scenario.seed = *options.seed;
    if (options.patients) {
      if (*options.patients < 1) throw std::invalid_argument("--patients: expected a whole number >= 1");
      scenario.patients = *options.patients;
    }
    const std::int64_t keep = keep_series_count(options.keep_series, scenario.patients);
    const bool hdf5 = options.out_path && ends_with(*options.out_path, ".h5");
    if (options.out_path && !hdf5 && !ends_with(*options.out_path, ".csv")) {
      throw std::invalid_argument("--out " + *options.out_path + ": expected a file name ending in .csv or .h5");
    }
    if (options.typical && hdf5) throw std::invalid_argument("--out: --typical writes CSV; use a .csv file name");
    if (options.compress && !hdf5) throw std::invalid_argument("--compress: only an HDF5 file (--out FILE.h5) is compressed");
    // Fail on an unwritable output path now, not after the simulation.
    if (options.out_path) check_writable(*options.out_path);

    const SimulationPlan plan = simulation_plan(scenario);
    if (options.typical) return run_typical(scenario, options, plan);
    const std::span<const double> grid = plan.grid_day();

    const PatientSampler sampler(scenario.typical_params, scenario.variability);
    PopulationRunOptions run;
    run.seed = scenario.seed;
    run.patients = scenario.patients;
    run.threads = options.threads;
    run.bin_series = true;  // the summary folds bin indices computed by the workers

    PopulationSummary summary(patient_outputs(), grid.size(), scenario.courses.size());
    std::unique_ptr<Hdf5Writer> h5;
    std::unique_ptr<AtomicFile> csv;
    if (hdf5) {
      const RunInfo info{scenario.text, scenario.path,           scenario.seed,    scenario.patients,
                         keep,          scenario.courses.size(), options.compress, options.settings};
      h5 = std::make_unique<Hdf5Writer>(*options.out_path, info, grid, patient_outputs(), summary.metrics());
    } else if (options.out_path) {
      csv = std::make_unique<AtomicFile>(*options.out_path);
      write_series_csv_header(csv->stream());
    }
    ProgressBar progress("patients", scenario.patients, !options.quiet && stderr_is_terminal());
    std::string first_failure;  // the first failed patient's message, for a run in which all fail
    run_population(sampler, plan, run, [&](std::span<const PatientOutcome> batch) {
      for (const PatientOutcome& p : batch) {
        if (!p.ok && first_failure.empty()) first_failure = fmt::format("patient {}: {}", p.index, p.error);
      }
      summary.add(batch, options.threads);
      if (h5) h5->add(batch);
      if (csv && batch.front().index < keep) {
        const auto kept = static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(batch.size()),
                                                                           keep - batch.front().index));
        write_series_csv_rows(csv->stream(), grid, batch.first(kept));
      }
      progress.update(batch.back().index + 1);
    });
    progress.finish();
    if (summary.failed() == scenario.patients) {
      // Nothing to summarise or write: an error, not a warning above a table of NaN.
      throw std::runtime_error(fmt::format("{}: every one of the {} patients failed; the first, {}", scenario.path,
                                           scenario.patients, first_failure));
    }
    print_population_summary(stdout, scenario, summary, grid);
    if (h5) {
      h5->finish(summary);
      fmt::print("\nResults written to {} (series of {} patients, summaries of all {})\n", *options.out_path, keep,
                 scenario.patients);
    } else if (csv) {
      csv->commit();
      fmt::print("\nSeries of {} patients written to {} ({} time points each)\n", keep, *options.out_path, grid.size());
    }
    return 0;
  } catch (const MemoryBudgetError& e) {
    fmt::print(stderr, "alemsim: error: {}: {}\n", options.scenario_path, e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "alemsim: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace alemsim
