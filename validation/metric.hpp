// What a reference figure measures in the simulation: each metric is one named way of reading a
// number off the validation runs, with the unit that number has and the arguments it needs.
#pragma once

#include <span>
#include <string_view>

namespace alemsim {

enum class Metric {
  kCmax,                          // typical patient, label regimen: Cmax of a course
  kCmaxCourseDay,                 // 1-based course day on which that Cmax occurs
  kHalfLife,                      // apparent half-life, days 1-10 after the course's last infusion
  kWashoutPercentOfCmax,          // concentration 30 days after the last infusion, % of the course's Cmax
  kCount,                         // a cell count some months after a course's first infusion
  kLatestNadirDay,                // the latest nadir day of any cell count within a course window
  kCd19BaselineRegainedDay,       // first day after the nadir with CD19+ back at its own baseline
  kPercentOfBaseline,             // a cell count some months after a course, % of its own baseline
  kAdaPeakTiter,                  // highest ADA titer from day 0 to some months after a course
  kAdaEffectOnCd4NadirPercent,    // CD4+ nadir with ADA minus without, % of the nadir without
  kLateToFirstCd4NadirRatio,      // scenario run: max(CD4+ nadir of courses 3, 4) / course-1 nadir
  kPopulationMeanCmax,            // virtual population, label regimen: mean Cmax of a course
  kPopulationMeanCount,           // virtual population: mean of a cell count some months after a course
  kPopulationMedianPercentOfBaseline,  // virtual population: median of a count some months after a course, % of each patient's baseline
  kPopulationPercentAtLln,        // % of the population with a count at or above its LLN, months after a course
  kPopulationPercentAdaPositive,  // % of the population with a titer >= 1 at some time up to months after a course
  kPopulationMedianDaysToLln,     // scenario population: median days from a course's start until a count is back
                                  // at its LLN (a patient not back within the course window counts as later)
};

// How a reference file names a metric, its unit, and which entry fields it needs (all others must be
// absent, so an entry never carries an argument that silently does nothing).
struct MetricInfo {
  std::string_view name;
  Metric metric;
  std::string_view unit;
  bool needs_course;        // `course`: 1-based course of the labelled regimen (or of the scenario)
  bool needs_months_after;  // `months_after`: months (365/12 days) after that course's first infusion
  bool needs_subset;        // `subset`: a cell-count output, e.g. cd4_cells_per_ul
  bool needs_scenario;      // `scenario`: scenario file, relative to the reference file
  bool population;          // read from the virtual population rather than the typical patient
};

std::span<const MetricInfo> metric_table();

// The entry named `name`, or nullptr.
const MetricInfo* find_metric(std::string_view name);

}  // namespace alemsim
