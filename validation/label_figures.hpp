// The labelled regimen simulated for the typical patient, from which the figures the label and the
// CARE-MS trials report are read (validation/checks.hpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "models/model_params.hpp"
#include "sim/course_summary.hpp"
#include "sim/patient.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// The courses of the labelled regimen (scenarios/label.yaml, the one definition; SmPC 4.2: course 1
// is 12 mg/day on 5 consecutive days, course 2 12 mg/day on 3 days 12 months later, each infusion
// over about 4 hours).
const std::vector<Course>& label_regimen();
// simulate_label() runs to here: course 2 (day 365) plus 12 months.
inline constexpr double kLabelHorizonDay = 730.0;

struct LabelFigures {
  PatientResult result;                      // the whole run (two courses, 2 years)
  std::vector<double> grid_day;
};

// Simulates `params` on label_regimen() over 2 years (course 2 plus 12 months). The grid is daily plus
// the infusion bounds, the course-summary times and `extra_times_day` (the days the figures are read).
LabelFigures simulate_label(const ModelParams& params, std::span<const double> extra_times_day = {});

// Value of output `column` at time t_day (a grid time) in a LabelFigures run.
double label_value(const LabelFigures& f, std::string_view column, double t_day);

}  // namespace alemsim
