// Population summaries computed in one pass with memory independent of the number of patients.
// Percentiles come from histograms on the logarithmic bins of sim/log_bins.hpp (accuracy stated
// there: within ±1.01%); means and counts are exact.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/course_metrics.hpp"
#include "sim/log_bins.hpp"
#include "sim/population.hpp"
#include "sim/recovery_analysis.hpp"
#include "sim/threshold_fractions.hpp"

namespace alemsim {

// Percentile p in [0, 100] from histogram counts, defined as R's and NumPy's default (R type 7):
// h = p/100 · (n − 1), linear between the order statistics at ranks floor(h) and floor(h) + 1, each
// read inside its bin (sim/log_bins.hpp). NaN when empty.
double histogram_percentile(std::span<const std::uint32_t> counts, std::int64_t n, double p);

// The order statistic at 0-based `rank` of n values counted in `counts`, read inside its bin. NaN
// when rank is outside 0..n-1.
double histogram_order_statistic(std::span<const std::uint32_t> counts, std::int64_t n, std::int64_t rank);

// A figure's 95% Monte Carlo interval: how far it could move with another sample of patients.
struct Interval {
  double lower;
  double upper;
};

// Mean and variance accumulated one value at a time (Welford 1962: no cancellation for large counts).
class RunningMoments {
 public:
  void add(double value);
  std::int64_t count() const { return count_; }
  // The standard error of the mean, s/sqrt(n); NaN for fewer than 2 values.
  double standard_error() const;

 private:
  std::int64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

// One distribution: exact count, NaN count, mean and its standard error; binned percentiles.
class StreamingDistribution {
 public:
  StreamingDistribution();
  void add(double value);
  std::int64_t count() const { return count_; }        // finite values
  std::int64_t nan_count() const { return nan_count_; }
  double mean() const;
  double mean_standard_error() const { return moments_.standard_error(); }
  // Binned (see above), but never outside the exact minimum and maximum: a distribution of equal
  // values reports that value, not a point of its bin.
  double percentile(double p) const;
  // The distribution-free 95% interval of percentile p: the order statistics at ranks
  // n·q ∓ 1.96·sqrt(n·q·(1 − q)), q = p/100 (1-based, rounded outwards and clamped to 1..n; the normal
  // approximation to the binomial, Conover 1999, Practical Nonparametric Statistics, 3.2), binned as
  // percentile(). NaN bounds when empty.
  Interval percentile_interval(double p) const;

 private:
  std::vector<std::uint32_t> counts_;
  std::int64_t count_ = 0;
  std::int64_t nan_count_ = 0;
  double sum_ = 0.0;
  double min_ = 0.0;
  double max_ = 0.0;
  RunningMoments moments_;
};

// Throws MemoryBudgetError (sim/memory_budget.hpp) if the percentile bands of `quantities` outputs
// at `times` output times (a histogram each: 4.8 KB) would not fit the memory budget. Every
// SeriesPercentiles checks this before allocating; a scenario reader checks it at load time.
void require_summary_memory(std::size_t quantities, std::size_t times);

// Percentile bands of every output quantity at every output time.
class SeriesPercentiles {
 public:
  SeriesPercentiles(std::size_t quantities, std::size_t times);
  // Folds a batch in, splitting the work over `threads` by time index (deterministic).
  void add(std::span<const PatientOutcome> batch, int threads);
  std::int64_t patients() const { return patients_; }
  // Percentile p of quantity q at every output time.
  std::vector<double> percentile(std::size_t q, double p) const;

 private:
  std::size_t quantities_;
  std::size_t times_;
  std::size_t bins_;
  std::vector<double> values_at_rank(std::size_t q, std::int64_t rank) const;

  std::vector<std::uint32_t> counts_;  // [quantity][bin][time]
  std::int64_t patients_ = 0;
};

// Everything a population run reports, accumulated batch by batch.
class PopulationSummary {
 public:
  PopulationSummary(std::span<const OutputQuantity> outputs, std::size_t times, std::size_t courses);
  void add(std::span<const PatientOutcome> batch, int threads);

  std::int64_t patients() const { return patients_; }
  std::int64_t failed() const { return failed_; }
  const std::vector<CourseMetric>& metrics() const { return metrics_; }
  // Distribution of metric m in course k (0-based) over the patients that reached course k.
  const StreamingDistribution& metric(std::size_t m, std::size_t k) const { return by_course_[k][m]; }
  // Fraction of patients with total lymphocytes at or above their lower limit of normal
  // (lymphocyte_lln_cells_per_ul()), kLlnCheckMonths[month] after course k; NaN when no patient's
  // horizon reaches that time.
  double fraction_at_lln(std::size_t k, std::size_t month) const;
  // The same with its Wilson 95% interval (sim/threshold_fractions.hpp).
  Proportion proportion_at_lln(std::size_t k, std::size_t month) const;
  // The lower limit of normal the outputs declare for total lymphocytes (NaN if none).
  double lymphocyte_lln_cells_per_ul() const { return lymphocyte_lln_cells_per_ul_; }
  const SeriesPercentiles& series() const { return series_; }
  // Time to recovery after each course (Kaplan–Meier, sim/recovery_analysis.hpp).
  const RecoveryAnalysis& recovery() const { return recovery_; }
  // Fraction of patients below CD4+ 200 and each lower limit of normal at every output time.
  const ThresholdFractions& fractions_below() const { return fractions_; }

 private:
  std::vector<CourseMetric> metrics_;
  double lymphocyte_lln_cells_per_ul_;
  std::vector<std::vector<StreamingDistribution>> by_course_;  // [course][metric]
  std::vector<std::vector<std::int64_t>> at_lln_;              // [course][month]
  std::vector<std::vector<std::int64_t>> lln_known_;           // [course][month]
  SeriesPercentiles series_;
  RecoveryAnalysis recovery_;
  ThresholdFractions fractions_;
  std::int64_t patients_ = 0;
  std::int64_t failed_ = 0;
};

// The percentiles written to /summary and drawn as bands: 5, 25, 50, 75, 95.
inline constexpr double kSummaryPercentiles[] = {5.0, 25.0, 50.0, 75.0, 95.0};

}  // namespace alemsim
