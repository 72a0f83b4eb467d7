#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "sim/statistics.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {
namespace {

TEST(LogBins, BinsAreOrderedAndCentresInsideTheirBins) {
  EXPECT_EQ(LogBins::index_of(0.0), 0u);
  EXPECT_EQ(LogBins::index_of(-5.0), 0u);
  EXPECT_EQ(LogBins::index_of(LogBins::kFloor * 0.99), 0u);
  std::size_t previous = 0;
  for (double v = LogBins::kFloor; v < LogBins::kCeiling; v *= 1.0013) {
    const std::size_t i = LogBins::index_of(v);
    EXPECT_GE(i, previous);
    previous = i;
    EXPECT_NEAR(LogBins::centre(i) / v, 1.0, 0.0101) << v;  // within half a bin ratio
  }
  EXPECT_EQ(LogBins::index_of(1e12), LogBins::count() - 1);
  // Exact powers of two open a new doubling.
  EXPECT_EQ(LogBins::index_of(1.0), 1u + static_cast<std::size_t>(10 * LogBins::kBinsPerOctave));
}

TEST(StreamingDistribution, PercentilesWithinOnePercentOfExact) {
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> draw(std::log(300.0), 0.8);
  std::vector<double> values;
  StreamingDistribution d;
  for (int i = 0; i < 20000; ++i) {
    values.push_back(draw(rng));
    d.add(values.back());
  }
  d.add(std::nan(""));
  EXPECT_EQ(d.count(), 20000);
  EXPECT_EQ(d.nan_count(), 1);
  double mean = 0.0;
  for (double v : values) mean += v / static_cast<double>(values.size());
  EXPECT_NEAR(d.mean(), mean, 1e-9 * mean);
  for (double p : {5.0, 25.0, 50.0, 75.0, 95.0}) {
    const double exact = percentile(values, p);
    EXPECT_NEAR(d.percentile(p) / exact, 1.0, 0.0101) << "p" << p;
  }
}

TEST(StreamingDistribution, PercentilesMoveWithinABin) {
  // 1000 values spread evenly on the log scale through one bin: the reported percentiles follow the
  // exact ones inside the bin instead of all reading its centre.
  const std::size_t bin = LogBins::index_of(100.0);
  std::vector<double> values;
  StreamingDistribution d;
  for (int i = 0; i < 1000; ++i) {
    values.push_back(LogBins::within(bin, 0.01 + 0.98 * i / 999.0));
    d.add(values.back());
  }
  ASSERT_EQ(LogBins::index_of(values.front()), bin);
  ASSERT_EQ(LogBins::index_of(values.back()), bin);
  double previous = 0.0;
  for (double p : {5.0, 25.0, 50.0, 75.0, 95.0}) {
    const double reported = d.percentile(p);
    EXPECT_GT(reported, previous) << "p" << p;
    previous = reported;
    EXPECT_NEAR(reported / percentile(values, p), 1.0, 2e-4) << "p" << p;  // a 50th of a bin
  }
}

TEST(StreamingDistribution, FewValuesInterpolateBetweenOrderStatisticsAsNumPy) {
  // numpy.percentile([510.6, 50.4, 137.0], 95) = 137.0 + 0.9 * (510.6 - 137.0) = 473.24; reading the
  // order statistic below (137) put the 95th percentile under the mean.
  const std::vector<double> values{510.6, 50.4, 137.0};
  StreamingDistribution d;
  for (double v : values) d.add(v);
  for (double p : {5.0, 50.0, 95.0}) EXPECT_NEAR(d.percentile(p) / percentile(values, p), 1.0, 0.0101) << "p" << p;
  EXPECT_GT(d.percentile(95.0), d.mean());
}

TEST(StreamingDistribution, EqualValuesReportThatValue) {
  StreamingDistribution d;
  for (int i = 0; i < 10; ++i) d.add(4.17);
  EXPECT_EQ(d.percentile(5.0), 4.17);
  EXPECT_EQ(d.percentile(95.0), 4.17);
}

TEST(StreamingDistribution, SmallValuesReadAsZeroAndEmptyIsNaN) {
  StreamingDistribution d;
  EXPECT_TRUE(std::isnan(d.percentile(50.0)));
  EXPECT_TRUE(std::isnan(d.mean()));
  d.add(1e-9);
  d.add(2e-9);
  EXPECT_EQ(d.percentile(50.0), 1e-9) << "the zero bin, clamped to the smallest value";
}

PatientOutcome outcome(std::int64_t index, std::vector<std::vector<double>> series) {
  PatientOutcome p;
  p.index = index;
  p.result.series = std::move(series);
  return p;
}

TEST(SeriesPercentiles, MatchesExactPercentilesAtEveryTimeAndIgnoresFailedPatients) {
  std::vector<PatientOutcome> batch;
  for (int i = 0; i < 101; ++i) batch.push_back(outcome(i, {{1.0 + i, 10.0 * (1.0 + i)}}));
  PatientOutcome failed = outcome(101, {{1e6, 1e6}});
  failed.ok = false;
  batch.push_back(failed);
  SeriesPercentiles one(1, 2), two(1, 2);
  one.add(batch, 1);
  two.add(std::span(batch).first(50), 2);
  two.add(std::span(batch).subspan(50), 2);
  EXPECT_EQ(one.patients(), 101);
  for (double p : {5.0, 50.0, 95.0}) {
    EXPECT_EQ(one.percentile(0, p), two.percentile(0, p)) << "batching and threads must not matter";
    const auto row = one.percentile(0, p);
    EXPECT_NEAR(row[0] / (1.0 + p), 1.0, 0.0101);  // values 1..101: percentile p is 1 + p
    EXPECT_NEAR(row[1] / (10.0 * (1.0 + p)), 1.0, 0.0101);
  }
}

}  // namespace
}  // namespace alemsim

