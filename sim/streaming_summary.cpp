#include "sim/streaming_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/memory_budget.hpp"
#include "sim/survival.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where the order statistic `rank_in_bin` (0-based) of a bin holding `count` values sits in it: the
// middle of its 1/count share.
double rank_fraction(std::int64_t rank_in_bin, std::uint32_t count) {
  return (static_cast<double>(rank_in_bin) + 0.5) / static_cast<double>(count);
}

// Percentile p of n values as R's and NumPy's default (R type 7): the order statistics at 0-based
// ranks `below` and below + 1, `fraction` of the way from the first to the second.
struct PercentileRank {
  std::int64_t below;
  double fraction;
};

PercentileRank percentile_rank(double p, std::int64_t n) {
  const double h = p / 100.0 * static_cast<double>(n - 1);
  const auto below = static_cast<std::int64_t>(std::floor(h));
  return below + 1 < n ? PercentileRank{below, h - static_cast<double>(below)} : PercentileRank{n - 1, 0.0};
}

// Lower limit of normal of the total-lymphocyte output; NaN when the model has none.
double total_lymphocyte_lln(std::span<const OutputQuantity> outputs) {
  const std::size_t q = find_role(outputs, QuantityRole::kTotalLymphocytes);
  return q < outputs.size() ? outputs[q].lln_cells_per_ul : kNaN;
}

}  // namespace

double histogram_order_statistic(std::span<const std::uint32_t> counts, std::int64_t n, std::int64_t rank) {
  if (rank < 0 || rank >= n) return kNaN;
  std::int64_t seen = 0;
  for (std::size_t b = 0; b < counts.size(); ++b) {
    if (seen + counts[b] > rank) return LogBins::within(b, rank_fraction(rank - seen, counts[b]));
    seen += counts[b];
  }
  return LogBins::centre(counts.size() - 1);
}

double histogram_percentile(std::span<const std::uint32_t> counts, std::int64_t n, double p) {
  if (n <= 0) return kNaN;
  const PercentileRank r = percentile_rank(p, n);
  const double low = histogram_order_statistic(counts, n, r.below);
  return r.fraction > 0.0 ? low + r.fraction * (histogram_order_statistic(counts, n, r.below + 1) - low) : low;
}

void RunningMoments::add(double value) {
  ++count_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (value - mean_);
}

double RunningMoments::standard_error() const {
  if (count_ < 2) return kNaN;
  const auto n = static_cast<double>(count_);
  return std::sqrt(m2_ / (n - 1.0) / n);
}

StreamingDistribution::StreamingDistribution() : counts_(LogBins::count(), 0) {}

void StreamingDistribution::add(double value) {
  if (std::isnan(value)) {
    ++nan_count_;
    return;
  }
  min_ = count_ == 0 ? value : std::min(min_, value);
  max_ = count_ == 0 ? value : std::max(max_, value);
  ++count_;
  sum_ += value;
  moments_.add(value);
  ++counts_[LogBins::index_of(value)];
}

double StreamingDistribution::mean() const { return count_ > 0 ? sum_ / static_cast<double>(count_) : kNaN; }

double StreamingDistribution::percentile(double p) const {
  if (count_ == 0) return kNaN;
  return std::clamp(histogram_percentile(counts_, count_, p), min_, max_);
}

Interval StreamingDistribution::percentile_interval(double p) const {
  if (count_ == 0) return {kNaN, kNaN};
  const auto n = static_cast<double>(count_);
  const double q = p / 100.0;
  const double half = kNormalQuantile975 * std::sqrt(n * q * (1.0 - q));
  // 1-based ranks rounded outwards, as 0-based ranks.
  const auto lower = static_cast<std::int64_t>(std::clamp(std::floor(n * q - half), 1.0, n)) - 1;
  const auto upper = static_cast<std::int64_t>(std::clamp(std::ceil(n * q + half), 1.0, n)) - 1;
  return {std::clamp(histogram_order_statistic(counts_, count_, lower), min_, max_),
          std::clamp(histogram_order_statistic(counts_, count_, upper), min_, max_)};
}

void require_summary_memory(std::size_t quantities, std::size_t times) {
  const double counts = static_cast<double>(quantities) * static_cast<double>(times) * static_cast<double>(LogBins::count());
  require_memory(counts * sizeof(std::uint32_t),
                 "the percentile bands of " + std::to_string(quantities) + " outputs at " + std::to_string(times) +
                     " output times",
                 "use a larger output.step_day or a shorter horizon_day");
}

namespace {

// The number of histogram counts of `quantities` x `times`, once they are known to fit the memory budget.
std::size_t checked_count_size(std::size_t quantities, std::size_t times) {
  require_summary_memory(quantities, times);
  return quantities * times * LogBins::count();
}

}  // namespace

SeriesPercentiles::SeriesPercentiles(std::size_t quantities, std::size_t times)
    : quantities_(quantities), times_(times), bins_(LogBins::count()), counts_(checked_count_size(quantities, times), 0) {}

