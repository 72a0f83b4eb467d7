#include "sim/regimen.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace alemsim {
namespace {

constexpr double kHoursPerDay = 24.0;

std::string course_field(int index, const char* field) {
  return "courses[" + std::to_string(index) + "]." + field;
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
  if (courses.empty()) throw std::invalid_argument("courses: expected at least one course");
  for (std::size_t i = 0; i < courses.size(); ++i) {
    const Course& c = courses[i];
    const int idx = static_cast<int>(i);
    if (!std::isfinite(c.start_day) || c.start_day < 0.0) {
      throw std::invalid_argument(course_field(idx, "start_day") + ": expected a number >= 0");
    }
    if (c.infusion_days < 1) {
      throw std::invalid_argument(course_field(idx, "infusion_days") + ": expected an integer >= 1");
    }
    if (!std::isfinite(c.dose_mg_per_day) || c.dose_mg_per_day <= 0.0) {
      throw std::invalid_argument(course_field(idx, "dose_mg_per_day") + ": expected a number > 0");
    }
    if (!std::isfinite(c.infusion_hours) || c.infusion_hours <= 0.0 || c.infusion_hours > kHoursPerDay) {
      throw std::invalid_argument(course_field(idx, "infusion_hours") +
                                  ": expected a number > 0 and <= 24 (one infusion a day)");
    }
    std::set<int> seen;
    for (int day : c.missed_days) {
      if (day < 1 || day > c.infusion_days) {
        throw std::invalid_argument(course_field(idx, "missed_days") + ": expected days between 1 and " +
                                    std::to_string(c.infusion_days) + ", got " + std::to_string(day));
      }
      if (!seen.insert(day).second) {
        throw std::invalid_argument(course_field(idx, "missed_days") + ": day " + std::to_string(day) +
                                    " is listed twice");
      }
    }
    if (i > 0) {
      const auto previous = expand_course(courses[i - 1], idx - 1);
      if (c.start_day < previous.back().end_day) {
        throw std::invalid_argument(course_field(idx, "start_day") + ": course starts on day " +
                                    std::to_string(c.start_day) + ", before course " + std::to_string(idx - 1) +
                                    " ends (day " + std::to_string(previous.back().end_day) +
                                    "); courses must be in time order and must not overlap");
      }
    }
  }
}

}  // namespace alemsim
