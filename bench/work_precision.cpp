#include "bench/work_precision.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "bench/cvode_patient.hpp"
#include "bench/difference_floor.hpp"
#include "bench/param_dump.hpp"
#include "bench/reference_runner.hpp"
#include "io/scenario.hpp"
#include "io/svg_plot.hpp"
#include "models/alemtuzumab_model.hpp"
#include "sim/patient.hpp"
#include "sim/simulate.hpp"

namespace alemsim::bench {
namespace {

using Series = std::vector<std::vector<double>>;  // [output][grid time]

// Relative tolerances of the table; the absolute tolerance is 1e-3 of each (alemsim's default pair,
// 1e-6 and 1e-9, is the middle row).
// Down to 1e-10 so that every solver reaches a cell-count error of 1e-8 (alemsim does at 1e-8).
constexpr std::array<double, 7> kRelTols = {1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10};
constexpr std::size_t kDefaultRow = 2;  // rtol 1e-6
static_assert(kRelTols[kDefaultRow] == 1e-6);
constexpr double kAbsPerRelTol = 1e-3;
constexpr double kAgreementTarget = 1e-4;  // issue 14: every reference within 1e-4 of alemsim at rtol 1e-6

// The error groups: which outputs each reads.
enum class Group { kDrug, kCells, kTiter };
constexpr std::array<const char*, 3> kGroupNames = {"drug", "cells", "titer"};
Group group_of(QuantityRole role) {
  if (role == QuantityRole::kDrugConcentration) return Group::kDrug;
  if (role == QuantityRole::kAntibodyTiter) return Group::kTiter;
  return Group::kCells;
}

// Largest |v − ref| / max(|ref|, floor) per group over every grid time.
std::array<double, 3> errors_against(const Series& ours, const Series& reference) {
  std::array<double, 3> worst{};
  const auto outputs = patient_outputs();
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    const double floor = difference_floor(outputs[q].unit);
    double& w = worst[static_cast<std::size_t>(group_of(outputs[q].role))];
    for (std::size_t i = 0; i < reference[q].size(); ++i) {
      w = std::max(w, std::abs(ours[q][i] - reference[q][i]) / std::max(std::abs(reference[q][i]), floor));
    }
  }
  return worst;
}

struct Point {
  double rel_tol = 0.0;
  Series series;            // kept for the default row only
  std::array<double, 3> error{};
  double seconds = 0.0;     // CPU time per patient
  double evaluations = 0;   // right-hand-side evaluations per patient (0: not reported)
};

struct Curve {
  std::string label;
  std::string color;
  std::vector<Point> points;
};

// The model wrapped to count its evaluations (a separate run from the timed ones).
template <class Model>
struct Counted {
  static constexpr auto kDoseStates = Model::kDoseStates;
  using State = typename Model::State;
  const Model& model;
  long* count;
  State initial_state() const { return model.initial_state(); }
  void operator()(const State& x, State& dxdt, double t) const {
    ++*count;
    model(x, dxdt, t);
  }
};

// The series of the default row, for the agreement check; nothing for the others.
Series keep(double rel_tol, const Series& series) { return rel_tol == kRelTols[kDefaultRow] ? series : Series{}; }

SolverOptions tolerances(double rel_tol) {
  SolverOptions o;
  o.rel_tol = rel_tol;
  o.abs_tol = kAbsPerRelTol * rel_tol;
  return o;
}

Curve alemsim_curve(const ModelParams& params, const SimulationPlan& plan, const Series& reference) {
  Curve c{"alemsim: Dormand-Prince 5(4), one patient", svg::kBlue, {}};
  for (double rtol : kRelTols) {
    const SimulationPlan p = plan.with_solver(tolerances(rtol));
    PatientResult result;
    const double s = seconds_per_run([&] { result = simulate_patient(params, p); }, 5, 20);
    long count = 0;
    const AlemtuzumabModel model(params);
    simulate_observed(Counted<AlemtuzumabModel>{model, &count}, p, [](std::size_t, const auto&) {});
    c.points.push_back({rtol, keep(rtol, result.series), errors_against(result.series, reference), s,
                        static_cast<double>(count)});
  }
  return c;
}

// Four copies of the patient in the lanes of one group: the cost per patient when the lanes ask for
// the same steps (a population's lanes differ, and take about 1.3 times the steps of one patient
// alone: bench/README.md).
Curve lanes_curve(const ModelParams& params, const SimulationPlan& plan, const Series& reference) {
  Curve c{"alemsim: Dormand-Prince 5(4), 4 SIMD lanes (per patient)", svg::kSkyBlue, {}};
  std::array<ModelParams, kPatientLanes> group;
  group.fill(params);
  for (double rtol : kRelTols) {
    const SimulationPlan p = plan.with_solver(tolerances(rtol));
    std::array<PatientResult, kPatientLanes> results;
    std::array<PatientResult*, kPatientLanes> pointers;
    for (std::size_t l = 0; l < kPatientLanes; ++l) pointers[l] = &results[l];
    const double s = seconds_per_run([&] { simulate_patients_into(pointers, group, p); }, 5, 10);
    long count = 0;
    const PatientLanes<kPatientLanes> lanes(group);
    simulate_observed(Counted<PatientLanes<kPatientLanes>>{lanes, &count}, p, [](std::size_t, const auto&) {});
    c.points.push_back({rtol, keep(rtol, results[0].series), errors_against(results[0].series, reference),
                        s / kPatientLanes, static_cast<double>(count) / kPatientLanes});
  }
  return c;
}

Curve cvode_curve(CvodeMethod method, const ModelParams& params, const SimulationPlan& plan, const Series& reference,
                  const char* color) {
  Curve c{"", color, {}};
  for (double rtol : kRelTols) {
    CvodePatient cvode(method, rtol, kAbsPerRelTol * rtol);
    Series series;
    const double s = seconds_per_run([&] { series = cvode.simulate(params, plan); }, 5, 3);
    const CvodeStats stats = cvode.stats();
    c.label = cvode.label() + " (" + ALEMSIM_CVODE_BUILD + ")";
    c.points.push_back({rtol, keep(rtol, series), errors_against(series, reference), s,
                        static_cast<double>(stats.rhs_evaluations + stats.jacobian_rhs_evaluations)});
  }
  return c;
}

Curve script_curve(const ReferenceSolver& solver, const WorkPrecisionOptions& o, const SimulationPlan& plan,
                   const PatientResult& grid_source, const Series& reference, const TempDir& tmp, const char* color) {
  Curve c{solver.label, color, {}};
  const std::filesystem::path grid_csv = tmp.path / "grid.csv";
  write_series(grid_csv, plan.grid_day(), grid_source);
  std::vector<std::string> columns;
  for (const auto& q : patient_outputs()) columns.emplace_back(q.column);
  for (double rtol : kRelTols) {
    const std::filesystem::path params = tmp.path / "params.txt";
    std::FILE* f = std::fopen(params.c_str(), "w");
    if (f == nullptr) throw std::runtime_error("cannot write " + params.string());
    write_typical_params(f, rtol, kAbsPerRelTol * rtol);
    std::fclose(f);
    const ReferenceRun run = run_reference(solver, o.scenario, params.string(), grid_csv.string(),
                                           (tmp.path / (solver.key + ".csv")).string(), o.reference_repeat, columns);
    // "SciPy 1.10.1 solve_ivp LSODA rtol ..." without the tolerances, which are the row's.
    c.label = run.solver.substr(0, run.solver.find(" rtol"));
    c.points.push_back({rtol, keep(rtol, run.series), errors_against(run.series, reference), run.integration_seconds, 0});
  }
  return c;
}

void print_table(const std::vector<Curve>& curves) {
  std::printf("%-58s %7s %9s %9s %9s %12s %11s\n", "solver", "rtol", "drug", "cells", "titer", "CPU/patient",
              "evaluations");
  for (const Curve& c : curves) {
    for (const Point& p : c.points) {
      char evals[32] = "-";
      if (p.evaluations > 0) std::snprintf(evals, sizeof evals, "%.0f", p.evaluations);
      std::printf("%-58s %7.0e %9.1e %9.1e %9.1e %9.4f ms %11s\n", c.label.c_str(), p.rel_tol, p.error[0], p.error[1],
                  p.error[2], 1e3 * p.seconds, evals);
    }
  }
}

// Least CPU time per patient among a curve's points whose cell-count error is at most `accuracy`
// (0 when none reaches it).
double time_at_accuracy(const Curve& c, double accuracy) {
  double best = 0.0;
  for (const Point& p : c.points) {
    if (p.error[static_cast<std::size_t>(Group::kCells)] <= accuracy && (best == 0.0 || p.seconds < best)) best = p.seconds;
  }
  return best;
}

void print_matched_accuracy(const std::vector<Curve>& curves) {
  std::printf("\nAt matched accuracy (cell counts): the cheapest row of each solver with an error at most the\n"
              "accuracy, as a multiple of alemsim's (one patient; 4 lanes in brackets). Targets: CVODE >= 10x,\n"
              "SciPy LSODA >= 500x.\n");
  std::printf("%-10s", "accuracy");
  for (std::size_t k = 2; k < curves.size(); ++k) std::printf(" %30.30s", curves[k].label.c_str());
  std::printf("\n");
  for (double accuracy : {1e-4, 1e-5, 1e-6, 1e-7, 1e-8}) {
    const double ours = time_at_accuracy(curves[0], accuracy);
    const double lanes = time_at_accuracy(curves[1], accuracy);
    std::printf("%-10.0e", accuracy);
    for (std::size_t k = 2; k < curves.size(); ++k) {
      const double theirs = time_at_accuracy(curves[k], accuracy);
      char cell[64];
      if (ours == 0.0 || theirs == 0.0) {
        std::snprintf(cell, sizeof cell, "not reached");
      } else {
        std::snprintf(cell, sizeof cell, "%.0fx (%.0fx)", theirs / ours, lanes > 0.0 ? theirs / lanes : 0.0);
      }
      std::printf(" %30s", cell);
    }
    std::printf("\n");
  }
}

void write_plot(const std::vector<Curve>& curves, const std::string& path) {
  svg::Panel panel;
  panel.title = "Work-precision: label-4-courses, typical patient";
  panel.x_label = "log10 of the largest cell-count error against a 1e-12 reference";
  panel.y_label = "CPU time per patient (ms)";
  panel.log_y = true;
  double lo = 0.0, hi = -20.0, tmin = 1e300, tmax = 0.0;
  for (const Curve& c : curves) {
    svg::Line line{c.label, {}, {}, c.color};
    for (const Point& p : c.points) {
      const double x = std::log10(std::max(p.error[static_cast<std::size_t>(Group::kCells)], 1e-16));
      line.x.push_back(x);
      line.y.push_back(1e3 * p.seconds);
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      tmin = std::min(tmin, 1e3 * p.seconds);
      tmax = std::max(tmax, 1e3 * p.seconds);
    }
    svg::Points points{"", line.x, line.y, {}, {}, c.color};
    panel.lines.push_back(std::move(line));
    panel.points.push_back(std::move(points));
  }
  panel.x_min = std::floor(lo);
  panel.x_max = std::ceil(hi);
  panel.y_min = std::pow(10.0, std::floor(std::log10(tmin)));
  panel.y_max = std::pow(10.0, std::ceil(std::log10(tmax)));
  std::ofstream(path) << svg::render(std::span(&panel, 1), 760.0, 460.0);
}

// Fehlberg 7(8) at rtol 1e-12: another method of another order than the default's.
PatientResult reference_run(const ModelParams& params, const SimulationPlan& plan) {
  SolverOptions tight;
  tight.stepper = SolverOptions::Stepper::kFehlberg78;
  tight.rel_tol = 1e-12;
  tight.abs_tol = 1e-15;
  return simulate_patient(params, plan.with_solver(tight));
}

}  // namespace