void SeriesPercentiles::add(std::span<const PatientOutcome> batch, int threads) {
  // The fold reads each patient's bin indices (PopulationRunOptions::bin_series, computed by the
  // worker threads while the series were in cache), or bins the series here for callers that did
  // not ask for them.
  std::vector<std::vector<std::uint16_t>> binned_here;  // (moving a vector keeps its buffer)
  std::vector<const std::uint16_t*> rows;  // [patient]: bins of that patient, [quantity * times + time]
  for (const PatientOutcome& p : batch) {
    if (!p.ok) continue;
    if (p.series_bins.size() == quantities_ * times_) {
      rows.push_back(p.series_bins.data());
      continue;
    }
    bin_series(p.result.series, binned_here.emplace_back());
    if (binned_here.back().size() != quantities_ * times_) {
      throw std::invalid_argument("SeriesPercentiles: a patient's series do not match the quantities and output times");
    }
    rows.push_back(binned_here.back().data());
  }
  // Times are folded in blocks of one cache line of indices, each patient's block read once.
  // Counters are laid out [quantity][bin][time], so a patient's values at neighbouring times, which
  // mostly share a bin, increment neighbouring counters. The lines of one block are in as many
  // places as there are patients: they are prefetched a few patients ahead.
  constexpr std::size_t kTimeBlock = 64 / sizeof(std::uint16_t);
  constexpr std::size_t kPrefetchPatients = 8;
  const std::size_t n_patients = rows.size();
  const auto n_blocks = static_cast<std::int64_t>((times_ + kTimeBlock - 1) / kTimeBlock);
  // Each thread owns a range of time blocks, so no two threads touch the same counter and the
  // result does not depend on the thread count.
#pragma omp parallel for schedule(static) num_threads(std::max(threads, 1))
  for (std::int64_t b = 0; b < n_blocks; ++b) {
    const std::size_t first = static_cast<std::size_t>(b) * kTimeBlock;
    const std::size_t width = std::min(kTimeBlock, times_ - first);
    for (std::size_t q = 0; q < quantities_; ++q) {
      std::uint32_t* counts = &counts_[q * bins_ * times_ + first];
      const std::size_t offset = q * times_ + first;
      for (std::size_t i = 0; i < n_patients; ++i) {
        if (i + kPrefetchPatients < n_patients) __builtin_prefetch(rows[i + kPrefetchPatients] + offset);
        const std::uint16_t* bins = rows[i] + offset;
        for (std::size_t j = 0; j < width; ++j) ++counts[std::size_t{bins[j]} * times_ + j];
      }
    }
  }
  patients_ += static_cast<std::int64_t>(n_patients);
}

std::vector<double> SeriesPercentiles::percentile(std::size_t q, double p) const {
  if (patients_ <= 0) return std::vector<double>(times_, kNaN);
  const PercentileRank r = percentile_rank(p, patients_);
  std::vector<double> out = values_at_rank(q, r.below);
  if (r.fraction > 0.0) {
    const std::vector<double> above = values_at_rank(q, r.below + 1);
    for (std::size_t t = 0; t < times_; ++t) out[t] += r.fraction * (above[t] - out[t]);
  }
  return out;
}

std::vector<double> SeriesPercentiles::values_at_rank(std::size_t q, std::int64_t rank) const {
  // The order statistic `rank` at every time, found in one sweep over the bins.
  std::vector<double> out(times_, kNaN);
  std::vector<std::int64_t> seen(times_, 0);
  std::size_t open = times_;
  for (std::size_t bin = 0; bin < bins_ && open > 0; ++bin) {
    const std::uint32_t* counts = &counts_[(q * bins_ + bin) * times_];
    for (std::size_t t = 0; t < times_; ++t) {
      if (seen[t] > rank) continue;
      if (seen[t] + counts[t] > rank) {
        out[t] = LogBins::within(bin, rank_fraction(rank - seen[t], counts[t]));
        --open;
      }
      seen[t] += counts[t];
    }
  }
  return out;
}

PopulationSummary::PopulationSummary(std::span<const OutputQuantity> outputs, std::size_t times, std::size_t courses)
    : metrics_(course_metrics(outputs)),
      lymphocyte_lln_cells_per_ul_(total_lymphocyte_lln(outputs)),
      by_course_(courses, std::vector<StreamingDistribution>(metrics_.size())),
      at_lln_(courses, std::vector<std::int64_t>(std::size(kLlnCheckMonths), 0)),
      lln_known_(courses, std::vector<std::int64_t>(std::size(kLlnCheckMonths), 0)),
      series_(outputs.size(), times),
      recovery_(outputs, courses),
      fractions_(outputs, times) {}

void PopulationSummary::add(std::span<const PatientOutcome> batch, int threads) {
  const double lln = lymphocyte_lln_cells_per_ul_;
  for (const PatientOutcome& p : batch) {
    ++patients_;
    if (!p.ok) {
      ++failed_;
      continue;
    }
    for (const CourseSummary& c : p.result.courses) {
      const auto k = static_cast<std::size_t>(c.course_index);
      for (std::size_t m = 0; m < metrics_.size(); ++m) by_course_[k][m].add(metrics_[m].value(c));
      const double totals[] = {c.lymphocytes_6_months_cells_per_ul, c.lymphocytes_12_months_cells_per_ul};
      for (std::size_t month = 0; month < std::size(totals); ++month) {
        if (std::isnan(totals[month])) continue;
        ++lln_known_[k][month];
        if (totals[month] >= lln) ++at_lln_[k][month];
      }
    }
    recovery_.add(p.result.courses);
  }
  series_.add(batch, threads);
  fractions_.add(batch);
}

Proportion PopulationSummary::proportion_at_lln(std::size_t k, std::size_t month) const {
  return wilson_interval(at_lln_.at(k).at(month), lln_known_.at(k).at(month));
}

double PopulationSummary::fraction_at_lln(std::size_t k, std::size_t month) const {
  const std::int64_t known = lln_known_.at(k).at(month);
  return known > 0 ? static_cast<double>(at_lln_[k][month]) / static_cast<double>(known) : kNaN;
}

}  // namespace alemsim
