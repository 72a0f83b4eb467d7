// Per-course figures: the PK the label reports (SmPC 5.2), and depletion and recovery of each
// lymphocyte subset (SmPC 5.1), with the end of herpes prophylaxis.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "models/calendar.hpp"
#include "models/output_quantity.hpp"
#include "sim/plan.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// Times after the end of a course's last infusion at which the label's PK figures are read.
inline constexpr double kHalfLifeFromDay = 1.0;   // apparent half-life measured from day 1 ...
inline constexpr double kHalfLifeToDay = 10.0;    // ... to day 10 after the last infusion
inline constexpr double kWashoutDay = 30.0;       // "low or undetectable within about 30 days"
// SmPC 5.1 reports the fraction of patients at the lower limit of normal 6 and 12 months after each course.
inline constexpr double kLlnCheckMonths[] = {6.0, 12.0};
// A count is "back at baseline" at this fraction of its pre-treatment value: the model's counts
// approach their baseline exponentially from below and would never reach it exactly. 90% is the
// recovery criterion issue 12 states Model 2's T cells against.
inline constexpr double kBaselineRecoveredFraction = 0.9;

// Depletion and recovery of one cell count within one course's window (course start to the next
// course's start, or the horizon). Days are counted from the course's first infusion.
struct SubsetCourse {
  std::string_view column;            // output quantity, e.g. "cd4_cells_per_ul"
  double start_cells_per_ul = 0.0;     // at the course's first infusion
  double baseline_cells_per_ul = 0.0;  // before any treatment: at the grid's first time (day 0)
  double nadir_cells_per_ul = 0.0;
  double nadir_day = 0.0;
  double lln_cells_per_ul = 0.0;      // lower limit of normal; NaN where none is defined (NK)
  // First output time after the nadir at which the count is back at or above the LLN; 0 if it never
  // fell below; NaN if it does not return within the window or no LLN is defined.
  double lln_regained_day = 0.0;
  // As lln_regained_day, back at kBaselineRecoveredFraction × baseline_cells_per_ul.
  double baseline_regained_day = 0.0;

  // Relative depletion: nadir / count at the course start (what "incomplete depletion" is about: a
  // course given before the count has recovered starts lower, and its absolute nadir says little).
  double relative_nadir() const { return nadir_cells_per_ul / start_cells_per_ul; }
};

// A time from a course's start until a count is back at a threshold, as a time-to-event observation
// (sim/recovery_analysis.hpp): the count never fell below the threshold, came back on `day`, or had
// not come back by `day`, the end of the course window (censored there).
struct Recovery {
  enum class Kind { kNeverBelow, kRecovered, kCensored } kind;
  double day;  // from the course start; 0 for kNeverBelow
};

struct CourseSummary {
  int course_index = 0;
  double start_day = 0.0;                    // first infusion start, days from day 0
  double last_infusion_end_day = 0.0;        // days from day 0
  // The window's last output time, days from the course start: the output time before the next
  // course's start, or the horizon. A count not back by then is censored here.
  double window_end_day = 0.0;
  double cmax_ng_per_ml = 0.0;
  double tmax_day = 0.0;                     // days from day 0
  double half_life_day = 0.0;                // ln2 * 9 / ln(C(+1 d) / C(+10 d)); NaN if past the horizon
  double concentration_30d_ng_per_ml = 0.0;  // C(+30 d); NaN if past the horizon
  std::vector<SubsetCourse> subsets;         // every cell-count output, in output order
  // As lln_regained_day, for the count that guides herpes prophylaxis (CD4+) at
  // kProphylaxisCd4CellsPerUl (200 cells/µL).
  double cd4_200_regained_day = 0.0;
  double prophylaxis_end_day = 0.0;          // later of the above and 2 months after the last infusion
  double ada_titer_at_start = 0.0;           // before the first infusion of the course
  // Total lymphocytes 6 and 12 months after the course's first infusion (NaN past the horizon).
  double lymphocytes_6_months_cells_per_ul = 0.0;
  double lymphocytes_12_months_cells_per_ul = 0.0;

  // A *_regained_day of this course (0: never below; NaN: not back within the window) as a
  // time-to-event observation.
  Recovery recovery(double regained_day) const;
};

// Times the summary needs on the grid (1, 10 and 30 days after each course's last infusion; 1, 3, 6
// and 12 months after its first: kLlnCheckMonths, kFractionCheckMonths). Every SimulationPlan's
// grid holds them.
std::vector<double> course_summary_times(std::span<const Infusion> infusions);

// One entry per course of `plan`. `series[q]` is aligned with plan.grid_day() and described by
// outputs[q]; the outputs' roles say which is the concentration and which are cell counts.
std::vector<CourseSummary> summarize_courses(const SimulationPlan& plan, std::span<const OutputQuantity> outputs,
                                             std::span<const std::vector<double>> series);

}  // namespace alemsim
