#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "gui/plot/band_geometry.hpp"
#include "gui/plot/decimate.hpp"

namespace alemsim::plot {
namespace {

std::vector<double> iota(std::size_t n, double step = 1.0) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i) * step;
  return v;
}

TEST(DecimateLine, ShortSeriesPassesUnchanged) {
  const auto x = iota(50);
  std::vector<double> y(50);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = std::sin(x[i]);
  const LineSamples s = decimate_line(x, y, {0.0, 49.0}, Scale::kLinear, 800);
  EXPECT_EQ(s.x, x);
  EXPECT_EQ(s.y, y);
}

TEST(DecimateLine, LongSeriesGetsAtMostTwoSamplesPerPixel) {
  const auto x = iota(100000, 0.01);
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = std::sin(x[i] * 7.0);
  const int columns = 400;
  const LineSamples s = decimate_line(x, y, {0.0, x.back()}, Scale::kLinear, columns);
  EXPECT_LE(s.x.size(), 2u * (columns + 2));
  EXPECT_GE(s.x.size(), static_cast<std::size_t>(columns));
  EXPECT_TRUE(std::is_sorted(s.x.begin(), s.x.end()));
}

TEST(DecimateLine, KeepsTheExactPeak) {
  // A Cmax is one grid point among thousands; decimation must not shave it.
  auto x = iota(20000, 0.1);
  std::vector<double> y(x.size(), 1.0);
  y[12345] = 3107.0;
  const LineSamples s = decimate_line(x, y, {0.0, x.back()}, Scale::kLinear, 300);
  EXPECT_EQ(*std::max_element(s.y.begin(), s.y.end()), 3107.0);
}

TEST(DecimateLine, OnlyTheViewAndOneNeighbourEachSide) {
  const auto x = iota(1000);
  const auto y = iota(1000);
  const LineSamples s = decimate_line(x, y, {100.0, 200.0}, Scale::kLinear, 800);
  ASSERT_FALSE(s.x.empty());
  EXPECT_EQ(s.x.front(), 99.0);
  EXPECT_EQ(s.x.back(), 201.0);
  EXPECT_EQ(s.x.size(), 103u);
}

TEST(DecimateLine, DropsNonFinitePoints) {
  const std::vector<double> x{0, 1, 2, 3};
  const std::vector<double> y{1, NAN, 3, INFINITY};
  const LineSamples s = decimate_line(x, y, {0.0, 3.0}, Scale::kLinear, 100);
  EXPECT_EQ(s.x, (std::vector<double>{0, 2}));
}

TEST(DecimateBand, EnclosesTheOriginalBand) {
  const auto x = iota(50000, 0.05);
  std::vector<double> lo(x.size()), hi(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    lo[i] = std::sin(x[i]) - 1.0;
    hi[i] = std::sin(x[i]) + 1.0 + (i == 30000 ? 5.0 : 0.0);
  }
  const int columns = 500;
  const BandSamples s = decimate_band(x, lo, hi, {0.0, x.back()}, Scale::kLinear, columns);
  EXPECT_LE(s.x.size(), 2u * (columns + 2));
  EXPECT_EQ(*std::max_element(s.hi.begin(), s.hi.end()), *std::max_element(hi.begin(), hi.end()));
  EXPECT_EQ(*std::min_element(s.lo.begin(), s.lo.end()), *std::min_element(lo.begin(), lo.end()));
  for (std::size_t i = 0; i < s.x.size(); ++i) EXPECT_LE(s.lo[i], s.hi[i]);
}

TEST(BandGeometry, OneQuadPerSegmentBetweenTheCurves) {
  const std::vector<float> x{0, 10, 20, 30};
  const std::vector<float> lo{100, 90, 95, 80};
  const std::vector<float> hi{50, 40, 60, 20};
  const auto quads = band_quads(x, lo, hi);
  ASSERT_EQ(quads.size(), 3u);
  const Quad& q = quads[1];
  EXPECT_EQ(q.corner[0].x, 10.0f);  // upper left
  EXPECT_EQ(q.corner[0].y, 40.0f);
  EXPECT_EQ(q.corner[1].x, 20.0f);  // upper right
  EXPECT_EQ(q.corner[1].y, 60.0f);
  EXPECT_EQ(q.corner[2].y, 95.0f);  // lower right
  EXPECT_EQ(q.corner[3].y, 90.0f);  // lower left
  // Adjacent quads share their edge exactly: no gap, no overlap.
  EXPECT_EQ(quads[0].corner[1].x, quads[1].corner[0].x);
  EXPECT_EQ(quads[0].corner[1].y, quads[1].corner[0].y);
  EXPECT_EQ(quads[0].corner[2].y, quads[1].corner[3].y);
}

TEST(BandGeometry, SkipsSegmentsTouchingNaN) {
  const std::vector<float> x{0, 1, 2, 3, 4};
  const std::vector<float> lo{0, 0, NAN, 0, 0};
  const std::vector<float> hi{1, 1, 1, 1, 1};
  EXPECT_EQ(band_quads(x, lo, hi).size(), 2u);
  EXPECT_TRUE(band_quads(std::vector<float>{1}, std::vector<float>{1}, std::vector<float>{2}).empty());
}

}  // namespace
}  // namespace alemsim::plot
