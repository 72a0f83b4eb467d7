// Immutable results the viewer draws. The render loop only reads these; simulations (or the results
// file reader) build new ones and swap them in whole, so drawing never sees a half-written result.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/output_quantity.hpp"
#include "sim/course_summary.hpp"
#include "sim/regimen.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim::gui {

// One plotted quantity. Owned strings, because a results file brings its own names.
struct QuantityInfo {
  std::string column;  // machine name with unit suffix, e.g. "concentration_ng_per_ml"
  std::string label;   // "Serum alemtuzumab"
  std::string unit;    // "ng/mL"
  // What the engine declares the quantity to be; nullopt for one it does not report (a results file
  // from another version may bring such quantities).
  std::optional<QuantityRole> role;

  bool is_concentration() const { return role == QuantityRole::kDrugConcentration; }
};

// The engine's output quantities (patient_outputs()), in series order.
std::vector<QuantityInfo> engine_quantities();

// Position of `column` in `quantities`, or -1.
int find_quantity(std::span<const QuantityInfo> quantities, std::string_view column);

// The typical patient of the scenario being edited.
struct TypicalSnapshot {
  std::vector<double> grid_day;                 // output times, days from the first infusion
  std::vector<QuantityInfo> quantities;         // [quantity]
  std::vector<std::vector<double>> series;      // [quantity][time], units of quantities[q]
  std::vector<CourseSummary> courses;           // per-course figures of the typical patient
  std::vector<Course> regimen;                  // courses as simulated (for course descriptions)
  ModelParams params{};                         // parameters as simulated
  double compute_ms = 0.0;                      // wall time of the simulation, ms
};

// Percentile curves of one quantity across patients, each [time].
struct PercentileCurves {
  std::vector<double> p05, p25, p50, p75, p95;
};

// A per-course metric (course_metrics(): "cmax_ng_per_ml", ...) as named in a population.
struct MetricInfo {
  std::string name;
  std::string unit;
  std::string description;
};

// One metric of one course across patients, as `alemsim run` prints it: exact mean, percentiles
// binned to within ±1% (sim/streaming_summary.hpp).
struct MetricSpread {
  double mean = 0.0;
  double p05 = 0.0;
  double p95 = 0.0;
  std::int64_t count = 0;    // patients with a value
  std::int64_t missing = 0;  // patients where it is undefined (past the horizon, never back at the LLN)
};

MetricSpread metric_spread(const StreamingDistribution& distribution);

// The fraction of patients below one count threshold at every output time, with its Wilson 95%
// interval (sim/threshold_fractions.hpp), each [time].
struct FractionCurve {
  std::string name;   // "cd4_below_200"
  std::string label;  // "CD4+ T cells < 200 cells/uL"
  std::vector<double> fraction, lower, upper;
};

// A virtual population reduced to what the plots and the summary show, built from a viewer run
// (population_worker.hpp) or read from a results file (results_file.hpp).
struct PopulationSnapshot {
  std::string source;                           // "200 virtual patients, seed 20130912" or a file path
  std::uint64_t generation = 0;                 // request that produced it (0: not from the viewer)
  std::vector<double> grid_day;                 // [time]
  std::vector<QuantityInfo> quantities;         // [quantity]
  std::vector<PercentileCurves> percentiles;    // [quantity]; over the patients whose run succeeded
  std::vector<std::vector<std::vector<double>>> traces;  // [quantity][patient][time], the first few patients
  std::int64_t patients = 0;                    // simulated, including failed ones
  std::int64_t failed = 0;                      // failures, left out of everything above
  std::string first_error;                      // message of the first failure, if any
  std::vector<MetricInfo> metrics;              // [metric]
  std::vector<std::vector<MetricSpread>> course_metrics;  // [course][metric]
  // Fraction of patients with total lymphocytes at or above the LLN kLlnCheckMonths after each
  // course: [course][month]; NaN where no patient's horizon reaches it.
  std::vector<std::array<double, std::size(kLlnCheckMonths)>> lln_fractions;
  std::vector<FractionCurve> fractions_below;   // [threshold]; empty for a file written before they were stored
  std::string note;                             // shown with the population, e.g. what a results file lacks
  double compute_ms = 0.0;                      // wall time of the simulation or of reading the file, ms
};

// Position of metric `name` in `metrics`, or -1.
int find_metric(std::span<const MetricInfo> metrics, std::string_view name);

// The 5, 25, 50, 75 and 95th percentile curves of quantity q from streaming histograms.
PercentileCurves percentile_curves(const SeriesPercentiles& series, std::size_t q);

// Everything of a finished PopulationSummary over `grid_day` with the engine's quantities and
// metrics; traces, source and timings are the caller's. Throws std::invalid_argument when no
// patient succeeded (`first_error` says why).
PopulationSnapshot make_population_snapshot(std::span<const double> grid_day, const PopulationSummary& summary,
                                            std::size_t courses, const std::string& first_error);

}  // namespace alemsim::gui
