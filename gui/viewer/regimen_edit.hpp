// Edits the Regimen and Parameters panels make to the scenario, as plain functions so they are
// tested without clicking.
#pragma once

#include <cstddef>

#include "io/scenario.hpp"

namespace alemsim::gui {

// Most infusion days of a course the panel allows (the scenario loader's limit).
inline constexpr int kMaxInfusionDays = 31;

// Appends a course like the label's later ones: 3 days, the last course's dose and duration, 12
// months after the last course started (or the day after it ends, if later). Extends the horizon to
// a year past the new course so its washout and recovery are visible.
void add_course(Scenario& scenario);

// Removes course `index`; the last remaining course is kept.
void remove_course(Scenario& scenario, std::size_t index);

// Sets the number of infusion days (clamped to 1..kMaxInfusionDays) and drops missed days beyond it.
void set_infusion_days(Course& course, int days);

// Marks 1-based course day `day` as missed or not; missed_days stays sorted without duplicates.
void set_missed_day(Course& course, int day, bool missed);

// Every parameter back to its typical value in param_table().
void reset_parameters(Scenario& scenario);

}  // namespace alemsim::gui
