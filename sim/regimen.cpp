#include "sim/regimen.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>

namespace alemsim {
namespace {

constexpr double kHoursPerDay = 24.0;

std::string course_field(int index, const char* field) {
  return "courses[" + std::to_string(index) + "]." + field;
}

[[noreturn]] void fail(int index, const char* field, const std::string& message) {
  throw RegimenError(index, course_field(index, field) + ": " + message);
}

}  // namespace

std::vector<Infusion> expand_course(const Course& course, int course_index) {
  const std::set<int> missed(course.missed_days.begin(), course.missed_days.end());
  std::vector<int> dosing_days;  // 1-based days of the course on which an infusion is given
  for (int day = 1; day <= course.infusion_days; ++day) {
    if (!missed.contains(day)) dosing_days.push_back(day);
  }
  // Each missed dose goes to the next day with no scheduled dose: never two doses on one day.
  for (std::size_t i = 0; i < missed.size(); ++i) {
    dosing_days.push_back(course.infusion_days + 1 + static_cast<int>(i));
  }

  const double duration_day = course.infusion_hours / kHoursPerDay;
  std::vector<Infusion> infusions;
  infusions.reserve(dosing_days.size());
  for (int day : dosing_days) {
    const double start = course.start_day + (day - 1);
    infusions.push_back({course_index, start, start + duration_day, course.dose_mg_per_day / duration_day});
  }
  return infusions;
}

std::vector<Infusion> expand_regimen(const std::vector<Course>& courses) {
  std::vector<Infusion> all;
  for (std::size_t i = 0; i < courses.size(); ++i) {
    const auto course = expand_course(courses[i], static_cast<int>(i));
    all.insert(all.end(), course.begin(), course.end());
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Infusion& a, const Infusion& b) { return a.start_day < b.start_day; });
  return all;
}

void validate_regimen(const std::vector<Course>& courses) {
  if (courses.empty()) throw RegimenError(-1, "courses: expected at least one course");
  if (courses.size() > kMaxCourses) {
    throw RegimenError(-1, "courses: expected at most " + std::to_string(kMaxCourses) + " courses, got " +
                               std::to_string(courses.size()));
  }
  for (std::size_t i = 0; i < courses.size(); ++i) {
    const Course& c = courses[i];
    const int idx = static_cast<int>(i);
    if (!std::isfinite(c.start_day) || c.start_day < 0.0 || c.start_day > kMaxDay) {
      fail(idx, "start_day", "expected a day from 0 to " + format_number(kMaxDay) + " (100 years), got " +
                                 format_number(c.start_day));
    }
    if (c.infusion_days < 1) fail(idx, "infusion_days", "expected a whole number >= 1, got " + std::to_string(c.infusion_days));
    if (!std::isfinite(c.dose_mg_per_day) || c.dose_mg_per_day <= 0.0 || c.dose_mg_per_day > kMaxDoseMgPerDay) {
      fail(idx, "dose_mg_per_day", "expected a number of mg > 0 and at most " + format_number(kMaxDoseMgPerDay) +
                                       " (the label gives 12), got " + format_number(c.dose_mg_per_day));
    }
    if (!std::isfinite(c.infusion_hours) || c.infusion_hours < kMinInfusionHours || c.infusion_hours > kHoursPerDay) {
      fail(idx, "infusion_hours",
           "expected a number of hours from 1/60 (one minute; a bolus cannot be shorter) to 24 (one infusion a "
           "day), got " + format_number(c.infusion_hours));
    }
    std::set<int> seen;
    for (int day : c.missed_days) {
      if (day < 1 || day > c.infusion_days) {
        fail(idx, "missed_days",
             "expected days from 1 to " + std::to_string(c.infusion_days) + ", got " + std::to_string(day));
      }
      if (!seen.insert(day).second) fail(idx, "missed_days", "day " + std::to_string(day) + " is listed twice");
    }
    if (i > 0) {
      const double previous_end = expand_course(courses[i - 1], idx - 1).back().end_day;
      if (c.start_day < previous_end) {
        fail(idx, "start_day",
             "course starts on day " + format_number(c.start_day) + ", before course " + std::to_string(idx - 1) +
                 " ends (day " + format_number(previous_end) + "); courses must be in time order and must not overlap");
      }
    }
  }
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace alemsim
