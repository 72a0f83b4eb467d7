#include "gui/core/snapshot.hpp"

#include <stdexcept>

#include "sim/patient.hpp"

namespace alemsim::gui {

std::vector<QuantityInfo> engine_quantities() {
  std::vector<QuantityInfo> out;
  for (const OutputQuantity& q : patient_outputs()) {
    out.push_back({std::string(q.column), std::string(q.label), std::string(q.unit), q.role});
  }
  return out;
}

int find_quantity(std::span<const QuantityInfo> quantities, std::string_view column) {
  for (std::size_t q = 0; q < quantities.size(); ++q) {
    if (quantities[q].column == column) return static_cast<int>(q);
  }
  return -1;
}

int find_metric(std::span<const MetricInfo> metrics, std::string_view name) {
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    if (metrics[m].name == name) return static_cast<int>(m);
  }
  return -1;
}

MetricSpread metric_spread(const StreamingDistribution& d) {
  return {d.mean(), d.percentile(5.0), d.percentile(95.0), d.count(), d.nan_count()};
}

PercentileCurves percentile_curves(const SeriesPercentiles& series, std::size_t q) {
  static_assert(std::size(kSummaryPercentiles) == 5, "PercentileCurves holds the five summary percentiles");
  return {series.percentile(q, kSummaryPercentiles[0]), series.percentile(q, kSummaryPercentiles[1]),
          series.percentile(q, kSummaryPercentiles[2]), series.percentile(q, kSummaryPercentiles[3]),
          series.percentile(q, kSummaryPercentiles[4])};
}

PopulationSnapshot make_population_snapshot(std::span<const double> grid_day, const PopulationSummary& summary,
                                            std::size_t courses, const std::string& first_error) {
  if (summary.series().patients() == 0) throw std::invalid_argument("no virtual patient could be simulated: " + first_error);
  PopulationSnapshot s;
  s.grid_day.assign(grid_day.begin(), grid_day.end());
  s.quantities = engine_quantities();
  for (std::size_t q = 0; q < s.quantities.size(); ++q) s.percentiles.push_back(percentile_curves(summary.series(), q));
  s.traces.resize(s.quantities.size());
  s.patients = summary.patients();
  s.failed = summary.failed();
  s.first_error = first_error;
  for (const CourseMetric& m : summary.metrics()) s.metrics.push_back({m.name, m.unit, m.description});
  s.course_metrics.assign(courses, std::vector<MetricSpread>(s.metrics.size()));
  s.lln_fractions.resize(courses);
  for (std::size_t k = 0; k < courses; ++k) {
    for (std::size_t m = 0; m < s.metrics.size(); ++m) s.course_metrics[k][m] = metric_spread(summary.metric(m, k));
    for (std::size_t month = 0; month < std::size(kLlnCheckMonths); ++month) {
      s.lln_fractions[k][month] = summary.fraction_at_lln(k, month);
    }
  }
  const ThresholdFractions& below = summary.fractions_below();
  for (std::size_t j = 0; j < below.thresholds().size(); ++j) {
    FractionCurve c{below.thresholds()[j].name, below.thresholds()[j].label, {}, {}, {}};
    for (std::size_t t = 0; t < s.grid_day.size(); ++t) {
      const Proportion p = below.below(j, t);
      c.fraction.push_back(p.estimate);
      c.lower.push_back(p.lower_95);
      c.upper.push_back(p.upper_95);
    }
    s.fractions_below.push_back(std::move(c));
  }
  return s;
}

}  // namespace alemsim::gui
