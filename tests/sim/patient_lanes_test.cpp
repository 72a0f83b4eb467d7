// Several patients in SIMD lanes: the lane right-hand side is the scalar one lane by lane, a group
// of patients agrees with each patient integrated alone to within the solver's tolerance, and a
// population run stays the same for any thread count, batch size or population size.
#include <algorithm>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "models/variability.hpp"
#include "sim/lanes.hpp"
#include "sim/patient.hpp"
#include "sim/patient_lanes.hpp"
#include "sim/population.hpp"

namespace alemsim {
namespace {

using Group = PatientLanes<kPatientLanes>;

std::array<ModelParams, kPatientLanes> sampled_patients(std::uint64_t seed) {
  const PatientSampler sampler(typical_params(), default_variability());
  std::array<ModelParams, kPatientLanes> params;
  for (std::size_t l = 0; l < kPatientLanes; ++l) params[l] = sampler.sample(seed, static_cast<std::int64_t>(l)).params;
  return params;
}

// A state away from baseline in every component, different in each lane.
Group::State perturbed_state(const Group& group) {
  Group::State x = group.initial_state();
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    AlemtuzumabModel::State s = Group::lane(x, l);
    s[AlemtuzumabModel::kCentralMg] = 20.0 + 10.0 * static_cast<double>(l);
    for (std::size_t i = AlemtuzumabModel::kFirstBlood; i < AlemtuzumabModel::kBaffFold; ++i) s[i] *= 0.1 + 0.05 * static_cast<double>(i + l);
    s[AlemtuzumabModel::kBaffFold] = 1.3 + 0.1 * static_cast<double>(l);
    s[AlemtuzumabModel::kAdaPrimed] = 0.5;
    s[AlemtuzumabModel::kAdaTiter] = 2.0 + static_cast<double>(l);
    Group::set_lane(x, l, s);
  }
  return x;
}

TEST(Lanes, ArithmeticIsElementWiseAndZeroFloorMatchesTheScalarOne) {
  const Lanes<4> a{{1.5, -2.0, 0.0, 3.0}}, b{{2.0, 4.0, -1.0, 0.5}};
  const Lanes<4> c = (a * b + 1.0) / (2.0 - b);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(c[i], (a[i] * b[i] + 1.0) / (2.0 - b[i]));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Lanes<4> d = zero_floor(Lanes<4>{{-1.0, 2.0, -0.0, nan}});
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(d[i], zero_floor(std::array{-1.0, 2.0, -0.0, nan}[i]));
}

TEST(Lanes, PowerAgreesWithStdPowWhereTheModelUsesIt) {
  // BAFF fold (0 when clamped) to the B-cell exponent γ > 0.
  const Lanes<4> base{{0.0, 0.8, 1.0, 1.7}}, exponent{{1.756, 0.5, 3.0, 1.756}};
  const Lanes<4> p = power(base, exponent);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(p[i], std::pow(base[i], exponent[i]), 4e-16 * std::pow(base[i], exponent[i]));
  EXPECT_EQ(p[0], 0.0);
}

TEST(PatientLanes, RightHandSideIsTheScalarOneInEveryLane) {
  const auto params = sampled_patients(11);
  const Group group(params);
  const Group::State x = perturbed_state(group);
  Group::State dxdt{};
  group(x, dxdt, 0.0);
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    const AlemtuzumabModel model(params[l]);
    AlemtuzumabModel::State scalar{};
    model(Group::lane(x, l), scalar, 0.0);
    const AlemtuzumabModel::State lane = Group::lane(dxdt, l);
    for (std::size_t i = 0; i < AlemtuzumabModel::kStateSize; ++i) {
      // The same operations on the same values; only contraction into fused multiply-adds and the
      // vector exp·log for BAFF^γ may round differently.
      EXPECT_NEAR(lane[i], scalar[i], 1e-13 * std::max(1.0, std::abs(scalar[i]))) << "lane " << l << ", component " << i;
    }
  }
}