namespace alemsim {
namespace {

TEST(RunningMoments, StandardErrorOfTheMeanAsTheTextbookFormula) {
  RunningMoments m;
  const double values[] = {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0};  // mean 5, sample variance 32/7
  for (double v : values) m.add(v);
  EXPECT_EQ(m.count(), 8);
  EXPECT_NEAR(m.standard_error(), std::sqrt(32.0 / 7.0 / 8.0), 1e-15);
  RunningMoments one;
  one.add(3.0);
  EXPECT_TRUE(std::isnan(one.standard_error()));
  // Far from zero, where a sum of squares would cancel: 1e9 + {2, 4, ...}.
  RunningMoments shifted;
  for (double v : values) shifted.add(1e9 + v);
  EXPECT_NEAR(shifted.standard_error(), std::sqrt(32.0 / 7.0 / 8.0), 1e-6);
}

TEST(StreamingDistribution, MedianIntervalIsTheOrderStatisticsAtTheBinomialRanks) {
  StreamingDistribution d;
  for (int i = 1; i <= 1000; ++i) d.add(static_cast<double>(i));
  // n q = 500, 1.96 sqrt(250) = 30.99: ranks 469 and 531, read within the ±1.01% of their bins.
  const Interval i = d.percentile_interval(50.0);
  EXPECT_NEAR(i.lower / 469.0, 1.0, 0.0101);
  EXPECT_NEAR(i.upper / 531.0, 1.0, 0.0101);
  EXPECT_NEAR(d.mean_standard_error(), std::sqrt(1000.0 * 1001.0 / 12.0 / 1000.0), 1e-9);  // sd of 1..n: sqrt(n(n+1)/12)
  EXPECT_TRUE(std::isnan(StreamingDistribution().percentile_interval(50.0).lower));
}

TEST(StreamingDistribution, MedianIntervalCoversTheTrueMedianAboutNineteenTimesInTwenty) {
  // 1,000 samples of 200 log-normal values (median 300): the 95% interval should miss about 50 times.
  std::mt19937_64 rng(11);
  std::lognormal_distribution<double> draw(std::log(300.0), 0.8);
  int covered = 0;
  for (int sample = 0; sample < 1000; ++sample) {
    StreamingDistribution d;
    for (int i = 0; i < 200; ++i) d.add(draw(rng));
    const Interval i = d.percentile_interval(50.0);
    covered += i.lower <= 300.0 && 300.0 <= i.upper;
  }
  // Binomial(1000, 0.95) lies in 935..965 with probability > 0.99; order-statistic intervals are
  // slightly conservative (rounded outwards), so the upper bound is left loose.
  EXPECT_GE(covered, 935);
  EXPECT_LE(covered, 975);
}

}  // namespace
}  // namespace alemsim
