#include <cmath>

#include <gtest/gtest.h>

#include "models/alemtuzumab_model.hpp"
#include "sim/patient.hpp"
#include "sim/plan.hpp"
#include "sim/simulate.hpp"
#include "sim/reference_systems.hpp"

namespace alemsim {
namespace {

using Model = AlemtuzumabModel;

const std::vector<Course> kLabel = {Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};

std::vector<Model::State> run(const ModelParams& p, const std::vector<Course>& courses, double horizon_day) {
  return simulate(Model{p}, SimulationPlan(courses, horizon_day));
}

TEST(AlemtuzumabModel, DrugMassIsConserved) {
  const SimulationPlan plan(kLabel, 500.0);
  const auto grid = plan.grid_day();
  const auto states = simulate(ModelWithEliminated{Model{typical_params()}}, plan);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double dosed = dosed_mg(plan.infusions(), grid[i]);
    const double accounted = states[i][Model::kCentralMg] + states[i][ModelWithEliminated::kEliminatedMg];
    EXPECT_NEAR(accounted, dosed, 1e-7 * (1.0 + dosed)) << "t = " << grid[i];
  }
}

TEST(AlemtuzumabModel, WithoutDrugEveryStateStaysAtBaseline) {
  // No course: the model alone through the solver wrapper, over five years.
  const Model model{typical_params()};
  const auto x0 = model.initial_state();
  Model::State x = x0;
  std::vector<double> times(2001);
  for (std::size_t i = 0; i < times.size(); ++i) times[i] = static_cast<double>(i);
  std::size_t observed = 0;
  integrate_on_times(
      model, x, times,
      [&](const Model::State& s, double) {
        ++observed;
        for (std::size_t k = 0; k < Model::kStateSize; ++k) EXPECT_NEAR(s[k], x0[k], 1e-9 * (1.0 + x0[k])) << "state " << k;
      },
      SolverOptions{});
  EXPECT_EQ(observed, times.size());
}

TEST(AlemtuzumabModel, LysisScalesWithConcentration) {
  const Model model{typical_params()};
  Model::State low = model.initial_state(), high = model.initial_state();
  low[Model::kCentralMg] = 1.0;
  high[Model::kCentralMg] = 40.0;
  Model::State d_low, d_high, d_none;
  model(low, d_low, 0.0);
  model(high, d_high, 0.0);
  model(model.initial_state(), d_none, 0.0);
  for (std::size_t k : {Model::kCd4CellsPerUl, Model::kCd8CellsPerUl, Model::kCd19CellsPerUl, Model::kNkCellsPerUl}) {
    EXPECT_NEAR(d_none[k], 0.0, 1e-9) << "state " << k;
    EXPECT_LT(d_low[k], 0.0) << "state " << k;
    EXPECT_LT(d_high[k], d_low[k]) << "state " << k;
  }
}

TEST(AlemtuzumabModel, KillingFollowsCd52Density) {
  // Per cell, CD4+ (density 1) are lysed faster than CD8+ (calibrated < 1), faster than NK (0.3).
  const Model model{typical_params()};
  Model::State x = model.initial_state();
  x[Model::kCentralMg] = 30.0;
  Model::State d;
  model(x, d, 0.0);
  const double lysis = model.params.kill_max_per_day * model.cd52_occupancy(x);
  // At baseline, source and loss balance: what remains of dx/dt is lysis alone.
  EXPECT_NEAR(-d[Model::kCd4CellsPerUl] / x[Model::kCd4CellsPerUl], lysis, 1e-12);
  EXPECT_NEAR(-d[Model::kCd8CellsPerUl] / x[Model::kCd8CellsPerUl], model.params.cd8_cd52_relative_density * lysis, 1e-12);
  EXPECT_NEAR(-d[Model::kNkCellsPerUl] / x[Model::kNkCellsPerUl], model.params.nk_cd52_relative_density * lysis, 1e-12);
}

TEST(AlemtuzumabModel, TargetEliminationFollowsTheWeightedPool) {
  const Model model{typical_params()};
  Model::State full = model.initial_state();
  full[Model::kCentralMg] = 10.0;
  Model::State no_t = full;
  no_t[Model::kCd4CellsPerUl] = 0.0;
  no_t[Model::kCd8CellsPerUl] = 0.0;
  const ModelParams& p = model.params;
  const double pool_without_t =
      (p.cd19_cd52_relative_density * p.cd19_baseline_cells_per_ul + p.nk_cd52_relative_density * p.nk_baseline_cells_per_ul) /
                                model.baseline_cd52_pool_cells_per_ul();
  EXPECT_NEAR(model.target_elimination_mg_per_day(no_t), pool_without_t * model.target_elimination_mg_per_day(full), 1e-12);
  // NK cells carry little CD52: removing them lowers the sink less than removing as many CD4+ cells.
  Model::State no_nk = full, fewer_cd4 = full;
  no_nk[Model::kNkCellsPerUl] = 0.0;
  fewer_cd4[Model::kCd4CellsPerUl] -= full[Model::kNkCellsPerUl];
  EXPECT_GT(model.target_elimination_mg_per_day(no_nk), model.target_elimination_mg_per_day(fewer_cd4));
}

TEST(AlemtuzumabModel, AdaOffIsIdenticalWhateverTheAdaEffects) {
  ModelParams off = typical_params();
  off.ada_propensity = 0.0;
  ModelParams off_strong = off;
  off_strong.ada_neutralising_half_titer = 1e-3;
  off_strong.ada_clearance_per_titer = 100.0;
  const auto a = run(off, kLabel, 800.0);
  const auto b = run(off_strong, kLabel, 800.0);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i], b[i]);
    EXPECT_EQ(a[i][Model::kAdaTiter], 0.0);
  }
}

