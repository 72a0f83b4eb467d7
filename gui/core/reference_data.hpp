// Published figures drawn beside the simulated curves, keyed by output column name. A quantity the
// engine does not (yet) report simply gets none; nothing here depends on which outputs exist.
// Sources: /work/shared/reference/FACTS.md (SmPC 4.2/4.4/5.2, Dubuisson 2018, Hill-Cawthorne 2012).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace alemsim::gui {

// A horizontal threshold, e.g. a lower limit of normal.
struct ReferenceLine {
  std::string_view column;  // output quantity it belongs to
  double value;             // in the column's unit
  std::string_view label;   // drawn at the line
  std::string_view source;
};

// Published values at given times of the labelled regimen (course 1 from day 0, course 2 from day 365).
struct ReferenceSeries {
  std::string_view column;
  std::string_view name;                     // legend entry
  std::string_view source;
  std::span<const double> day;               // days from the first infusion
  std::span<const double> value;             // in the column's unit
  std::span<const std::string_view> labels;  // one per point; "" for an unlabelled point
};

std::vector<const ReferenceLine*> reference_lines_for(std::string_view column);
std::vector<const ReferenceSeries*> reference_series_for(std::string_view column);

std::span<const ReferenceLine> reference_lines();
std::span<const ReferenceSeries> reference_series();

}  // namespace alemsim::gui
