// The SmPC 5.2 PK figures for the labelled regimen, simulated for one parameter set.
#pragma once

#include <vector>

#include "models/model_params.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// SmPC 4.2: course 1 is 12 mg/day on 5 consecutive days, course 2 12 mg/day on 3 days 12 months
// later; each infusion over about 4 hours. Month 12 is taken as day 365.
std::vector<Course> label_regimen();

struct LabelPkFigures {
  double cmax_course1_ng_per_ml;      // SmPC 5.2: 3014 on day 5 of course 1
  double cmax_course2_ng_per_ml;      // SmPC 5.2: 2276 on day 3 of course 2
  double tmax_course1_day_of_course;  // 1-based day of the course on which Cmax occurs
  double tmax_course2_day_of_course;
  double half_life_course1_day;       // SmPC 5.2: alpha half-life 4-5 days
  double half_life_course2_day;
  double washout_fraction_course1;    // C(+30 d) / Cmax; SmPC 5.2: "low or undetectable"
  double washout_fraction_course2;
  double pool_fraction_month1;        // CD52 pool / baseline 30 days after course 1 starts
  double pool_fraction_month12;       // CD52 pool / baseline at day 365, before course 2
};

// Simulates the typical patient `params` on label_regimen() over 2 years.
LabelPkFigures simulate_label_pk(const ModelParams& params);

// SmPC 5.2 reference values for the figures above.
inline constexpr double kLabelCmaxCourse1NgPerMl = 3014.0;
inline constexpr double kLabelCmaxCourse2NgPerMl = 2276.0;
inline constexpr double kLabelHalfLifeMidDay = 4.5;  // middle of "about 4-5 days"
// Proxy for the lumped CD52 pool: CD4+ plus CD8+ T cells, CARE-MS course-1 means (Dubuisson 2018,
// Table 1): (0.05 + 0.08) / (0.98 + 0.50) at month 1 and (0.28 + 0.24) / (0.98 + 0.50) at month 12.
inline constexpr double kCareMsTCellFractionMonth1 = (0.05 + 0.08) / (0.98 + 0.50);
inline constexpr double kCareMsTCellFractionMonth12 = (0.28 + 0.24) / (0.98 + 0.50);
inline constexpr double kMonth1Day = 30.0;
inline constexpr double kMonth12Day = 365.0;

}  // namespace alemsim