TEST(PatientLanes, EachLaneAgreesWithThePatientIntegratedAlone) {
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}}, 730.0);
  const auto params = sampled_patients(5);
  std::array<PatientResult, kPatientLanes> results;
  std::array<PatientResult*, kPatientLanes> pointers;
  for (std::size_t l = 0; l < kPatientLanes; ++l) pointers[l] = &results[l];
  simulate_patients_into(pointers, params, plan);
  SolverOptions tight;
  tight.rel_tol = 1e-12;
  tight.abs_tol = 1e-13;
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    const PatientResult alone = simulate_patient(params[l], plan.with_solver(tight));
    ASSERT_EQ(results[l].series.size(), alone.series.size());
    for (std::size_t q = 0; q < alone.series.size(); ++q) {
      const double peak = *std::max_element(alone.series[q].begin(), alone.series[q].end());
      for (std::size_t i = 0; i < alone.series[q].size(); ++i) {
        ASSERT_NEAR(results[l].series[q][i], alone.series[q][i], kAccuracyPerRelTol * SolverOptions{}.rel_tol * peak)
            << "lane " << l << ", " << patient_outputs()[q].column << " at day " << plan.grid_day()[i];
      }
    }
    EXPECT_EQ(results[l].courses.size(), alone.courses.size());
  }
}

TEST(PatientLanes, IdenticalPatientsGiveIdenticalLanes) {
  std::array<ModelParams, kPatientLanes> params;
  params.fill(typical_params());
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 120.0);
  std::array<PatientResult, kPatientLanes> results;
  std::array<PatientResult*, kPatientLanes> pointers;
  for (std::size_t l = 0; l < kPatientLanes; ++l) pointers[l] = &results[l];
  simulate_patients_into(pointers, params, plan);
  for (std::size_t l = 1; l < kPatientLanes; ++l) EXPECT_EQ(results[l].series, results[0].series);
}

PopulationRunOptions run_options(std::int64_t patients, int threads, std::int64_t batch) {
  PopulationRunOptions o;
  o.seed = 8;
  o.patients = patients;
  o.threads = threads;
  o.batch_size = batch;
  return o;
}

TEST(PatientLanes, APatientsResultDoesNotDependOnThePopulationSize) {
  // Lane groups are fixed by index: patient 9 shares its lanes with 8, 10 and 11 in any run.
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 200.0);
  const PatientSampler sampler(typical_params(), default_variability());
  const auto ten = simulate_population(sampler, plan, run_options(10, 2, 3));
  const auto twelve = simulate_population(sampler, plan, run_options(12, 1, 256));
  ASSERT_EQ(ten.size(), 10u);
  for (std::size_t p = 0; p < ten.size(); ++p) {
    ASSERT_TRUE(ten[p].ok && twelve[p].ok);
    EXPECT_EQ(ten[p].result.series, twelve[p].result.series) << "patient " << p;
  }
}

TEST(PatientLanes, AnInvalidPatientFailsAloneAndItsPartnersAgreeWithTheirSoloRuns) {
  // A 200% CV on the naive share draws shares of 1 or more (invalid) for some patients.
  VariabilityModel v = default_variability();
  v.effects.push_back({"cd4_naive_fraction", 2.0, "test: draws shares of 1 or more"});
  const PatientSampler sampler(typical_params(), v);
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 200.0);
  const auto patients = simulate_population(sampler, plan, run_options(40, 2, 7));
  int invalid = 0;
  for (const PatientOutcome& p : patients) {
    if (!p.ok) {
      ++invalid;
      EXPECT_NE(p.error.find("sampled parameters are invalid"), std::string::npos) << p.error;
      EXPECT_TRUE(p.result.series.empty());
      continue;
    }
    const PatientResult alone = simulate_patient(p.patient.params, plan);
    for (std::size_t q = 0; q < alone.series.size(); ++q) {
      const double peak = *std::max_element(alone.series[q].begin(), alone.series[q].end());
      for (std::size_t i = 0; i < alone.series[q].size(); ++i) {
        ASSERT_NEAR(p.result.series[q][i], alone.series[q][i], kAccuracyPerRelTol * SolverOptions{}.rel_tol * peak);
      }
    }
  }
  EXPECT_GT(invalid, 0);
  EXPECT_LT(invalid, 40);
}

}  // namespace
}  // namespace alemsim
