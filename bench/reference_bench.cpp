// Benchmark: alemsim against independent implementations of the same model in SciPy and R deSolve
// (bench/reference/: LSODA at alemsim's tolerances, restarted at the same infusion bounds, reported
// on the same output grid) for one typical patient. Prints, from this one run, alemsim's speed-up
// over each (their integration time only, measured inside the scripts, so interpreter start-up does
// not count) and the largest relative difference of every output column against alemsim.
//
// With --check LIMIT it is also the validation test reference_scipy: exit 1 when a difference
// reaches LIMIT, 77 (CTest: skipped) when a requested reference is not installed.
//
// With --work-precision [--svg PATH] it prints the work-precision table instead (bench/work_precision.hpp).
//
// Usage: alemsim-bench-reference [SCENARIO] [--only scipy|r] [--check LIMIT] [--repeat N]
//        alemsim-bench-reference [SCENARIO] --work-precision [--svg PATH] [--repeat N] [--no-scripts]
//        alemsim-bench-reference [SCENARIO] --check-cvode LIMIT      (the validation test reference_cvode)
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>
#include <unistd.h>

#include "bench/bench_timing.hpp"
#include "bench/difference_floor.hpp"
#include "bench/param_dump.hpp"
#include "bench/reference_runner.hpp"
#include "bench/work_precision.hpp"
#include "models/alemtuzumab_model.hpp"
#include "sim/course_summary.hpp"
#include "io/scenario.hpp"
#include "sim/output_grid.hpp"
#include "sim/patient.hpp"
#include "sim/simulate.hpp"

namespace {

namespace fs = std::filesystem;
using alemsim::bench::ReferenceRun;
using alemsim::bench::ReferenceSolver;
using alemsim::bench::shell_quote;
using alemsim::bench::difference_floor;
using alemsim::bench::reference_solvers;
using alemsim::bench::TempDir;
using alemsim::bench::write_series;

constexpr double kSpeedupTarget = 200.0;      // issue 4: alemsim at least 200x faster than each reference
constexpr double kDifferenceTarget = 1e-4;    // issue 4: trajectories agree to better than 1e-4
constexpr int kBatches = 5;                   // alemsim timing: 5 x 100 runs, about 0.25 s in all
constexpr int kRunsPerBatch = 100;
constexpr int kSkipped = 77;                  // CTest SKIP_RETURN_CODE
constexpr double kGridTolDay = 1e-9;

// Mean per run in the fastest of kBatches batches of kRunsPerBatch (the references report their fastest run).
template <class F>
double seconds_per_run(F&& f) {
  return alemsim::bench::seconds_per_run(f, kBatches, kRunsPerBatch);
}

struct Options {
  std::string scenario = "scenarios/label-4-courses.yaml";
  std::string only;             // "" = every reference
  double check_limit = 0.0;     // 0 = benchmark only
  int repeat = 5;               // runs of each reference; the fastest counts
  bool work_precision = false;
  double cvode_limit = 0.0;     // --check-cvode LIMIT: the CVODE check only
  bool scripts = true;          // --no-scripts: the work-precision table without SciPy and R
  std::string svg_path;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&] {
      if (i + 1 >= argc) throw std::invalid_argument(arg + ": expected a value");
      return std::string(argv[++i]);
    };
    if (arg == "--only") o.only = value();
    else if (arg == "--check") o.check_limit = std::stod(value());
    else if (arg == "--repeat") o.repeat = std::stoi(value());
    else if (arg == "--work-precision") o.work_precision = true;
    else if (arg == "--check-cvode") o.cvode_limit = std::stod(value());
    else if (arg == "--no-scripts") o.scripts = false;
    else if (arg == "--svg") o.svg_path = value();
    else if (arg.starts_with("--")) throw std::invalid_argument(arg + ": unknown option");
    else o.scenario = arg;
  }
  if (o.repeat < 1) throw std::invalid_argument("--repeat: expected a whole number >= 1");
  if (!o.only.empty() && o.only != "scipy" && o.only != "r") throw std::invalid_argument("--only: expected scipy or r");
  return o;
}

struct Difference {
  double relative = 0.0;
  double absolute = 0.0;  // at the time of the largest relative difference
  double day = 0.0;
};

// Largest relative difference of each output column of `ref` against alemsim's `result`.
std::vector<Difference> compare(std::span<const double> grid, const alemsim::PatientResult& result,
                                const ReferenceRun& ref, const std::string& label) {
  if (ref.time_day.size() != grid.size()) throw std::runtime_error(label + ": reported on a different grid");
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (std::abs(ref.time_day[i] - grid[i]) > kGridTolDay) {
      throw std::runtime_error(label + ": grid differs at day " + std::to_string(grid[i]));
    }
  }
  std::vector<Difference> diffs;
  for (std::size_t q = 0; q < result.series.size(); ++q) {
    const double floor = difference_floor(alemsim::patient_outputs()[q].unit);
    Difference d;
    for (std::size_t i = 0; i < grid.size(); ++i) {
      const double ours = result.series[q][i];
      const double abs_diff = std::abs(ref.series[q][i] - ours);
      const double rel = abs_diff / std::max(std::abs(ours), floor);
      if (rel > d.relative) d = {rel, abs_diff, grid[i]};
    }
    diffs.push_back(d);
  }
  return diffs;
}

