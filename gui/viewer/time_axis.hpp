// What the shared time axis shows: days, weeks, months or years (chosen, or picked from the visible
// span), counted from the first infusion or from the start of a chosen course. The data stay in
// days; only the ticks, the axis title and the read-out change (plot::AxisDisplay).
#pragma once

#include <span>
#include <string>

#include "gui/plot/plot.hpp"

namespace alemsim::gui {

enum class TimeUnit { kAuto, kDays, kWeeks, kMonths, kYears };
// Every unit, in the order the toolbar lists them.
inline constexpr TimeUnit kTimeUnits[] = {TimeUnit::kAuto, TimeUnit::kDays, TimeUnit::kWeeks, TimeUnit::kMonths, TimeUnit::kYears};

struct TimeAxisChoice {
  TimeUnit unit = TimeUnit::kAuto;
  int origin_course = -1;  // -1: day 0 of the scenario (the first infusion); k: the start of course k (0-based)
};

// The unit `kAuto` means for a visible span: days up to 90 days, weeks up to a year, months up to
// four years, years beyond.
TimeUnit automatic_time_unit(double visible_span_day);

// Days per unit: 1, 7, a month of 365/12 days (models/calendar.hpp) and a year of 12 such months.
double days_per_unit(TimeUnit unit);

// "days", "weeks", "months", "years"; "automatic" for kAuto.
const char* time_unit_name(TimeUnit unit);

struct TimeAxisView {
  std::string label;  // "Time since first infusion", "Time since the start of course 2"
  std::string unit;   // the unit shown: never "automatic"
  plot::AxisDisplay display;
};

// The axis for `choice`, given each course's start day and the days now visible. A course that no
// longer exists (the regimen was edited) counts from the first infusion instead.
TimeAxisView time_axis_view(const TimeAxisChoice& choice, std::span<const double> course_start_day, plot::Range visible_day);

}  // namespace alemsim::gui
