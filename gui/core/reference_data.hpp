// Published figures drawn beside the simulated curves, keyed by output column name, taken from where
// the engine and the validation keep them (the outputs' lower limits of normal, models/reference_ranges.hpp,
// and validation/reference_figures.yaml) so the viewer shows the thresholds the summaries use and the
// figures the model is checked against.
// A quantity without published figures simply gets none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alemsim::gui {

// A horizontal threshold, e.g. a lower limit of normal.
struct ReferenceLine {
  std::string column;  // output quantity it belongs to
  double value;        // in the column's unit
  std::string label;   // drawn at the line
  std::string source;
};

// Published values at given times of the labelled regimen (course 1 from day 0, course 2 from day 365).
struct ReferenceSeries {
  std::string column;
  std::string name;                 // legend entry
  std::string source;
  std::vector<double> day;          // days from the first infusion
  std::vector<double> value;        // in the column's unit
  std::vector<std::string> labels;  // one per point; "" for an unlabelled point
  std::vector<int> course;          // one per point: the course (1-based) it follows
};

// Every line and series, built once.
const std::vector<ReferenceLine>& reference_lines();
const std::vector<ReferenceSeries>& reference_series();

std::vector<const ReferenceLine*> reference_lines_for(std::string_view column);
std::vector<const ReferenceSeries*> reference_series_for(std::string_view column);

}  // namespace alemsim::gui
