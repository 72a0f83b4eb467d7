// Clinical thresholds the summaries report against.
#pragma once

#include <array>
#include <string_view>

namespace alemsim {

// Lower limits of normal used in alemtuzumab cohorts (Hill-Cawthorne GA et al., JNNP 2012;83:298).
struct LowerLimitOfNormal {
  std::string_view column;  // output quantity (see AlemtuzumabModel::kOutputs)
  double cells_per_ul;
};
inline constexpr std::array<LowerLimitOfNormal, 4> kLowerLimitsOfNormal{{
    {"cd4_cells_per_ul", 400.0},
    {"cd8_cells_per_ul", 200.0},
    {"cd19_cells_per_ul", 100.0},
    {"lymphocytes_cells_per_ul", 1000.0},
}};

// Herpes prophylaxis runs from day 1 of each course for at least 2 months after it, or until the
// CD4+ count is at least 200 cells/µL, whichever is later (LEMTRADA prescribing information).
inline constexpr double kProphylaxisCd4CellsPerUl = 200.0;
inline constexpr double kProphylaxisMinimumDays = 2.0 * 365.25 / 12.0;  // 2 months after the last infusion

}  // namespace alemsim
