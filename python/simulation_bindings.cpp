#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include "io/scenario.hpp"
#include "io/setting_path.hpp"
#include "python/bindings.hpp"
#include "sim/course_metrics.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim::python {
namespace {

// The scenario with keyword overrides of typical parameters (name=value), checked as --set checks them.
Scenario with_overrides(const Scenario& scenario, const py::kwargs& overrides) {
  Scenario s = scenario;
  for (const auto& [key, value] : overrides) {
    const std::string name = py::str(key);
    SettingPath::parse("parameters." + name, s.courses.size()).apply(value.cast<double>(), {s.courses, s.typical_params, s.variability});
  }
  return s;
}

py::list course_metrics_of(const std::vector<CourseSummary>& courses) {
  static const std::vector<CourseMetric> metrics = course_metrics(patient_outputs());
  py::list out;
  for (const CourseSummary& c : courses) {
    py::dict d;
    for (const CourseMetric& metric : metrics) d[py::str(metric.name)] = metric.value(c);
    out.append(d);
  }
  return out;
}

py::dict simulate_typical(const Scenario& scenario, const py::kwargs& overrides) {
  const Scenario s = with_overrides(scenario, overrides);
  const SimulationPlan plan = simulation_plan(s);
  PatientResult result;
  {
    py::gil_scoped_release release;
    result = simulate_patient(s.typical_params, plan);
  }
  py::dict out;
  out["time_day"] = to_numpy(std::vector<double>(plan.grid_day().begin(), plan.grid_day().end()));
  const std::span<const OutputQuantity> outputs = patient_outputs();
  for (std::size_t q = 0; q < outputs.size(); ++q) out[py::str(std::string(outputs[q].column))] = to_numpy(std::move(result.series[q]));
  out["courses"] = course_metrics_of(result.courses);
  return out;
}

// A metric's distribution over the patients that reached the course, as `alemsim run` prints it.
py::dict distribution(const StreamingDistribution& d) {
  py::dict out;
  out["n"] = d.count();
  out["mean"] = d.mean();
  out["mean_se"] = d.mean_standard_error();
  for (const double p : kSummaryPercentiles) out[py::str("p" + std::to_string(static_cast<int>(p)))] = d.percentile(p);
  return out;
}

py::dict run_population_of(const Scenario& scenario, std::optional<std::int64_t> patients, std::optional<std::uint64_t> seed,
                           int threads) {
  Scenario s = scenario;
  if (patients) {
    if (*patients < 1) throw py::value_error("patients: expected a whole number >= 1");
    s.patients = *patients;
  }
  if (seed) s.seed = *seed;
  const auto started = std::chrono::steady_clock::now();
  const SimulationPlan plan = simulation_plan(s);
  const PatientSampler sampler(s.typical_params, s.variability);
  PopulationRunOptions run;
  run.seed = s.seed;
  run.patients = s.patients;
  run.threads = threads;
  run.bin_series = true;  // as `alemsim run`: the summary folds the workers' bin indices
  PopulationSummary summary(patient_outputs(), plan.grid_day().size(), s.courses.size());
  const std::span<const OutputQuantity> outputs = patient_outputs();
  const std::size_t times = plan.grid_day().size();
  // [quantity] -> [percentile][time], percentiles kSummaryPercentiles (5, 25, 50, 75, 95), as /summary stores them.
  std::vector<std::vector<double>> band_values(outputs.size());
  {
    py::gil_scoped_release release;
    run_population(sampler, plan, run, [&](std::span<const PatientOutcome> batch) {
      summary.add(batch, threads);
      // Ctrl-C stops the run between batches: Python's handler has only set a flag.
      py::gil_scoped_acquire acquire;
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    });
    // Reading the bands out of the histograms is the engine's work too (alemsim run does it to write /summary).
    for (std::size_t q = 0; q < outputs.size() && summary.failed() < s.patients; ++q) {
      band_values[q].reserve(std::size(kSummaryPercentiles) * times);
      for (const double p : kSummaryPercentiles) {
        const std::vector<double> row = summary.series().percentile(q, p);
        band_values[q].insert(band_values[q].end(), row.begin(), row.end());
      }
    }
  }
  // The engine's time inside this call (plan, sampler, summary histograms, integration, bands):
  // what the binding adds is the rest (bench/python_overhead.py).
  const double compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (summary.failed() == s.patients) throw std::runtime_error(s.name + ": every one of the " + std::to_string(s.patients) + " patients failed");

  py::dict out;
  out["time_day"] = to_numpy(std::vector<double>(plan.grid_day().begin(), plan.grid_day().end()));
  out["patients"] = summary.patients();
  out["failed"] = summary.failed();
  out["compute_ms"] = compute_ms;
  py::dict bands;
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    py::array_t<double> flat = to_numpy(std::move(band_values[q]));
    bands[py::str(std::string(outputs[q].column))] =
        flat.reshape({static_cast<py::ssize_t>(std::size(kSummaryPercentiles)), static_cast<py::ssize_t>(times)});
  }
  out["percentiles"] = bands;
  out["percentile_levels"] = std::vector<double>(std::begin(kSummaryPercentiles), std::end(kSummaryPercentiles));
  py::list courses;
  for (std::size_t k = 0; k < s.courses.size(); ++k) {
    py::dict metrics;
    for (std::size_t m = 0; m < summary.metrics().size(); ++m) metrics[py::str(summary.metrics()[m].name)] = distribution(summary.metric(m, k));
    courses.append(metrics);
  }
  out["courses"] = courses;
  return out;
}

}  // namespace

py::array_t<double> to_numpy(std::vector<double>&& values) {
  auto* owned = new std::vector<double>(std::move(values));
  py::capsule owner(owned, [](void* v) { delete static_cast<std::vector<double>*>(v); });
  return py::array_t<double>(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
}

void bind_simulation(py::module_& m) {
  py::register_exception<SolverError>(m, "SolverError", PyExc_RuntimeError);
  auto scenario = py::reinterpret_borrow<py::class_<Scenario>>(m.attr("Scenario"));
  scenario.def("simulate_typical", &simulate_typical,
               "The typical patient, with keyword overrides of parameters (target_vmax_mg_per_day=0.5). Returns a dict: "
               "time_day and every output column as NumPy arrays (no copy), and 'courses', a list of dicts of each "
               "course's figures (the engine's course metrics).");
  scenario.def("run_population", &run_population_of, py::arg("patients") = py::none(), py::arg("seed") = py::none(),
               py::arg("threads") = 0,
               "A virtual population as `alemsim run` simulates it (same seed, same numbers, any thread count). Returns a "
               "dict: time_day, patients, failed, compute_ms (the engine's time), 'percentiles' (column -> array [5, times] at percentile_levels 5, 25, "
               "50, 75, 95) and 'courses' (per course, metric -> n, mean, mean_se, p5..p95). The GIL is released while "
               "simulating; Ctrl-C stops between batches.");
}

}  // namespace alemsim::python
