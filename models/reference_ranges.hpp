// Clinical thresholds the summaries report against. The model's outputs declare which of them
// applies to which count (AlemtuzumabModel::kOutputs).
#pragma once

#include "models/calendar.hpp"

namespace alemsim {

// Lower limits of normal used in alemtuzumab cohorts (Hill-Cawthorne GA et al., JNNP 2012;83:298),
// cells/µL. No lower limit is defined for NK cells.
inline constexpr double kCd4LowerLimitCellsPerUl = 400.0;
inline constexpr double kCd8LowerLimitCellsPerUl = 200.0;
inline constexpr double kCd19LowerLimitCellsPerUl = 100.0;
inline constexpr double kLymphocyteLowerLimitCellsPerUl = 1000.0;

// Herpes prophylaxis runs from day 1 of each course for at least 2 months after it, or until the
// CD4+ count is at least 200 cells/µL, whichever is later (LEMTRADA prescribing information).
inline constexpr double kProphylaxisCd4CellsPerUl = 200.0;
inline constexpr double kProphylaxisMinimumDays = 2.0 * kDaysPerMonth;  // after the last infusion

}  // namespace alemsim
