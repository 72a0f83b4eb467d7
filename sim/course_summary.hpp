// Per-course PK figures as the label reports them (SmPC 5.2): Cmax, alpha half-life, washout.
#pragma once

#include <span>
#include <vector>

#include "sim/regimen.hpp"

namespace alemsim {

// Times after the end of a course's last infusion at which the label's figures are read.
inline constexpr double kHalfLifeFromDay = 1.0;   // apparent half-life measured from day 1 ...
inline constexpr double kHalfLifeToDay = 10.0;    // ... to day 10 after the last infusion
inline constexpr double kWashoutDay = 30.0;       // "low or undetectable within about 30 days"

struct CoursePk {
  int course_index = 0;
  double start_day = 0.0;                    // first infusion start
  double last_infusion_end_day = 0.0;
  double cmax_ng_per_ml = 0.0;
  double tmax_day = 0.0;                     // absolute time of Cmax
  double half_life_day = 0.0;                // ln2 * 9 / ln(C(+1 d) / C(+10 d)); NaN if past the horizon
  double concentration_30d_ng_per_ml = 0.0;  // C(+30 d); NaN if past the horizon
};

// Times the summary needs on the grid (1, 10 and 30 days after each course's last infusion).
std::vector<double> course_summary_times(std::span<const Infusion> infusions);

// One entry per course present in `infusions`. `grid_day` must contain course_summary_times()
// that fall within the horizon; concentration is aligned with grid_day.
std::vector<CoursePk> summarize_courses(std::span<const Infusion> infusions, std::span<const double> grid_day,
                                        std::span<const double> concentration_ng_per_ml);

}  // namespace alemsim
