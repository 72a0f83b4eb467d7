#include <cmath>

#include <gtest/gtest.h>

#include "gui/plot/axis.hpp"

namespace alemsim::plot {
namespace {

TEST(AxisMap, LinearMapsEndsToPixelEndsAndBack) {
  const AxisMap x({0.0, 2192.0}, Scale::kLinear, 100.0f, 1100.0f);
  EXPECT_FLOAT_EQ(x.to_pixel(0.0), 100.0f);
  EXPECT_FLOAT_EQ(x.to_pixel(2192.0), 1100.0f);
  EXPECT_FLOAT_EQ(x.to_pixel(1096.0), 600.0f);
  EXPECT_NEAR(x.to_value(600.0f), 1096.0, 1e-3);
}

TEST(AxisMap, YAxisGrowsUpwards) {
  const AxisMap y({0.0, 4000.0}, Scale::kLinear, 500.0f, 100.0f);  // bottom, top
  EXPECT_FLOAT_EQ(y.to_pixel(0.0), 500.0f);
  EXPECT_FLOAT_EQ(y.to_pixel(4000.0), 100.0f);
  EXPECT_LT(y.to_pixel(3000.0), y.to_pixel(1000.0));
}

TEST(AxisMap, LogPutsDecadesAtEqualDistances) {
  const AxisMap y({1.0, 10000.0}, Scale::kLog10, 400.0f, 0.0f);
  EXPECT_FLOAT_EQ(y.to_pixel(1.0), 400.0f);
  EXPECT_FLOAT_EQ(y.to_pixel(10.0), 300.0f);
  EXPECT_FLOAT_EQ(y.to_pixel(100.0), 200.0f);
  EXPECT_FLOAT_EQ(y.to_pixel(10000.0), 0.0f);
  EXPECT_NEAR(y.to_value(200.0f), 100.0, 1e-9);
}

TEST(AxisMap, LogSendsZeroFarBelowTheAxisNotToNaN) {
  const AxisMap y({0.1, 1000.0}, Scale::kLog10, 400.0f, 0.0f);
  const float pixel = y.to_pixel(0.0);
  EXPECT_TRUE(std::isfinite(pixel));
  EXPECT_GT(pixel, 400.0f);
  EXPECT_LE(pixel, 400.0f + 1e6f);
}

TEST(AxisMap, NaNStaysNaNSoLinesBreak) {
  const AxisMap x({0.0, 1.0}, Scale::kLinear, 0.0f, 100.0f);
  EXPECT_TRUE(std::isnan(x.to_pixel(std::nan(""))));
}

TEST(Ticks, NiceStepsAreOneTwoFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(2192.0, 8), 500.0);
  EXPECT_DOUBLE_EQ(nice_step(60.0, 6), 10.0);
  EXPECT_DOUBLE_EQ(nice_step(4000.0, 5), 1000.0);
  EXPECT_DOUBLE_EQ(nice_step(0.9, 5), 0.2);
}

TEST(Ticks, LinearTicksAreInsideTheRangeAndLabelled) {
  const auto ticks = make_ticks({-3.0, 60.0}, Scale::kLinear, 6);
  ASSERT_FALSE(ticks.empty());
  for (const Tick& t : ticks) {
    EXPECT_GE(t.value, -3.0);
    EXPECT_LE(t.value, 60.0);
    EXPECT_TRUE(t.major);
  }
  EXPECT_EQ(ticks.front().label, "0");
  EXPECT_EQ(ticks.back().label, "60");
}

TEST(Ticks, ADisplayLabelsShownUnitsAtTheDataValuesTheyStandFor) {
  // Days 365 to 1095 shown as months since day 365 (a month of 365/12 days): 0, 5, ... 20 months.
  const AxisDisplay months{365.0, 365.0 / 12.0, {}};
  const auto ticks = make_ticks({365.0, 1095.0}, Scale::kLinear, 5, months);
  ASSERT_EQ(ticks.size(), 5u);
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    EXPECT_EQ(ticks[i].label, std::to_string(5 * i));
    EXPECT_NEAR(ticks[i].value, 365.0 + 5.0 * static_cast<double>(i) * 365.0 / 12.0, 1e-9);
  }
  // Before the origin the shown values are negative.
  EXPECT_EQ(make_ticks({0.0, 730.0}, Scale::kLinear, 2, {365.0, 365.0, {}}).front().label, "-1");
  EXPECT_DOUBLE_EQ(months.value(months.shown(500.0)), 500.0);
  // Preferred steps: months in sixes, not fives.
  AxisDisplay twelfths = months;
  twelfths.steps = {1, 2, 3, 6, 12, 24};
  const auto by_six = make_ticks({365.0, 1095.0}, Scale::kLinear, 5, twelfths);
  ASSERT_EQ(by_six.size(), 5u);
  EXPECT_EQ(by_six[1].label, "6");
  EXPECT_EQ(by_six[4].label, "24");
}

