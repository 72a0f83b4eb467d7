#include "gui/core/reference_data.hpp"

#include <cmath>

#include "models/reference_ranges.hpp"
#include "sim/patient.hpp"
#include "validation/label_figures.hpp"
#include "validation/reference_figures.hpp"
#include "validation/validation_runs.hpp"

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
  for (const OutputQuantity& q : patient_outputs()) {
    if (!q.guides_prophylaxis) continue;
    lines.push_back({std::string(q.column), kProphylaxisCd4CellsPerUl,
                     whole(kProphylaxisCd4CellsPerUl) + "/µL: herpes prophylaxis", "LEMTRADA US prescribing information"});
  }
  return lines;
}

// The series of `column` from `source`, created on first use.
ReferenceSeries& series_of(std::vector<ReferenceSeries>& all, std::string_view column, const std::string& name,
                           const std::string& source) {
  for (ReferenceSeries& s : all) {
    if (s.column == column && s.source == source) return s;
  }
  return all.emplace_back(ReferenceSeries{std::string(column), name, source, {}, {}, {}, {}});
}

// Published values that are a point on a curve of the labelled regimen, from the reference figures
// (validation/reference_figures.yaml), predictions included: each typical Cmax at the end of the
// infusion on its labelled day, and each mean count (typical patient or population) at its month after
// its course (days as the validation reads them).
std::vector<ReferenceSeries> build_series() {
  const ReferenceSet& figures = shipped_reference_figures();
  std::vector<ReferenceSeries> all;
  for (const ReferenceFigure& f : figures.figures) {
    if (!f.is_point()) continue;
    if (f.metric->metric == Metric::kCmax) {
      // The labelled day of Cmax (a figure of its own) is the day of the course's last infusion.
      const Course& course = label_regimen().at(static_cast<std::size_t>(f.course - 1));
      double cmax_day = std::nan("");
      for (const ReferenceFigure& d : figures.figures) {
        if (d.metric->metric == Metric::kCmaxCourseDay && d.course == f.course && d.is_point()) cmax_day = d.min;
      }
      if (std::isnan(cmax_day)) continue;
      ReferenceSeries& s =
          series_of(all, output_with_role(QuantityRole::kDrugConcentration).column, "SmPC Cmax", f.source + ", mean");
      s.day.push_back(course.start_day + (cmax_day - 1.0) + course.infusion_hours / 24.0);
      s.value.push_back(f.min);
      s.course.push_back(f.course);
      s.labels.push_back("SmPC " + whole(f.min) + " (course " + std::to_string(f.course) + ", day " + whole(cmax_day) + ")");
    } else if (f.metric->metric == Metric::kCount || f.metric->metric == Metric::kPopulationMeanCount) {
      ReferenceSeries& s = series_of(all, f.subset, "mean, " + f.source, f.source);
      s.day.push_back(figure_day(f));
      s.value.push_back(f.min);
      s.labels.emplace_back();
      s.course.push_back(f.course);
    }
  }
  return all;
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
