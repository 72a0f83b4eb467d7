// Immutable results the viewer draws. The render loop only reads these; simulations (or a results
// file loader) build new ones and swap them in whole, so drawing never sees a half-written result.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/course_summary.hpp"
#include "sim/population.hpp"
#include "sim/regimen.hpp"
#include "sim/statistics.hpp"

namespace alemsim::gui {

// One plotted quantity. Owned strings, because a results file brings its own names.
struct QuantityInfo {
  std::string column;  // machine name with unit suffix, e.g. "concentration_ng_per_ml"
  std::string label;   // "Serum alemtuzumab"
  std::string unit;    // "ng/mL"
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
  std::vector<CoursePk> courses;                // per-course figures of the typical patient
  std::vector<Course> regimen;                  // courses as simulated (for course descriptions)
  ModelParams params{};                         // parameters as simulated
  double compute_ms = 0.0;                      // wall time of the simulation, ms
};

// Percentile curves of one quantity across patients, each [time].
struct PercentileCurves {
  std::vector<double> p05, p25, p50, p75, p95;
};

// Per-course figure across patients: [course][figure of course_figures()].
using CourseSpreads = std::vector<std::vector<Spread>>;

// A virtual population reduced to what the plots and the summary show. Built by the viewer from a
// simulation (make_population_snapshot) or, once results files exist, by their loader.
struct PopulationSnapshot {
  std::string source;                           // "200 virtual patients, seed 20130912" or a file path
  std::uint64_t generation = 0;                 // request that produced it (0: not from the viewer)
  std::vector<double> grid_day;                 // [time]
  std::vector<QuantityInfo> quantities;         // [quantity]
  std::vector<PercentileCurves> percentiles;    // [quantity]; over the patients whose run succeeded
  std::vector<std::vector<std::vector<double>>> traces;  // [quantity][patient][time], the first few patients
  std::int64_t patients = 0;                    // simulated, including failed ones
  std::int64_t failed = 0;                      // solver failures, left out of everything above
  std::string first_error;                      // message of the first failure, if any
  CourseSpreads course_spreads;                 // per course, per figure
  double compute_ms = 0.0;                      // wall time of the simulation, ms
};

// Reduces simulated patients (in series order of `quantities`) to a snapshot: percentiles (type 7,
// as sim/statistics.hpp) at every time, the first `trace_count` successful patients as traces, and
// per-course figure spreads. Throws std::invalid_argument if no patient succeeded.
PopulationSnapshot make_population_snapshot(std::span<const double> grid_day, std::vector<QuantityInfo> quantities,
                                            std::span<const PopulationPatient> patients, int trace_count);

}  // namespace alemsim::gui
