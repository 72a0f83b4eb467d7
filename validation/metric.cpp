#include "validation/metric.hpp"

#include <array>

namespace alemsim {
namespace {

// name, metric, unit, then the fields it needs: course, months_after, subset, scenario; population.
// clang-format off
constexpr std::array<MetricInfo, 17> kMetrics{{
    {"cmax_ng_per_ml",                  Metric::kCmax,                         "ng/mL",            true, false, false, false, false},
    {"cmax_course_day",                 Metric::kCmaxCourseDay,                "course day",       true, false, false, false, false},
    {"half_life_day",                   Metric::kHalfLife,                     "days",             true, false, false, false, false},
    {"washout_percent_of_cmax",         Metric::kWashoutPercentOfCmax,         "% of Cmax",        true, false, false, false, false},
    {"count_cells_per_ul",              Metric::kCount,                        "cells/µL",         true, true, true, false, false},
    {"latest_nadir_day",                Metric::kLatestNadirDay,               "days",             true, false, false, false, false},
    {"cd19_baseline_regained_day",      Metric::kCd19BaselineRegainedDay,      "days",             true, false, false, false, false},
    {"percent_of_baseline",             Metric::kPercentOfBaseline,            "% of baseline",    true, true, true, false, false},
    {"ada_peak_titer",                  Metric::kAdaPeakTiter,                 "x cut point",      true, true, false, false, false},
    {"ada_effect_on_cd4_nadir_percent", Metric::kAdaEffectOnCd4NadirPercent,   "%",                true, false, false, false, false},
    {"late_to_first_cd4_nadir_ratio",   Metric::kLateToFirstCd4NadirRatio,     "x course-1 nadir", false, false, false, true, false},
    {"population_mean_cmax_ng_per_ml",  Metric::kPopulationMeanCmax,           "ng/mL",            true, false, false, false, true},
    {"population_mean_count_cells_per_ul", Metric::kPopulationMeanCount,       "cells/µL",         true, true, true, false, true},
    {"population_median_percent_of_baseline", Metric::kPopulationMedianPercentOfBaseline, "% of baseline", true, true, true, false, true},
    {"population_percent_at_lln",       Metric::kPopulationPercentAtLln,       "% of patients",    true, true, true, false, true},
    {"population_percent_ada_positive", Metric::kPopulationPercentAdaPositive, "% of patients",    true, true, false, false, true},
    {"population_median_days_to_lln",   Metric::kPopulationMedianDaysToLln,    "days",             true, false, true, true, true},
}};
// clang-format on

}  // namespace

std::span<const MetricInfo> metric_table() { return kMetrics; }

const MetricInfo* find_metric(std::string_view name) {
  for (const MetricInfo& m : kMetrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace alemsim
