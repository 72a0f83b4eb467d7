// A treatment regimen as data: courses of daily infusions, and their expansion into infusion records.
#pragma once

#include <string>
#include <vector>

namespace alemsim {

// One treatment course as prescribed (SmPC 4.2: 12 mg/day over about 4 h on consecutive days).
struct Course {
  double start_day = 0.0;          // time of the first infusion start, days from the first course
  int infusion_days = 0;           // number of scheduled infusion days
  double dose_mg_per_day = 0.0;    // amount infused on each infusion day, mg
  double infusion_hours = 0.0;     // duration of each infusion, h
  // 1-based days of the course whose scheduled dose was missed. SmPC 4.2: a missed dose is not
  // given on the same day as a scheduled dose, so each one is given on the next free day after the
  // scheduled ones.
  std::vector<int> missed_days;
};

// One constant-rate infusion into the dosing state.
struct Infusion {
  int course_index = 0;            // 0-based course this infusion belongs to
  double start_day = 0.0;
  double end_day = 0.0;
  double rate_mg_per_day = 0.0;
};

// Infusions of one course, in time order, after moving missed doses to free days.
std::vector<Infusion> expand_course(const Course& course, int course_index);

// Infusions of all courses, sorted by start time.
std::vector<Infusion> expand_regimen(const std::vector<Course>& courses);

// Throws std::invalid_argument naming the course and field when a course is not physically
// meaningful (non-positive dose or duration, infusion longer than a day, overlapping courses,
// missed days outside the course).
void validate_regimen(const std::vector<Course>& courses);

}  // namespace alemsim