// Prints one row per output column, one cell per reference; returns the largest relative difference.
double print_differences(const std::vector<std::string>& labels, const std::vector<std::vector<Difference>>& diffs) {
  const auto cell = [](std::string& row, const std::string& text, int width) {
    row += text;
    row.append(static_cast<std::size_t>(std::max(1, width - static_cast<int>(text.size()))), ' ');
  };
  const auto print = [](std::string row) {
    row.erase(row.find_last_not_of(' ') + 1);
    std::puts(row.c_str());
  };
  std::printf("\nlargest relative difference against alemsim, |ref - alemsim| / max(|alemsim|, floor):\n");
  std::string header;
  cell(header, "column", 27);
  cell(header, "floor", 19);
  for (const auto& label : labels) cell(header, label + " (absolute, day)", 33);
  print(header);
  double worst = 0.0;
  for (std::size_t q = 0; q < alemsim::patient_outputs().size(); ++q) {
    const auto& out = alemsim::patient_outputs()[q];
    std::string row;
    cell(row, std::string(out.column), 27);
    cell(row, alemsim::format_number(difference_floor(out.unit)) + " " + std::string(out.unit), 19);
    for (const auto& d : diffs) {
      char text[64];
      std::snprintf(text, sizeof text, "%.2e (%.1e, %.1f)", d[q].relative, d[q].absolute, d[q].day);
      cell(row, text, 33);
      worst = std::max(worst, d[q].relative);
    }
    print(row);
  }
  return worst;
}

int run(const Options& o) {
  const alemsim::Scenario s = alemsim::load_scenario(o.scenario);
  alemsim::validate(s.typical_params);
  // The CLI's plan: regular steps, infusion bounds, and the times the course summary reads.
  const alemsim::SimulationPlan plan = alemsim::simulation_plan(s);
  const std::span<const double> grid = plan.grid_day();

  // The scripts time the piecewise integration onto the grid, which is what simulate() does; the
  // whole patient (simulate_patient: plus outputs and course summary) is timed too, for context.
  const alemsim::AlemtuzumabModel model{s.typical_params};
  const double integration_s = seconds_per_run([&] {
    const auto states = alemsim::simulate(model, plan);
    if (states.size() != grid.size()) throw std::logic_error("simulate returned a short trajectory");
  });
  alemsim::PatientResult result;
  const double patient_s = seconds_per_run([&] { result = alemsim::simulate_patient(s.typical_params, plan); });

  const TempDir tmp;
  const fs::path params = tmp.path / "params.txt";
  const fs::path ours_csv = tmp.path / "alemsim.csv";
  std::FILE* pf = std::fopen(params.c_str(), "w");
  if (pf == nullptr) throw std::runtime_error("cannot write " + params.string());
  alemsim::bench::write_typical_params(pf);
  std::fclose(pf);
  write_series(ours_csv, grid, result);

  std::vector<std::string> columns;
  for (const auto& q : alemsim::patient_outputs()) columns.emplace_back(q.column);

  std::printf("%s: typical patient, %zu infusions, %zu output times over %g days\n", o.scenario.c_str(),
              plan.infusions().size(), grid.size(), s.horizon_day);
  const alemsim::SolverOptions defaults;
  std::printf("alemsim rtol %g, atol %g; every solver restarted at each infusion start and end\n\n", defaults.rel_tol,
              defaults.abs_tol);
  std::printf("%-56s %12s %9s %13s\n", "solver", "integration", "speed-up", "whole patient");
  std::printf("%-56s %9.3f ms %9s %10.3f ms\n", "alemsim: Boost.Odeint Dormand-Prince 5(4)", 1e3 * integration_s, "",
              1e3 * patient_s);

  bool missing = false;
  std::vector<std::string> labels;
  std::vector<std::vector<Difference>> diffs;
  for (const ReferenceSolver& solver : reference_solvers()) {
    if (!o.only.empty() && o.only != solver.key) continue;
    if (!alemsim::bench::is_installed(solver)) {
      std::printf("%-56s not installed: %s\n", solver.label.c_str(), solver.install.c_str());
      missing = true;
      continue;
    }
    const fs::path out = tmp.path / (solver.key + ".csv");
    const ReferenceRun ref = alemsim::bench::run_reference(solver, o.scenario, params, ours_csv, out, o.repeat, columns);
    const double speedup = ref.integration_seconds / integration_s;
    std::printf("%-56s %9.1f ms %8.0fx %12.0fx   target >= %.0fx: %s\n", ref.solver.c_str(),
                1e3 * ref.integration_seconds, speedup, ref.integration_seconds / patient_s, kSpeedupTarget,
                speedup >= kSpeedupTarget ? "met" : "MISSED");
    labels.push_back(solver.label);
    diffs.push_back(compare(grid, result, ref, solver.label));
  }
  std::printf("(CPU time. alemsim: mean per run in the fastest of %d batches of %d; references: integration only,\n"
              " measured inside the script, fastest of %d runs. speed-up = reference integration / alemsim time)\n",
              kBatches, kRunsPerBatch, o.repeat);

  const double limit = o.check_limit > 0.0 ? o.check_limit : kDifferenceTarget;
  const double worst = labels.empty() ? 0.0 : print_differences(labels, diffs);
  if (!labels.empty()) {
    std::printf("largest over all columns: %.2e  target < %.0e: %s\n", worst, limit, worst < limit ? "met" : "MISSED");
  }

  if (o.check_limit > 0.0) {
    if (missing) {
      std::printf("SKIPPED: a requested reference implementation is not installed (see above)\n");
      return kSkipped;
    }
    return worst < limit ? 0 : 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    if (o.cvode_limit > 0.0) return alemsim::bench::check_cvode(o.scenario, o.cvode_limit);
    if (o.work_precision) {
      return alemsim::bench::run_work_precision({o.scenario, o.svg_path, o.repeat, o.scripts});
    }
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alemsim-bench-reference: error: %s\n", e.what());
    return 1;
  }
}
