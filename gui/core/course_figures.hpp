// The per-course figures the summary shows, as a table, so the summary panel, the population
// spreads and the CSV export stay generic: a new figure is one line here.
#pragma once

#include <span>
#include <string_view>

#include "sim/course_summary.hpp"

namespace alemsim::gui {

struct CourseFigure {
  std::string_view label;        // short, for a table row: "Cmax"
  std::string_view unit;         // "ng/mL"
  std::string_view description;  // what it is and how it is read, for a tooltip
  int decimals;             // digits after the point when shown
  double (*value)(const CoursePk&);  // NaN when the figure lies past the horizon
};

std::span<const CourseFigure> course_figures();

}  // namespace alemsim::gui
