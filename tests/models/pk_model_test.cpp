#include <cmath>

#include <gtest/gtest.h>

#include "models/pk_model.hpp"
#include "sim/output_grid.hpp"
#include "sim/simulate.hpp"

namespace alemsim {
namespace {

// The PK model plus one extra state that accumulates every mg the model eliminates.
struct PkWithEliminated {
  static constexpr std::size_t kDoseState = PkModel::kDoseState;
  static constexpr std::size_t kEliminatedMg = PkModel::kStateSize;
  using State = std::array<double, PkModel::kStateSize + 1>;
  PkModel pk;
  State initial_state() const {
    State x{};
    const auto base = pk.initial_state();
    std::copy(base.begin(), base.end(), x.begin());
    return x;
  }
  void operator()(const State& x, State& dxdt, double t) const {
    PkModel::State xs, ds;
    std::copy_n(x.begin(), PkModel::kStateSize, xs.begin());
    pk(xs, ds, t);
    std::copy(ds.begin(), ds.end(), dxdt.begin());
    dxdt[kEliminatedMg] = pk.linear_elimination_mg_per_day(xs) + pk.target_elimination_mg_per_day(xs);
  }
};

TEST(PkModel, DrugMassIsConserved) {
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(500.0, 1.0, infusions);
  const auto states = simulate(PkWithEliminated{PkModel{typical_params()}}, infusions, grid);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    double dosed = 0.0;
    for (const Infusion& inf : infusions) {
      dosed += inf.rate_mg_per_day * std::clamp(grid[i] - inf.start_day, 0.0, inf.end_day - inf.start_day);
    }
    const double accounted = states[i][PkModel::kCentralMg] + states[i][PkWithEliminated::kEliminatedMg];
    EXPECT_NEAR(accounted, dosed, 1e-7 * (1.0 + dosed)) << "t = " << grid[i];
  }
}

TEST(PkModel, WithoutDrugThePoolStaysAtBaseline) {
  const PkModel model{typical_params()};
  const auto grid = build_output_grid(1000.0, 10.0, {});
  const auto states = simulate(model, {}, grid);
  for (const auto& x : states) {
    EXPECT_EQ(x[PkModel::kCentralMg], 0.0);
    EXPECT_DOUBLE_EQ(x[PkModel::kTargetCellsPerUl], model.params.target_baseline_cells_per_ul);
  }
}

TEST(PkModel, LysisAndTargetEliminationRiseWithConcentration) {
  const PkModel model{typical_params()};
  PkModel::State low = model.initial_state(), high = model.initial_state();
  low[PkModel::kCentralMg] = 1.0;
  high[PkModel::kCentralMg] = 40.0;
  PkModel::State d_low, d_high;
  model(low, d_low, 0.0);
  model(high, d_high, 0.0);
  EXPECT_LT(d_high[PkModel::kTargetCellsPerUl], d_low[PkModel::kTargetCellsPerUl]);
  EXPECT_GT(model.target_elimination_mg_per_day(high), model.target_elimination_mg_per_day(low));
  // Michaelis–Menten: capacity is bounded by Vmax at the baseline pool.
  EXPECT_LT(model.target_elimination_mg_per_day(high), model.params.target_vmax_mg_per_day);
}

TEST(PkModel, TargetEliminationScalesWithThePool) {
  const PkModel model{typical_params()};
  PkModel::State full = model.initial_state();
  full[PkModel::kCentralMg] = 10.0;
  PkModel::State half = full;
  half[PkModel::kTargetCellsPerUl] *= 0.5;
  EXPECT_NEAR(model.target_elimination_mg_per_day(half), 0.5 * model.target_elimination_mg_per_day(full), 1e-12);
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
}

}  // namespace
}  // namespace alemsim
