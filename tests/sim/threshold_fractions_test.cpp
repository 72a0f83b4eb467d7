#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "sim/patient.hpp"
#include "sim/threshold_fractions.hpp"

namespace alemsim {
namespace {

TEST(WilsonInterval, MatchesRPropTestWithoutContinuityCorrection) {
  // R: prop.test(k, n, correct = FALSE)$conf.int
  const Proportion half = wilson_interval(5, 10);
  EXPECT_EQ(half.estimate, 0.5);
  EXPECT_NEAR(half.lower_95, 0.2365930905, 1e-9);
  EXPECT_NEAR(half.upper_95, 0.7634069095, 1e-9);
  const Proportion none = wilson_interval(0, 10);
  EXPECT_EQ(none.lower_95, 0.0);
  EXPECT_NEAR(none.upper_95, 0.2775327999, 1e-9);
  const Proportion some = wilson_interval(97, 1000);
  EXPECT_NEAR(some.lower_95, 0.08016916179, 1e-9);
  EXPECT_NEAR(some.upper_95, 0.11691520555, 1e-9);
  EXPECT_EQ(wilson_interval(10, 10).upper_95, 1.0);
  EXPECT_TRUE(std::isnan(wilson_interval(0, 0).estimate));
  EXPECT_THROW(wilson_interval(11, 10), std::invalid_argument);
}

TEST(ThresholdFractions, CountsPatientsStrictlyBelowAtEachTimeAndLeavesFailedOut) {
  const auto outputs = patient_outputs();
  ThresholdFractions f(outputs, 3);
  ASSERT_FALSE(f.thresholds().empty());
  const CountThreshold& cd4 = f.thresholds().front();
  EXPECT_EQ(cd4.name, "cd4_below_200");
  EXPECT_EQ(cd4.cells_per_ul, 200.0);
  const auto patient = [&](double a, double b, double c, bool ok) {
    PatientOutcome p;
    p.ok = ok;
    p.result.series.assign(outputs.size(), std::vector<double>(3, 1e4));
    p.result.series[cd4.output] = {a, b, c};
    return p;
  };
  const std::vector<PatientOutcome> batch{patient(150, 200, 250, true), patient(100, 199.9, 300, true),
                                          patient(0, 0, 0, false)};
  f.add(batch);
  EXPECT_EQ(f.patients(), 2);
  EXPECT_EQ(f.below(0, 0).estimate, 1.0);
  EXPECT_EQ(f.below(0, 1).estimate, 0.5);  // 200 is not below 200
  EXPECT_EQ(f.below(0, 2).estimate, 0.0);
  EXPECT_THROW((void)f.below(0, 3), std::out_of_range);
}

}  // namespace
}  // namespace alemsim
