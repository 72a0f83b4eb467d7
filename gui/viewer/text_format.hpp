// Text the panels show for engine data.
#pragma once

#include <string>
#include <string_view>

#include "sim/regimen.hpp"

namespace alemsim::gui {

// Engine units are ASCII ("cells/uL"); on screen the micro sign reads better ("cells/µL").
std::string display_unit(std::string_view unit);

// "5 x 12 mg over 4 h", plus the missed doses, as `alemsim run` prints a course.
std::string describe_course(const Course& course);

// "3, 4" for missed days, "none" for none.
std::string describe_missed_days(const Course& course);

// A course metric's name as a table row reads: "nadir_cd4_cells_per_ul" -> "nadir CD4+",
// "days_to_lln_cd19" -> "days to LLN CD19+" (the unit goes in its own place).
std::string metric_label(std::string_view name);

// A figure with as many decimals as its size needs (3069.6 -> "3070", 4.394 -> "4.39"); "n/a" for NaN.
std::string format_value(double value);

}  // namespace alemsim::gui
