#include <cmath>

#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"
#include "sim/population.hpp"
#include "sim/statistics.hpp"

namespace alemsim {
namespace {

TEST(Population, PatientDrawsDependOnlyOnSeedAndIndex) {
  const ModelParams typical = typical_params();
  const ModelParams a = sample_patient(typical, variability_table(), 7, 42);
  const ModelParams b = sample_patient(typical, variability_table(), 7, 42);
  const ModelParams c = sample_patient(typical, variability_table(), 8, 42);
  EXPECT_EQ(a.central_volume_l, b.central_volume_l);
  EXPECT_NE(a.central_volume_l, c.central_volume_l);
  // Parameters without variability keep the typical value.
  EXPECT_EQ(a.target_km_ng_per_ml, typical.target_km_ng_per_ml);
}

TEST(Population, LogNormalDrawsHaveTheTabledCv) {
  const ModelParams typical = typical_params();
  const VariabilityInfo table[] = {{"linear_clearance_l_per_day", 0.30, "test"}};
  std::vector<double> log_ratio;
  for (int i = 0; i < 20000; ++i) {
    log_ratio.push_back(std::log(sample_patient(typical, table, 1, i).linear_clearance_l_per_day /
                                 typical.linear_clearance_l_per_day));
  }
  double mean = 0.0, sq = 0.0;
  for (double v : log_ratio) mean += v / static_cast<double>(log_ratio.size());
  for (double v : log_ratio) sq += (v - mean) * (v - mean) / static_cast<double>(log_ratio.size() - 1);
  // omega^2 = ln(1 + CV^2); with 20000 draws its sampling error is about 1%.
  EXPECT_NEAR(sq, std::log1p(0.09), 0.05 * std::log1p(0.09));
  EXPECT_NEAR(mean, 0.0, 0.01);
}

TEST(Population, ResultsAreBitIdenticalForAnyThreadCount) {
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(400.0, 1.0, infusions, course_summary_times(infusions));
  const auto one = simulate_population(typical_params(), variability_table(), 3, 64, infusions, grid, {}, 1);
  const auto two = simulate_population(typical_params(), variability_table(), 3, 64, infusions, grid, {}, 2);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t p = 0; p < one.size(); ++p) {
    ASSERT_TRUE(one[p].ok && two[p].ok);
    EXPECT_EQ(one[p].result.series, two[p].result.series) << "patient " << p;
  }
}

TEST(Population, AFailingPatientIsFlaggedAndTheRunGoesOn) {
  const auto infusions = expand_regimen({Course{0.0, 1, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(30.0, 10.0, infusions);
  SolverOptions starved;
  starved.max_steps_between_outputs = 3;  // too few for anyone
  const auto patients = simulate_population(typical_params(), variability_table(), 1, 4, infusions, grid, starved);
  ASSERT_EQ(patients.size(), 4u);
  for (const PopulationPatient& p : patients) {
    EXPECT_FALSE(p.ok);
    EXPECT_NE(p.error.find("solver failed at t ="), std::string::npos) << p.error;
  }
}

TEST(Population, RejectsEmptyPopulationAndUnknownParameter) {
  const auto infusions = expand_regimen({Course{0.0, 1, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(10.0, 1.0, infusions);
  EXPECT_THROW(simulate_population(typical_params(), variability_table(), 1, 0, infusions, grid), std::invalid_argument);
  const VariabilityInfo bad[] = {{"no_such_parameter", 0.3, "test"}};
  EXPECT_THROW(sample_patient(typical_params(), bad, 1, 0), std::invalid_argument);
}

TEST(Statistics, PercentilesInterpolateLikeRAndNumPy) {
  EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4, 5}, 50.0), 3.0);
  EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4}, 25.0), 1.75);  // numpy.percentile([1,2,3,4], 25)
  const Spread s = spread({1.0, std::nan(""), 3.0});
  EXPECT_EQ(s.count, 2);
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
}

}  // namespace
}  // namespace alemsim
