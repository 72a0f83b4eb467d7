// Benchmark (not a test): one typical patient on scenarios/label.yaml over its 6-year horizon.
// Prints time per patient and ratios measured in this run: default tolerances against a 1e-12
// reference run (with the largest relative difference, to show what the speed buys), and a
// population of patients on 2 threads against 1.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "sim/course_summary.hpp"
#include "io/scenario.hpp"
#include "sim/output_grid.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
double seconds_per_call(F&& f, int repeats) {
  const auto start = Clock::now();
  for (int i = 0; i < repeats; ++i) f();
  return std::chrono::duration<double>(Clock::now() - start).count() / repeats;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string scenario_path = argc > 1 ? argv[1] : "scenarios/label.yaml";
  const alemsim::Scenario s = alemsim::load_scenario(scenario_path);
  const alemsim::SimulationPlan plan = alemsim::simulation_plan(s);
  const std::span<const double> grid = plan.grid_day();
  alemsim::SolverOptions tight;
  tight.rel_tol = 1e-12;
  tight.abs_tol = 1e-13;
  const alemsim::SimulationPlan reference = plan.with_solver(tight);

  alemsim::PatientResult ours, ref;
  const double t_ours = seconds_per_call([&] { ours = alemsim::simulate_patient(s.typical_params, plan); }, 200);
  const double t_ref = seconds_per_call(
      [&] { ref = alemsim::simulate_patient(s.typical_params, reference); }, 20);

  double max_rel = 0.0;
  for (std::size_t q = 0; q < ours.series.size(); ++q) {
    const double scale = *std::max_element(ref.series[q].begin(), ref.series[q].end());
    for (std::size_t i = 0; i < grid.size(); ++i) {
      // Relative to the series' peak: concentrations that have decayed to 1e-20 have no meaningful relative error.
      max_rel = std::max(max_rel, std::abs(ours.series[q][i] - ref.series[q][i]) / scale);
    }
  }

  constexpr int kPatients = 2000;
  const alemsim::PatientSampler sampler(s.typical_params, s.variability);
  const auto population = [&](int threads) {
    return [&, threads] {
      alemsim::PopulationRunOptions options;
      options.seed = s.seed;
      options.patients = kPatients;
      options.threads = threads;
      alemsim::run_population(sampler, plan, options, [](std::span<const alemsim::PatientOutcome>) {});
    };
  };
  const double t_one_thread = seconds_per_call(population(1), 1);
  const double t_two_threads = seconds_per_call(population(2), 1);

  std::printf("scenario %s: %zu output times over %.0f days\n", scenario_path.c_str(), grid.size(), s.horizon_day);
  std::printf("typical patient, default tolerances (rtol %g):  %.3f ms per patient\n", alemsim::SolverOptions{}.rel_tol,
              1e3 * t_ours);
  std::printf("speed-up over a 1e-12 reference run:             %.1fx (largest difference %.1e of peak)\n",
              t_ref / t_ours, max_rel);
  std::printf("population of %d, 2 threads vs 1:              %.2fx (%.0f patients/s on 2 threads)\n", kPatients,
              t_one_thread / t_two_threads, kPatients / t_two_threads);
  return 0;
}
