#include "sim/cli/run_command.hpp"

#include <cstdio>
#include <exception>
#include <vector>

#include <fmt/format.h>

#include "sim/cli/summary_print.hpp"
#include "sim/course_summary.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/csv_output.hpp"
#include "sim/io/scenario.hpp"
#include "sim/output_grid.hpp"
#include "sim/population.hpp"

namespace alemsim {

int run_command(const RunOptions& options) {
  try {
    Scenario scenario = load_scenario(options.scenario_path);
    if (options.seed) scenario.seed = *options.seed;
    if (options.patients) {
      if (*options.patients < 1) throw std::invalid_argument("--patients: expected a whole number >= 1");
      scenario.patients = *options.patients;
    }
    validate(scenario.typical_params);
    // Fail on an unwritable output path now, not after the simulation.
    if (options.out_path) check_writable(*options.out_path);

    const auto infusions = expand_regimen(scenario.courses);
    const auto grid = build_output_grid(scenario.horizon_day, scenario.output_step_day, infusions,
                                        course_summary_times(infusions));

    std::vector<PopulationPatient> patients;
    if (options.typical) {
      PopulationPatient typical{scenario.typical_params, simulate_patient(scenario.typical_params, infusions, grid), true, {}};
      print_typical_summary(stdout, scenario, typical.result);
      patients.push_back(std::move(typical));
    } else {
      patients = simulate_population(scenario.typical_params, variability_table(), scenario.seed, scenario.patients,
                                     infusions, grid, {}, options.threads);
      print_population_summary(stdout, scenario, patients);
    }

    if (options.out_path) {
      AtomicFile file(*options.out_path);
      write_series_csv(file.stream(), grid, patients);
      file.commit();
      fmt::print("\nSeries written to {} ({} time points per patient)\n", *options.out_path, grid.size());
    }
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "alemsim: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace alemsim
