#include "gui/core/reference_data.hpp"

#include <array>

namespace alemsim::gui {
namespace {

constexpr std::array kLines{
    ReferenceLine{"lymphocytes_cells_per_ul", 1000.0, "LLN 1000/µL", "Hill-Cawthorne 2012"},
    ReferenceLine{"cd4_cells_per_ul", 400.0, "LLN 400/µL", "Hill-Cawthorne 2012"},
    ReferenceLine{"cd4_cells_per_ul", 200.0, "200/µL: herpes prophylaxis until above", "LEMTRADA US prescribing information"},
    ReferenceLine{"cd8_cells_per_ul", 200.0, "LLN 200/µL", "Hill-Cawthorne 2012"},
    ReferenceLine{"cd19_cells_per_ul", 100.0, "LLN 100/µL", "Hill-Cawthorne 2012"},
};

// Cmax follows the end of the last infusion of a course: 4 h infusions, day 5 of course 1 starts at
// day 4, day 3 of course 2 at day 365 + 2.
constexpr double kInfusionDays = 4.0 / 24.0;
constexpr std::array kSmpcCmaxDay{4.0 + kInfusionDays, 367.0 + kInfusionDays};
constexpr std::array kSmpcCmaxValue{3014.0, 2276.0};
constexpr std::array<std::string_view, 2> kSmpcCmaxLabels{"SmPC 3014 (course 1, day 5)", "SmPC 2276 (course 2, day 3)"};

// CARE-MS course 1 means, months 0, 1, 3, 6, 9, 12 (Dubuisson 2018, Table 1), cells/µL. Month m is
// day m * 365 / 12 rounded, so month 1 is day 30 and month 12 day 365, as in models/pk.md.
constexpr std::array kCaremsDay{0.0, 30.0, 91.0, 183.0, 274.0, 365.0};
constexpr std::array kCaremsCd4{980.0, 50.0, 110.0, 170.0, 240.0, 280.0};
constexpr std::array kCaremsCd8{500.0, 80.0, 130.0, 160.0, 220.0, 240.0};
constexpr std::array<std::string_view, 6> kNoLabels{};

constexpr std::array kSeries{
    ReferenceSeries{"concentration_ng_per_ml", "SmPC Cmax", "EU SmPC 5.2, mean", kSmpcCmaxDay, kSmpcCmaxValue, kSmpcCmaxLabels},
    ReferenceSeries{"cd4_cells_per_ul", "CARE-MS mean", "Dubuisson 2018, Table 1", kCaremsDay, kCaremsCd4, kNoLabels},
    ReferenceSeries{"cd8_cells_per_ul", "CARE-MS mean", "Dubuisson 2018, Table 1", kCaremsDay, kCaremsCd8, kNoLabels},
};

}  // namespace

std::span<const ReferenceLine> reference_lines() { return kLines; }
std::span<const ReferenceSeries> reference_series() { return kSeries; }

std::vector<const ReferenceLine*> reference_lines_for(std::string_view column) {
  std::vector<const ReferenceLine*> out;
  for (const ReferenceLine& line : kLines) {
    if (line.column == column) out.push_back(&line);
  }
  return out;
}

std::vector<const ReferenceSeries*> reference_series_for(std::string_view column) {
  std::vector<const ReferenceSeries*> out;
  for (const ReferenceSeries& series : kSeries) {
    if (series.column == column) out.push_back(&series);
  }
  return out;
}

}  // namespace alemsim::gui
