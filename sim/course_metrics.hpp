// Per-course figures as a flat list of named metrics: what population summaries, HDF5 /metrics and
// study tables iterate over.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "models/output_quantity.hpp"
#include "sim/course_summary.hpp"

namespace alemsim {

struct CourseMetric {
  std::string name;   // e.g. "cmax_ng_per_ml", "nadir_cd4_cells_per_ul", "days_to_lln_cd4"
  std::string unit;
  std::string description;
  std::function<double(const CourseSummary&)> value;  // NaN when not defined (past horizon, never back)
};

// Names of the per-count metrics, from the quantity's short name: "nadir_cd4_cells_per_ul",
// "days_to_lln_cd4".
std::string nadir_metric(std::string_view short_name);
std::string days_to_lln_metric(std::string_view short_name);
// "relative_nadir_cd4": the nadir as a fraction of the count at the course start.
std::string relative_nadir_metric(std::string_view short_name);

// Name of the metric of total lymphocytes `months` after a course's start (kLlnCheckMonths),
// e.g. "lymphocytes_6_months_cells_per_ul".
std::string lymphocytes_at_month_metric(double months);

// Every metric of a CourseSummary for a model with these outputs, in a stable order.
std::vector<CourseMetric> course_metrics(std::span<const OutputQuantity> outputs);

}  // namespace alemsim
