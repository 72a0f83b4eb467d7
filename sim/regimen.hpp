// A treatment regimen as data: courses of daily infusions, and their expansion into infusion records.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace alemsim {

// Shortest infusion accepted, h: one minute. Shorter is a bolus whose start and end the output grid
// (times within 1e-9 day are one time) and the solver cannot tell apart: at 1e-15 h the dose was
// silently never given.
inline constexpr double kMinInfusionHours = 1.0 / 60.0;

// Bounds of a plausible regimen. They keep every time, dose and count far from where doubles lose
// days or products overflow, and far beyond any regimen studied:
// - latest day anything may happen (course start, horizon): 100 years;
inline constexpr double kMaxDay = 36525.0;
// - largest daily dose, mg: 1000, 83 times the labelled 12 mg/day (SmPC 4.2); the highest regimen
//   in clinical use, CAMPATH in CLL, is 30 mg three times a week;
inline constexpr double kMaxDoseMgPerDay = 1000.0;
// - most courses: 100, one a year for a century (the label gives two, then as needed).
inline constexpr std::size_t kMaxCourses = 100;

// One treatment course as prescribed (SmPC 4.2: 12 mg/day over about 4 h on consecutive days).
struct Course {
  double start_day = 0.0;          // time of the first infusion start, days from the first course
  int infusion_days = 0;           // number of scheduled infusion days
  double dose_mg_per_day = 0.0;    // amount infused on each infusion day, mg
  double infusion_hours = 0.0;     // duration of each infusion, h
  // 1-based days of the course whose scheduled dose was missed. SmPC 4.2: a missed dose is not
  // given on the same day as a scheduled dose, so each one is given on the next free day after the
  // scheduled ones.
  std::vector<int> missed_days{};

  friend bool operator==(const Course&, const Course&) = default;
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

// A course that is not physically meaningful; course_index() is -1 for an empty regimen.
class RegimenError : public std::invalid_argument {
 public:
  RegimenError(int course_index, const std::string& what) : std::invalid_argument(what), course_index_(course_index) {}
  int course_index() const { return course_index_; }

 private:
  int course_index_;
};

// Throws RegimenError naming the course, the field and the value when a course is not physically
// meaningful (non-positive dose or duration, infusion longer than a day, overlapping courses,
// missed days outside the course).
void validate_regimen(const std::vector<Course>& courses);

// A number as a person would write it ("367.167", "-12"), for error messages.
std::string format_number(double value);

}  // namespace alemsim
