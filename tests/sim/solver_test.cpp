// The dosing engine and solver wrapper against exact answers: a one-compartment linear model with a
// closed-form solution during and after a constant-rate infusion.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/output_grid.hpp"
#include "sim/plan.hpp"
#include "sim/simulate.hpp"
#include "sim/reference_systems.hpp"

namespace alemsim {
namespace {

TEST(Solver, MatchesClosedFormOneCompartmentInfusion) {
  const double k = std::log(2.0) / 4.5;
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}}, 400.0, 0.5);
  const auto infusions = plan.infusions();
  const auto grid = plan.grid_day();
  const auto states = simulate(OneCompartment{k}, plan);
  double worst = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double exact = exact_one_compartment_mg(infusions, k, grid[i]);
    // Below 0.01 mg (under 1 ng/mL in a 14 L volume) the absolute tolerance, 1e-9 mg, governs the
    // error and a relative figure says nothing about the method.
    if (exact < 1e-2) continue;
    worst = std::max(worst, std::abs(states[i][0] - exact) / exact);
  }
  EXPECT_LT(worst, kAccuracyPerRelTol * SolverOptions{}.rel_tol);
}

TEST(Solver, FehlbergStepperAlsoMatchesTheClosedForm) {
  const double k = std::log(2.0) / 4.5;
  SolverOptions options;
  options.stepper = SolverOptions::Stepper::kFehlberg78;
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}}, 400.0, 0.5, {}, options);
  const auto infusions = plan.infusions();
  const auto grid = plan.grid_day();
  const auto states = simulate(OneCompartment{k}, plan);
  double worst = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double exact = exact_one_compartment_mg(infusions, k, grid[i]);
    if (exact < 1e-2) continue;  // as above: the absolute tolerance governs there
    worst = std::max(worst, std::abs(states[i][0] - exact) / exact);
  }
  EXPECT_LT(worst, 1e-6);
}

TEST(Solver, InfusionEndsExactlyOnTime) {
  // With no elimination the amount rises linearly during the infusion and is flat afterwards:
  // any leak of the rate past the end (or a late start) shows up as a wrong plateau.
  const SimulationPlan plan({Course{1.0, 1, 12.0, 4.0, {}}}, 3.0, 1.0 / 24.0);
  const auto grid = plan.grid_day();
  const auto states = simulate(OneCompartment{0.0}, plan);
  const double end = 1.0 + 4.0 / 24.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double expected = 12.0 * std::clamp((grid[i] - 1.0) / (end - 1.0), 0.0, 1.0);
    EXPECT_NEAR(states[i][0], expected, 1e-9) << "t = " << grid[i];
    if (grid[i] >= end) {
      EXPECT_NEAR(states[i][0], 12.0, 1e-12) << "no drug may flow after the end";
    }
  }
  EXPECT_NO_THROW(grid_index_of(grid, end)) << "infusion end must be a grid point";
}

TEST(Solver, BackToBackInfusionsEqualOneLongInfusion) {
  // 50 mg/day for 0.3 day, as one course or as two back to back (0.1 day, then 0.2 day).
  const double k = 0.3;
  const SimulationPlan split({Course{0.0, 1, 5.0, 2.4, {}}, Course{2.4 / 24.0, 1, 10.0, 4.8, {}}}, 5.0, 0.05);
  const SimulationPlan single({Course{0.0, 1, 15.0, 7.2, {}}}, 5.0, 0.05);
  const auto a = simulate(OneCompartment{k}, split);
  const auto b = simulate(OneCompartment{k}, single);
  // Both runs carry the solver's own error (up to rel_tol per step); they differ only by step placement.
  const double allowed = kAccuracyPerRelTol * SolverOptions{}.rel_tol;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < single.grid_day().size(); ++i) {
    const double t = single.grid_day()[i];
    const std::size_t j = split.index_of(t);  // the split plan's grid holds every time of the single one's
    EXPECT_NEAR(a[j][0], b[i][0], allowed * b[i][0]) << "t = " << t;
    ++compared;
  }
  EXPECT_GT(compared, 100u);
}

TEST(Solver, StepLimitIsReportedWithTime) {
  SolverOptions tight;
  tight.max_steps_between_outputs = 1;
  tight.rel_tol = 1e-14;
  tight.abs_tol = 1e-14;
  const SimulationPlan plan({Course{0.0, 1, 12.0, 4.0, {}}}, 10.0, 10.0, {}, tight);
  try {
    simulate(OneCompartment{5.0}, plan);
    FAIL() << "expected SolverError";
  } catch (const SolverError& e) {
    EXPECT_GE(e.time_day(), 0.0);
    EXPECT_NE(std::string(e.what()).find("solver failed at t ="), std::string::npos);
  }
}

TEST(Solver, ChecksItsOptionsOnEveryCall) {
  // Stan Math's rule: a valid call, then each argument broken on its own.
  OneCompartment::State x{1.0};
  const std::vector<double> times{0.0, 1.0};
  const auto call = [&](const SolverOptions& o) { integrate_on_times(OneCompartment{1.0}, x, times, [](const auto&, double) {}, o); };
  EXPECT_NO_THROW(call(SolverOptions{}));
  for (double bad : {0.0, -1e-6, std::nan(""), HUGE_VAL}) {
    SolverOptions rel;
    rel.rel_tol = bad;
    EXPECT_THROW(call(rel), std::invalid_argument) << "rel_tol " << bad;
    SolverOptions abs;
    abs.abs_tol = bad;
    EXPECT_THROW(call(abs), std::invalid_argument) << "abs_tol " << bad;
  }
  SolverOptions steps;
  steps.max_steps_between_outputs = 0;
  try {
    call(steps);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("max_steps_between_outputs"), std::string::npos) << e.what();
  }
}

TEST(Solver, RejectsNonFiniteInitialState) {
  OneCompartment::State x{std::nan("")};
  const std::vector<double> times{0.0, 1.0};
  EXPECT_THROW(integrate_on_times(OneCompartment{1.0}, x, times, [](const auto&, double) {}, SolverOptions{}),
               SolverError);
}

}  // namespace
}  // namespace alemsim
