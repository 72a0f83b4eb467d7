#include <cmath>

#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "sim/plan.hpp"
#include "sim/population.hpp"
#include "sim/statistics.hpp"

namespace alemsim {
namespace {

PopulationRunOptions options(std::uint64_t seed, std::int64_t patients, int threads = 0) {
  PopulationRunOptions o;
  o.seed = seed;
  o.patients = patients;
  o.threads = threads;
  return o;
}

TEST(Population, PatientDrawsDependOnlyOnSeedAndIndex) {
  const PatientSampler sampler(typical_params(), default_variability());
  const SampledPatient a = sampler.sample(7, 42), b = sampler.sample(7, 42), c = sampler.sample(8, 42);
  EXPECT_EQ(a.params.central_volume_l, b.params.central_volume_l);
  EXPECT_EQ(a.covariates.age_years, b.covariates.age_years);
  EXPECT_NE(a.params.central_volume_l, c.params.central_volume_l);
  // Parameters without variability keep the typical value.
  EXPECT_EQ(a.params.target_km_ng_per_ml, typical_params().target_km_ng_per_ml);
}

TEST(Population, NoVariabilityGivesTheTypicalPatient) {
  const PatientSampler sampler(typical_params(), no_variability());
  const SampledPatient s = sampler.sample(1, 5);
  EXPECT_EQ(s.params.central_volume_l, typical_params().central_volume_l);
  EXPECT_EQ(s.params.cd4_baseline_cells_per_ul, typical_params().cd4_baseline_cells_per_ul);
}

// Sample log(P / P_typical) for two parameters over many patients.
struct LogSample {
  std::vector<double> a, b;
};
LogSample log_sample(const VariabilityModel& v, double ModelParams::*pa, double ModelParams::*pb, int n) {
  VariabilityModel fixed = v;
  fixed.covariates.weight_kg_cv = 0.0;  // weight would add its own (correlated) spread to V and CL
  const PatientSampler sampler(typical_params(), fixed);
  LogSample s;
  for (int i = 0; i < n; ++i) {
    const ModelParams p = sampler.sample(1, i).params;
    s.a.push_back(std::log(p.*pa / typical_params().*pa));
    s.b.push_back(std::log(p.*pb / typical_params().*pb));
  }
  return s;
}

double covariance(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / static_cast<double>(x.size()), my += y[i] / static_cast<double>(y.size());
  double c = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) c += (x[i] - mx) * (y[i] - my) / static_cast<double>(x.size() - 1);
  return c;
}

TEST(Population, DrawsHaveTheSpecifiedVariancesAndCorrelation) {
  VariabilityModel v = no_variability();
  v.effects = {{"central_volume_l", 0.2, "test"}, {"linear_clearance_l_per_day", 0.3, "test"}};
  v.correlations = {{"central_volume_l", "linear_clearance_l_per_day", 0.6, "test"}};
  const LogSample s = log_sample(v, &ModelParams::central_volume_l, &ModelParams::linear_clearance_l_per_day, 40000);
  const double w_v = std::log1p(0.04), w_cl = std::log1p(0.09);
  // With 40000 draws the sampling error of a variance is about 0.7%, of a correlation about 0.005.
  EXPECT_NEAR(covariance(s.a, s.a), w_v, 0.03 * w_v);
  EXPECT_NEAR(covariance(s.b, s.b), w_cl, 0.03 * w_cl);
  EXPECT_NEAR(covariance(s.a, s.b) / std::sqrt(w_v * w_cl), 0.6, 0.02);
}

TEST(Population, RejectsACovarianceThatIsNotPositiveDefinite) {
  VariabilityModel v = no_variability();
  v.effects = {{"central_volume_l", 0.2, "t"}, {"linear_clearance_l_per_day", 0.3, "t"}, {"target_vmax_mg_per_day", 0.3, "t"}};
  v.correlations = {{"central_volume_l", "linear_clearance_l_per_day", 0.9, "t"},
                    {"linear_clearance_l_per_day", "target_vmax_mg_per_day", 0.9, "t"},
                    {"central_volume_l", "target_vmax_mg_per_day", -0.9, "t"}};
  try {
    const PatientSampler sampler(typical_params(), v);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("not positive definite"), std::string::npos) << e.what();
  }
}

TEST(Population, RejectsUnknownParametersAndBadCovariates) {
  VariabilityModel v = no_variability();
  v.effects = {{"no_such_parameter", 0.3, "t"}};
  EXPECT_THROW(PatientSampler(typical_params(), v), std::invalid_argument);
  v = no_variability();
  v.correlations = {{"central_volume_l", "linear_clearance_l_per_day", 0.5, "t"}};  // no random effects
  EXPECT_THROW(PatientSampler(typical_params(), v), std::invalid_argument);
  v = no_variability();
  v.covariates.female_fraction = 1.5;
  EXPECT_THROW(PatientSampler(typical_params(), v), std::invalid_argument);
}

TEST(Population, WeightScalesVolumeAndClearanceAllometrically) {
  VariabilityModel v = no_variability();
  v.covariates.weight_kg_cv = 0.3;
  const PatientSampler sampler(typical_params(), v);
  for (int i = 0; i < 20; ++i) {
    const SampledPatient s = sampler.sample(3, i);
    const double ratio = s.covariates.weight_kg / v.covariates.reference_weight_kg;
    EXPECT_NEAR(s.params.central_volume_l, typical_params().central_volume_l * ratio, 1e-12);
    EXPECT_NEAR(s.params.linear_clearance_l_per_day, typical_params().linear_clearance_l_per_day * std::pow(ratio, 0.75), 1e-12);
    EXPECT_GE(s.covariates.age_years, v.covariates.age_years_min);
    EXPECT_LE(s.covariates.age_years, v.covariates.age_years_max);
  }
}

TEST(Population, ResultsAreBitIdenticalForAnyThreadCountAndBatchSize) {
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}}, 400.0);
  const PatientSampler sampler(typical_params(), default_variability());
  PopulationRunOptions small_batches = options(3, 64, 2);
  small_batches.batch_size = 5;
  const auto one = simulate_population(sampler, plan, options(3, 64, 1));
  const auto two = simulate_population(sampler, plan, small_batches);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t p = 0; p < one.size(); ++p) {
    ASSERT_TRUE(one[p].ok && two[p].ok);
    EXPECT_EQ(one[p].index, static_cast<std::int64_t>(p));
    EXPECT_EQ(one[p].result.series, two[p].result.series) << "patient " << p;
  }
}

TEST(Population, AFailingPatientIsFlaggedAndTheRunGoesOn) {
  SolverOptions starved;
  starved.max_steps_between_outputs = 3;  // too few for anyone
  const SimulationPlan plan({Course{0.0, 1, 12.0, 4.0, {}}}, 30.0, 10.0, {}, starved);
  const auto patients = simulate_population(PatientSampler(typical_params(), default_variability()), plan, options(1, 4));
  ASSERT_EQ(patients.size(), 4u);
  for (const PatientOutcome& p : patients) {
    EXPECT_FALSE(p.ok);
    EXPECT_NE(p.error.find("solver failed at t ="), std::string::npos) << p.error;
  }
}

TEST(Population, RejectsEmptyPopulation) {
  const SimulationPlan plan({Course{0.0, 1, 12.0, 4.0, {}}}, 10.0);
  EXPECT_THROW(simulate_population(PatientSampler(typical_params(), default_variability()), plan, options(1, 0)),
               std::invalid_argument);
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
