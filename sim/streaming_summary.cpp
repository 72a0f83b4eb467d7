#include "sim/streaming_summary.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

#include "models/reference_ranges.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr int kMantissaTableBits = 12;

// Bin edges within one doubling: 2^(j/35), j = 0..35.
struct OctaveTable {
  std::array<double, LogBins::kBinsPerOctave + 1> edges{};
  // For each of the 4096 slices of [1, 2) by leading mantissa bits: the bin its start falls in. A
  // slice is narrower than a bin, so a value is in that bin or the next one (one comparison decides).
  std::array<std::uint8_t, 1u << kMantissaTableBits> first_bin{};
  OctaveTable() {
    for (int j = 0; j <= LogBins::kBinsPerOctave; ++j) edges[j] = std::exp2(static_cast<double>(j) / LogBins::kBinsPerOctave);
    int bin = 0;
    for (std::size_t k = 0; k < first_bin.size(); ++k) {
      const double start = 1.0 + static_cast<double>(k) / static_cast<double>(first_bin.size());
      while (bin + 1 < LogBins::kBinsPerOctave && start >= edges[bin + 1]) ++bin;
      first_bin[k] = static_cast<std::uint8_t>(bin);
    }
  }
};
const OctaveTable kOctave;

double lymphocyte_lln() {
  for (const LowerLimitOfNormal& lln : kLowerLimitsOfNormal) {
    if (lln.column == "lymphocytes_cells_per_ul") return lln.cells_per_ul;
  }
  return kNaN;
}

}  // namespace

std::size_t LogBins::index_of(double value) {
  if (!(value >= kFloor)) return 0;
  if (value >= kCeiling) return count() - 1;
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  constexpr std::uint64_t kMantissa = (std::uint64_t{1} << 52) - 1;
  const double mantissa = std::bit_cast<double>((bits & kMantissa) | std::bit_cast<std::uint64_t>(1.0));  // in [1, 2)
  int bin = kOctave.first_bin[(bits & kMantissa) >> (52 - kMantissaTableBits)];
  if (bin + 1 < kBinsPerOctave && mantissa >= kOctave.edges[static_cast<std::size_t>(bin + 1)]) ++bin;
  return 1 + static_cast<std::size_t>((exponent - kMinExponent) * kBinsPerOctave + bin);
}

double LogBins::centre(std::size_t index) {
  if (index == 0) return 0.0;
  return kFloor * std::exp2((static_cast<double>(index - 1) + 0.5) / kBinsPerOctave);
}

double histogram_percentile(std::span<const std::uint32_t> counts, std::int64_t n, double p) {
  if (n <= 0) return kNaN;
  // 0-based rank of the order statistic nearest below p/100 * (n - 1).
  const auto rank = static_cast<std::int64_t>(std::floor(p / 100.0 * static_cast<double>(n - 1)));
  std::int64_t seen = 0;
  for (std::size_t b = 0; b < counts.size(); ++b) {
    seen += counts[b];
    if (seen > rank) return LogBins::centre(b);
  }
  return LogBins::centre(counts.size() - 1);
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
  ++counts_[LogBins::index_of(value)];
}

double StreamingDistribution::mean() const { return count_ > 0 ? sum_ / static_cast<double>(count_) : kNaN; }

double StreamingDistribution::percentile(double p) const {
  if (count_ == 0) return kNaN;
  return std::clamp(histogram_percentile(counts_, count_, p), min_, max_);
}

SeriesPercentiles::SeriesPercentiles(std::size_t quantities, std::size_t times)
    : quantities_(quantities), times_(times), bins_(LogBins::count()), counts_(quantities * times * bins_, 0) {}

void SeriesPercentiles::add(std::span<const PatientOutcome> batch, int threads) {
  const auto n_times = static_cast<std::int64_t>(times_);
  // Each thread owns a range of time indices, so no two threads touch the same counter and the
  // result does not depend on the thread count.
#pragma omp parallel for schedule(static) num_threads(std::max(threads, 1))
  for (std::int64_t t = 0; t < n_times; ++t) {
    // One histogram at a time, so its counters stay in cache while the batch is folded in.
    for (std::size_t q = 0; q < quantities_; ++q) {
      std::uint32_t* histogram = &counts_[(q * times_ + static_cast<std::size_t>(t)) * bins_];
      for (const PatientOutcome& p : batch) {
        if (!p.ok) continue;
        const double v = p.result.series[q][static_cast<std::size_t>(t)];
        ++histogram[LogBins::index_of(std::isnan(v) ? 0.0 : v)];
      }
    }
  }
  for (const PatientOutcome& p : batch) patients_ += p.ok ? 1 : 0;
}

std::vector<double> SeriesPercentiles::percentile(std::size_t q, double p) const {
  std::vector<double> out(times_);
  for (std::size_t t = 0; t < times_; ++t) {
    const std::span<const std::uint32_t> counts(&counts_[(q * times_ + t) * bins_], bins_);
    out[t] = histogram_percentile(counts, patients_, p);
  }
  return out;
}

PopulationSummary::PopulationSummary(std::span<const OutputQuantity> outputs, std::size_t times, std::size_t courses)
    : metrics_(course_metrics(outputs)),
      by_course_(courses, std::vector<StreamingDistribution>(metrics_.size())),
      at_lln_(courses, std::vector<std::int64_t>(std::size(kLlnCheckMonths), 0)),
      lln_known_(courses, std::vector<std::int64_t>(std::size(kLlnCheckMonths), 0)),
      series_(outputs.size(), times) {}

void PopulationSummary::add(std::span<const PatientOutcome> batch, int threads) {
  const double lln = lymphocyte_lln();
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
  }
  series_.add(batch, threads);
}

double PopulationSummary::fraction_at_lln(std::size_t k, std::size_t month) const {
  const std::int64_t known = lln_known_.at(k).at(month);
  return known > 0 ? static_cast<double>(at_lln_[k][month]) / static_cast<double>(known) : kNaN;
}

}  // namespace alemsim