TEST(Ticks, LogTicksLabelDecadesAndMarkMinorSteps) {
  const auto ticks = make_ticks({0.5, 5000.0}, Scale::kLog10, 6);
  std::vector<std::string> labels;
  int minor = 0;
  for (const Tick& t : ticks) {
    if (t.major) labels.push_back(t.label);
    minor += t.major ? 0 : 1;
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "10", "100", "1000"}));
  EXPECT_GT(minor, 20);
}

TEST(Ticks, LogAxisInsideOneDecadeStillGetsLabels) {
  const auto ticks = make_ticks({200.0, 900.0}, Scale::kLog10, 5);
  EXPECT_GE(ticks.size(), 2u);
  for (const Tick& t : ticks) EXPECT_FALSE(t.label.empty());
}

TEST(Ticks, LabelsHaveTheDecimalsTheStepNeeds) {
  EXPECT_EQ(format_tick(1500.0, 500.0), "1500");
  EXPECT_EQ(format_tick(0.4, 0.2), "0.4");
  EXPECT_EQ(format_tick(0.05, 0.05), "0.05");
  EXPECT_EQ(format_tick(-1e-17, 0.5), "0.0");
}

TEST(Zoom, KeepsTheAnchorAtItsPixel) {
  const Range r{0.0, 1000.0};
  const Range z = zoom(r, Scale::kLinear, 250.0, 0.5);
  EXPECT_DOUBLE_EQ(z.min, 125.0);
  EXPECT_DOUBLE_EQ(z.max, 625.0);
  const AxisMap before(r, Scale::kLinear, 0.0f, 800.0f);
  const AxisMap after(z, Scale::kLinear, 0.0f, 800.0f);
  EXPECT_FLOAT_EQ(before.to_pixel(250.0), after.to_pixel(250.0));
}

TEST(Zoom, LogZoomWorksInDecades) {
  const Range z = zoom({1.0, 10000.0}, Scale::kLog10, 100.0, 0.5);
  EXPECT_NEAR(z.min, 10.0, 1e-9);
  EXPECT_NEAR(z.max, 1000.0, 1e-9);
}

TEST(Pan, MovesByTheDraggedFractionOfTheAxis) {
  const Range p = pan({0.0, 100.0}, Scale::kLinear, 200.0, 800.0);
  EXPECT_DOUBLE_EQ(p.min, 25.0);
  EXPECT_DOUBLE_EQ(p.max, 125.0);
}

TEST(Fit, LinearStartsAtZeroForNonNegativeData) {
  const Range r = fit_range(12.0, 3000.0, Scale::kLinear);
  EXPECT_EQ(r.min, 0.0);
  EXPECT_GT(r.max, 3000.0);
  EXPECT_LT(r.max, 3300.0);
}

TEST(Fit, LogSpansAtMostTheGivenDecades) {
  const Range r = fit_range(1e-20, 3000.0, Scale::kLog10, 5.0);
  EXPECT_NEAR(std::log10(r.max / r.min), 5.0, 1e-9);
  EXPECT_GT(r.max, 3000.0);
}

TEST(Fit, EmptyOrFlatDataGivesAUsableRange) {
  EXPECT_GT(fit_range(INFINITY, -INFINITY, Scale::kLinear).max, 0.0);
  const Range flat = fit_range(5.0, 5.0, Scale::kLinear);
  EXPECT_GT(flat.max, flat.min);
  const Range log_nothing = fit_range(0.0, 0.0, Scale::kLog10);
  EXPECT_GT(log_nothing.min, 0.0);
  EXPECT_GT(log_nothing.max, log_nothing.min);
}

}  // namespace
}  // namespace alemsim::plot
