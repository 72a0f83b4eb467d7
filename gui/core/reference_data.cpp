#include "gui/core/reference_data.hpp"

#include <cmath>

#include "models/reference_ranges.hpp"
#include "sim/course_summary.hpp"
#include "sim/patient.hpp"
#include "validation/label_figures.hpp"

namespace alemsim::gui {
namespace {

constexpr const char* kLlnSource = "Hill-Cawthorne 2012";

std::string whole(double value) { return std::to_string(std::lround(value)); }

std::vector<ReferenceLine> build_lines() {
  std::vector<ReferenceLine> lines;
  for (const OutputQuantity& q : patient_outputs()) {
    if (!q.has_lln()) continue;
    lines.push_back({std::string(q.column), q.lln_cells_per_ul, "LLN " + whole(q.lln_cells_per_ul) + "/µL", kLlnSource});
  }
  lines.push_back({"cd4_cells_per_ul", kProphylaxisCd4CellsPerUl,
                   whole(kProphylaxisCd4CellsPerUl) + "/µL: herpes prophylaxis",
                   "LEMTRADA US prescribing information"});
  return lines;
}

std::vector<ReferenceSeries> build_series() {
  // Cmax follows the end of the last infusion of a course: 4 h infusions, day 5 of course 1 starts at
  // day 4, day 3 of course 2 at day 365 + 2.
  const double infusion_day = 4.0 / 24.0;
  ReferenceSeries cmax{"concentration_ng_per_ml", "SmPC Cmax", "EU SmPC 5.2, mean",
                       {4.0 + infusion_day, 367.0 + infusion_day},
                       {kLabelCmaxCourse1NgPerMl, kLabelCmaxCourse2NgPerMl},
                       {"SmPC " + whole(kLabelCmaxCourse1NgPerMl) + " (course 1, day 5)",
                        "SmPC " + whole(kLabelCmaxCourse2NgPerMl) + " (course 2, day 3)"}};
  // Month m is day m * 365 / 12, as in the course summaries and the validation.
  std::vector<double> care_ms_day;
  for (double month : kCareMsMonths) care_ms_day.push_back(month * kDaysPerMonth);
  const std::vector<std::string> unlabelled(care_ms_day.size());
  const char* care_ms_source = "Dubuisson 2018, Table 1 (course 1)";
  ReferenceSeries cd4{"cd4_cells_per_ul", "CARE-MS mean", care_ms_source, care_ms_day,
                      {kCareMsCd4CellsPerUl.begin(), kCareMsCd4CellsPerUl.end()}, unlabelled};
  ReferenceSeries cd8{"cd8_cells_per_ul", "CARE-MS mean", care_ms_source, care_ms_day,
                      {kCareMsCd8CellsPerUl.begin(), kCareMsCd8CellsPerUl.end()}, unlabelled};
  return {cmax, cd4, cd8};
}

}  // namespace

const std::vector<ReferenceLine>& reference_lines() {
  static const std::vector<ReferenceLine> lines = build_lines();
  return lines;
}

const std::vector<ReferenceSeries>& reference_series() {
  static const std::vector<ReferenceSeries> series = build_series();
  return series;
}

std::vector<const ReferenceLine*> reference_lines_for(std::string_view column) {
  std::vector<const ReferenceLine*> out;
  for (const ReferenceLine& line : reference_lines()) {
    if (line.column == column) out.push_back(&line);
  }
  return out;
}

std::vector<const ReferenceSeries*> reference_series_for(std::string_view column) {
  std::vector<const ReferenceSeries*> out;
  for (const ReferenceSeries& series : reference_series()) {
    if (series.column == column) out.push_back(&series);
  }
  return out;
}

}  // namespace alemsim::gui
