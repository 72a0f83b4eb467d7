// The labelled regimen simulated for the typical patient, read off as the figures the label and the
// CARE-MS trials report.
#pragma once

#include <array>
#include <vector>

#include "models/model_params.hpp"
#include "sim/course_summary.hpp"
#include "sim/patient.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// SmPC 4.2: course 1 is 12 mg/day on 5 consecutive days, course 2 12 mg/day on 3 days 12 months
// later; each infusion over about 4 hours. Months are kDaysPerMonth (sim/course_summary.hpp).
std::vector<Course> label_regimen();

// CARE-MS course-1 means (Dubuisson N et al., Immunology 2018;154:253, Table 1), cells/µL.
inline constexpr std::array<double, 5> kCareMsMonths{1, 3, 6, 9, 12};
inline constexpr std::array<double, 5> kCareMsCd4CellsPerUl{50, 110, 170, 240, 280};
inline constexpr std::array<double, 5> kCareMsCd8CellsPerUl{80, 130, 160, 220, 240};
// SmPC 5.2 figures.
inline constexpr double kLabelCmaxCourse1NgPerMl = 3014.0;  // day 5 of course 1
inline constexpr double kLabelCmaxCourse2NgPerMl = 2276.0;  // day 3 of course 2
inline constexpr double kLabelHalfLifeMinDay = 4.0;         // alpha half-life "about 4-5 days"
inline constexpr double kLabelHalfLifeMaxDay = 5.0;

struct LabelFigures {
  PatientResult result;                      // the whole run (two courses, 2 years)
  std::vector<double> grid_day;
  std::array<double, 5> cd4_cells_per_ul;    // at kCareMsMonths after course 1
  std::array<double, 5> cd8_cells_per_ul;
  double cd19_month6_cells_per_ul;           // 6 months after course 1
  double ada_titer_month15;                  // 15 months after course 1
};

// Simulates `params` on label_regimen() over 2 years (course 2 plus 12 months).
LabelFigures simulate_label(const ModelParams& params);

// Value of output `column` at time t_day (a grid time) in a LabelFigures run.
double label_value(const LabelFigures& f, std::string_view column, double t_day);

}  // namespace alemsim