int check_cvode(const std::string& scenario, double limit) {
  const Scenario s = load_scenario(scenario);
  const SimulationPlan plan = simulation_plan(s);
  const PatientResult reference = reference_run(s.typical_params, plan);
  const Series cvode = CvodePatient(CvodeMethod::kBdf, 1e-10, 1e-13).simulate(s.typical_params, plan);
  const std::array<double, 3> d = errors_against(cvode, reference.series);
  const double worst = std::max({d[0], d[1], d[2]});
  std::printf("%s: CVODE BDF at rtol 1e-10 against alemsim's Fehlberg 7(8) at rtol 1e-12, typical patient:\n"
              "largest difference drug %.1e, cells %.1e, titer %.1e; limit %.0e: %s\n",
              scenario.c_str(), d[0], d[1], d[2], limit, worst < limit ? "met" : "MISSED");
  return worst < limit ? 0 : 1;
}

int run_work_precision(const WorkPrecisionOptions& o) {
  const Scenario s = load_scenario(o.scenario);
  const SimulationPlan plan = simulation_plan(s);
  const ModelParams& params = s.typical_params;

  // The reference, checked below against CVODE BDF at the same tolerance.
  const PatientResult reference = reference_run(params, plan);
  const Series cvode_tight = CvodePatient(CvodeMethod::kBdf, 1e-12, 1e-15).simulate(params, plan);
  const std::array<double, 3> check = errors_against(cvode_tight, reference.series);

  std::printf("%s: typical patient, %zu infusions, %zu output times; every solver restarted at each infusion\n"
              "start and end, at rtol from %.0e to %.0e with atol = %.0e x rtol. Error: largest |v - ref| /\n"
              "max(|ref|, floor) over the grid against Fehlberg 7(8) at rtol 1e-12 (CVODE BDF at rtol 1e-12\n"
              "differs from it by %.1e drug, %.1e cells, %.1e titer). CPU time per patient: alemsim and\n"
              "CVODE the fastest of 5 batches, SciPy and R measured inside the script, fastest of %d runs.\n\n",
              o.scenario.c_str(), plan.infusions().size(), plan.grid_day().size(), kRelTols.front(), kRelTols.back(),
              kAbsPerRelTol, check[0], check[1], check[2], o.reference_repeat);

  std::vector<Curve> curves;
  curves.push_back(alemsim_curve(params, plan, reference.series));
  curves.push_back(lanes_curve(params, plan, reference.series));
  curves.push_back(cvode_curve(CvodeMethod::kAdams, params, plan, reference.series, svg::kOrange));
  curves.push_back(cvode_curve(CvodeMethod::kBdf, params, plan, reference.series, svg::kVermillion));
  const TempDir tmp;
  const std::array<const char*, 2> script_colors = {svg::kGreen, svg::kPurple};
  std::size_t k = 0;
  for (const ReferenceSolver& solver : reference_solvers()) {
    const char* color = script_colors[k++ % script_colors.size()];
    if (!o.scripts) continue;
    if (!is_installed(solver)) {
      std::printf("(%s not installed: %s)\n", solver.label.c_str(), solver.install.c_str());
      continue;
    }
    curves.push_back(script_curve(solver, o, plan, reference, reference.series, tmp, color));
  }

  print_table(curves);
  print_matched_accuracy(curves);

  // Agreement at the default tolerance (rtol 1e-6): every reference against alemsim directly.
  std::printf("\nat rtol 1e-6, largest difference from alemsim (drug, cells, titer; same measure):\n");
  double worst = 0.0;
  for (std::size_t c = 2; c < curves.size(); ++c) {
    const auto d = errors_against(curves[c].points[kDefaultRow].series, curves[0].points[kDefaultRow].series);
    std::printf("  %-58s %9.1e %9.1e %9.1e\n", curves[c].label.c_str(), d[0], d[1], d[2]);
    worst = std::max({worst, d[0], d[1], d[2]});
  }
  std::printf("largest: %.1e  target < %.0e: %s\n", worst, kAgreementTarget, worst < kAgreementTarget ? "met" : "MISSED");
  if (!o.svg_path.empty()) {
    write_plot(curves, o.svg_path);
    std::printf("plot: %s\n", o.svg_path.c_str());
  }
  return worst < kAgreementTarget ? 0 : 1;
}

}  // namespace alemsim::bench
