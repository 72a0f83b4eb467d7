#include "sim/course_metrics.hpp"

#include <cmath>

namespace alemsim {

std::string nadir_metric(std::string_view short_name) { return "nadir_" + std::string(short_name) + "_cells_per_ul"; }

std::string days_to_lln_metric(std::string_view short_name) { return "days_to_lln_" + std::string(short_name); }

std::string relative_nadir_metric(std::string_view short_name) { return "relative_nadir_" + std::string(short_name); }

std::string lymphocytes_at_month_metric(double months) {
  return "lymphocytes_" + std::to_string(static_cast<int>(months)) + "_months_cells_per_ul";
}

std::vector<CourseMetric> course_metrics(std::span<const OutputQuantity> outputs) {
  std::vector<CourseMetric> m{
      {"cmax_ng_per_ml", "ng/mL", "highest concentration of the course", [](const CourseSummary& c) { return c.cmax_ng_per_ml; }},
      {"tmax_day", "day", "time of Cmax from the course start", [](const CourseSummary& c) { return c.tmax_day - c.start_day; }},
      {"half_life_day", "day", "apparent half-life, days 1-10 after the last infusion",
       [](const CourseSummary& c) { return c.half_life_day; }},
      {"concentration_30d_ng_per_ml", "ng/mL", "concentration 30 days after the last infusion",
       [](const CourseSummary& c) { return c.concentration_30d_ng_per_ml; }},
      {"ada_titer_at_start", "x cut point", "anti-drug antibody titer before the first infusion",
       [](const CourseSummary& c) { return c.ada_titer_at_start; }},
      {"window_end_day", "day",
       "end of the course window (last output time before the next course or the horizon), days from the course "
       "start: where a count not back at a threshold is censored",
       [](const CourseSummary& c) { return c.window_end_day; }},
  };
  std::size_t subset = 0;
  for (const OutputQuantity& q : outputs) {
    if (!q.is_cell_count()) continue;
    const std::string s(q.short_name);
    const std::size_t k = subset++;
    m.push_back({nadir_metric(s), "cells/uL", "lowest " + std::string(q.label) + " in the course window",
                 [k](const CourseSummary& c) { return c.subsets.at(k).nadir_cells_per_ul; }});
    m.push_back({"nadir_day_" + s, "day", "day of that nadir from the course start",
                 [k](const CourseSummary& c) { return c.subsets.at(k).nadir_day; }});
    m.push_back({days_to_lln_metric(s), "day",
                 "days from the course start until back at the lower limit of normal (0: never below; NaN: not "
                 "within the course window or no LLN)",
                 [k](const CourseSummary& c) { return c.subsets.at(k).lln_regained_day; }});
    m.push_back({"days_to_baseline_" + s, "day",
                 "days from the course start until back at 90% of the pre-treatment count (0: never below; NaN: not "
                 "within the course window)",
                 [k](const CourseSummary& c) { return c.subsets.at(k).baseline_regained_day; }});
    m.push_back({relative_nadir_metric(s), "fraction", "nadir / count at the course start (relative depletion)",
                 [k](const CourseSummary& c) { return c.subsets.at(k).relative_nadir(); }});
  }
  m.push_back({"days_to_cd4_200", "day", "days from the course start until CD4+ is back at 200 cells/uL",
               [](const CourseSummary& c) { return c.cd4_200_regained_day; }});
  m.push_back({"prophylaxis_end_day", "day", "end of herpes prophylaxis, days from the course start",
               [](const CourseSummary& c) { return c.prophylaxis_end_day; }});
  m.push_back({lymphocytes_at_month_metric(kLlnCheckMonths[0]), "cells/uL",
               "total lymphocytes 6 months after the course start",
               [](const CourseSummary& c) { return c.lymphocytes_6_months_cells_per_ul; }});
  m.push_back({lymphocytes_at_month_metric(kLlnCheckMonths[1]), "cells/uL",
               "total lymphocytes 12 months after the course start",
               [](const CourseSummary& c) { return c.lymphocytes_12_months_cells_per_ul; }});
  return m;
}

}  // namespace alemsim