TEST(AlemtuzumabModel, BCellsOvershootTheirBaselineWhileBaffIsHigh) {
  const ModelParams p = typical_params();
  const auto states = run(p, {Course{0.0, 5, 12.0, 4.0, {}}}, 365.0);
  double peak_b = 0.0, peak_baff = 0.0;
  for (const auto& x : states) {
    peak_b = std::max(peak_b, x[Model::kCd19CellsPerUl]);
    peak_baff = std::max(peak_baff, x[Model::kBaffFold]);
  }
  EXPECT_GT(peak_baff, 1.5);
  EXPECT_GT(peak_b, 1.1 * p.cd19_baseline_cells_per_ul);
}

// Cmax of course 1 and the half-life between days 1 and 10 after its last infusion, typical patient
// with `p`, on the labelled course 1 (12 mg/day, 5 days).
CourseSummary course1_pk(const ModelParams& p, double dose_mg_per_day = 12.0) {
  return simulate_patient(p, SimulationPlan({Course{0.0, 5, dose_mg_per_day, 4.0, {}}}, 60.0)).courses.front();
}

TEST(AlemtuzumabModel, MoreLymphocytesClearMoreDrug) {
  // The target capacity follows the absolute CD52 pool (Li 2018: clearance depends on the circulating
  // lymphocyte count), not the pool relative to the patient's own baseline.
  const ModelParams typical = typical_params();
  ModelParams doubled = typical;
  for (double ModelParams::*baseline : {&ModelParams::cd4_baseline_cells_per_ul, &ModelParams::cd8_baseline_cells_per_ul,
                                        &ModelParams::cd19_baseline_cells_per_ul, &ModelParams::nk_baseline_cells_per_ul}) {
    doubled.*baseline *= 2.0;
  }
  const CourseSummary a = course1_pk(typical);
  const CourseSummary b = course1_pk(doubled);
  EXPECT_LT(b.cmax_ng_per_ml, 0.95 * a.cmax_ng_per_ml) << a.cmax_ng_per_ml << " -> " << b.cmax_ng_per_ml;
  EXPECT_LT(b.half_life_day, a.half_life_day);
  EXPECT_DOUBLE_EQ(AlemtuzumabModel{typical}.baseline_cd52_pool_cells_per_ul(),
                   AlemtuzumabModel::reference_cd52_pool_cells_per_ul())
      << "the typical patient's pool is the one Vmax refers to";
}

TEST(AlemtuzumabModel, WithoutTargetCapacityTheKineticsAreLinear) {
  // Vmax 0 (a teacher's switch) leaves linear elimination only: the concentration is proportional to
  // the dose and falls with the half-life ln 2 · V / CL.
  ModelParams p = typical_params();
  p.target_vmax_mg_per_day = 0.0;
  p.ada_propensity = 0.0;  // antibodies raise clearance with exposure: not linear
  ASSERT_NO_THROW(validate(p));
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 60.0);
  const SimulationPlan double_dose({Course{0.0, 5, 24.0, 4.0, {}}}, 60.0);
  const PatientResult once = simulate_patient(p, plan);
  const PatientResult twice = simulate_patient(p, double_dose);
  const auto& c1 = once.concentration_ng_per_ml();
  const auto& c2 = twice.concentration_ng_per_ml();
  ASSERT_EQ(c1.size(), c2.size());
  for (std::size_t i = 0; i < c1.size(); ++i) {
    if (c1[i] > 1.0) {
      EXPECT_NEAR(c2[i] / c1[i], 2.0, kAccuracyPerRelTol * SolverOptions{}.rel_tol) << "t = " << plan.grid_day()[i];
    }
  }
  const double expected = std::log(2.0) * p.central_volume_l / p.linear_clearance_l_per_day;
  EXPECT_NEAR(once.courses.front().half_life_day, expected, 1e-3 * expected);
}

TEST(ModelParams, TypicalValuesAreValidAndEveryFieldIsInTheTable) {
  const ModelParams p = typical_params();
  EXPECT_NO_THROW(validate(p));
  EXPECT_EQ(param_table().size() * sizeof(double), sizeof(ModelParams));
  for (const ParamInfo& info : param_table()) {
    EXPECT_EQ(find_param(info.name), &info);
    EXPECT_FALSE(info.unit.empty());
    EXPECT_FALSE(info.source.empty()) << info.name;
  }
  ModelParams bad = p;
  bad.central_volume_l = -1.0;
  EXPECT_THROW(validate(bad), std::invalid_argument);
  bad = p;
  bad.cd4_homeostatic_max_per_day = 1.0;  // proliferation alone would exceed death at baseline
  EXPECT_THROW(validate(bad), std::invalid_argument);
  bad = p;
  bad.ada_propensity = 0.0;
  EXPECT_NO_THROW(validate(bad));
}

}  // namespace
}  // namespace alemsim
