// Calendar time in days: the one definition of a month that every figure, summary and plot uses.
#pragma once

namespace alemsim {

// A month is 365/12 days (30.417), so month 12 is day 365, where the labelled regimen's second
// course starts (SmPC 4.2: "12 months after the first"), and "month m after a course" is
// m * kDaysPerMonth days after the course's first infusion.
inline constexpr double kDaysPerMonth = 365.0 / 12.0;

}  // namespace alemsim
