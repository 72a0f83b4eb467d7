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

}  // namespace alemsim::gui
