#include "sim/recovery_analysis.hpp"

#include "models/reference_ranges.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

std::vector<RecoveryThreshold> recovery_thresholds(std::span<const OutputQuantity> outputs) {
  std::vector<RecoveryThreshold> t;
  std::vector<std::size_t> subset_of_output;  // CourseSummary::subsets index of each cell count
  for (std::size_t q = 0, k = 0; q < outputs.size(); ++q) subset_of_output.push_back(outputs[q].is_cell_count() ? k++ : 0);
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (outputs[q].guides_prophylaxis) {
      t.push_back({std::string(outputs[q].short_name) + "_200",
                   std::string(outputs[q].label) + " back at " + format_number(kProphylaxisCd4CellsPerUl) + " cells/uL",
                   [](const CourseSummary& c) { return c.cd4_200_regained_day; }});
    }
  }
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (!outputs[q].is_cell_count() || !outputs[q].has_lln()) continue;
    const std::size_t k = subset_of_output[q];
    t.push_back({"lln_" + std::string(outputs[q].short_name),
                 std::string(outputs[q].label) + " back at LLN (" + format_number(outputs[q].lln_cells_per_ul) + ")",
                 [k](const CourseSummary& c) { return c.subsets.at(k).lln_regained_day; }});
  }
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (!outputs[q].is_cell_count()) continue;
    const std::size_t k = subset_of_output[q];
    t.push_back({"baseline_" + std::string(outputs[q].short_name), std::string(outputs[q].label) + " back at " + format_number(100.0 * kBaselineRecoveredFraction) + "% of baseline",
                 [k](const CourseSummary& c) { return c.subsets.at(k).baseline_regained_day; }});
  }
  return t;
}

RecoveryAnalysis::RecoveryAnalysis(std::span<const OutputQuantity> outputs, std::size_t courses)
    : thresholds_(recovery_thresholds(outputs)), by_course_(courses, std::vector<RecoveryEstimate>(thresholds_.size())) {}

void RecoveryAnalysis::add(std::span<const CourseSummary> courses) {
  for (const CourseSummary& c : courses) {
    auto& row = by_course_.at(static_cast<std::size_t>(c.course_index));
    for (std::size_t j = 0; j < thresholds_.size(); ++j) {
      RecoveryEstimate& e = row[j];
      ++e.patients;
      const Recovery r = c.recovery(thresholds_[j].regained_day(c));
      if (r.kind == Recovery::Kind::kNeverBelow) {
        ++e.never_below;
      } else {
        e.time_to_recovery.add(r.day, r.kind == Recovery::Kind::kRecovered);
      }
    }
  }
}

}  // namespace alemsim
