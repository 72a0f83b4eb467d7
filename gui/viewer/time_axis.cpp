#include "gui/viewer/time_axis.hpp"

#include "models/calendar.hpp"

namespace alemsim::gui {

TimeUnit automatic_time_unit(double visible_span_day) {
  if (visible_span_day <= 90.0) return TimeUnit::kDays;
  if (visible_span_day <= 12.0 * kDaysPerMonth) return TimeUnit::kWeeks;
  if (visible_span_day <= 48.0 * kDaysPerMonth) return TimeUnit::kMonths;
  return TimeUnit::kYears;
}

double days_per_unit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kWeeks:
      return 7.0;
    case TimeUnit::kMonths:
      return kDaysPerMonth;
    case TimeUnit::kYears:
      return 12.0 * kDaysPerMonth;
    case TimeUnit::kAuto:
    case TimeUnit::kDays:
      break;
  }
  return 1.0;
}

const char* time_unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kAuto:
      return "automatic";
    case TimeUnit::kDays:
      return "days";
    case TimeUnit::kWeeks:
      return "weeks";
    case TimeUnit::kMonths:
      return "months";
    case TimeUnit::kYears:
      return "years";
  }
  return "days";
}

TimeAxisView time_axis_view(const TimeAxisChoice& choice, std::span<const double> course_start_day, plot::Range visible_day) {
  const TimeUnit unit = choice.unit == TimeUnit::kAuto ? automatic_time_unit(visible_day.max - visible_day.min) : choice.unit;
  TimeAxisView view;
  view.unit = time_unit_name(unit);
  view.display.unit = days_per_unit(unit);
  // Months tick in quarters, halves and whole years; weeks in fortnights and four-week months.
  if (unit == TimeUnit::kMonths) view.display.steps = {1, 2, 3, 6, 12, 24, 36, 60, 120};
  if (unit == TimeUnit::kWeeks) view.display.steps = {1, 2, 4, 8, 12, 26, 52};
  const bool from_course = choice.origin_course >= 0 && static_cast<std::size_t>(choice.origin_course) < course_start_day.size();
  if (from_course) {
    view.display.origin = course_start_day[static_cast<std::size_t>(choice.origin_course)];
    view.label = "Time since the start of course " + std::to_string(choice.origin_course + 1);
  } else {
    view.label = "Time since first infusion";
  }
  return view;
}

}  // namespace alemsim::gui
