#include "gui/core/course_figures.hpp"

#include <array>
#include <cmath>

namespace alemsim::gui {
namespace {

// The figures `alemsim run` prints (sim/cli/summary_print.cpp), in the same order.
constexpr std::array kFigures{
    CourseFigure{"Cmax", "ng/mL", "highest concentration of the course (label, SmPC 5.2: mean 3014 and 2276 ng/mL)", 0,
                 [](const CoursePk& pk) { return pk.cmax_ng_per_ml; }},
    CourseFigure{"Cmax on day", "", "course day of Cmax (1 = the first infusion day)", 0,
                 [](const CoursePk& pk) { return std::floor(pk.tmax_day - pk.start_day) + 1.0; }},
    CourseFigure{"half-life", "days", "apparent half-life from the fall between days 1 and 10 after the last infusion "
                 "(label: 4-5 days)", 2, [](const CoursePk& pk) { return pk.half_life_day; }},
    CourseFigure{"C +30 days", "ng/mL", "concentration 30 days after the last infusion (label: low or undetectable)", 1,
                 [](const CoursePk& pk) { return pk.concentration_30d_ng_per_ml; }},
    CourseFigure{"C +30 days", "% Cmax", "concentration 30 days after the last infusion, as a percentage of Cmax", 2,
                 [](const CoursePk& pk) { return 100.0 * pk.concentration_30d_ng_per_ml / pk.cmax_ng_per_ml; }},
};

}  // namespace

std::span<const CourseFigure> course_figures() { return kFigures; }

}  // namespace alemsim::gui
