// The dosing engine and solver wrapper against exact answers: a one-compartment linear model with a
// closed-form solution during and after a constant-rate infusion.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/output_grid.hpp"
#include "sim/regimen.hpp"
#include "sim/simulate.hpp"
#include "sim/reference_systems.hpp"

namespace alemsim {
namespace {

TEST(Solver, MatchesClosedFormOneCompartmentInfusion) {
  const double k = std::log(2.0) / 4.5;
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(400.0, 0.5, infusions);
  const auto states = simulate(OneCompartment{k}, infusions, grid);
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
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(400.0, 0.5, infusions);
  SolverOptions options;
  options.stepper = SolverOptions::Stepper::kFehlberg78;
  const auto states = simulate(OneCompartment{k}, infusions, grid, options);
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
  const auto infusions = expand_regimen({Course{1.0, 1, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(3.0, 1.0 / 24.0, infusions);
  const auto states = simulate(OneCompartment{0.0}, infusions, grid);
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
  const double k = 0.3;
  const std::vector<Infusion> split{{0, 0.0, 0.1, 50.0}, {0, 0.1, 0.3, 50.0}};
  const std::vector<Infusion> single{{0, 0.0, 0.3, 50.0}};
  const auto grid = build_output_grid(5.0, 0.05, split);
  const auto a = simulate(OneCompartment{k}, split, grid);
  const auto b = simulate(OneCompartment{k}, single, grid);
  // Both runs carry the solver's own error (up to rel_tol per step); they differ only by step placement.
  const double allowed = kAccuracyPerRelTol * SolverOptions{}.rel_tol;
  for (std::size_t i = 0; i < grid.size(); ++i) EXPECT_NEAR(a[i][0], b[i][0], allowed * b[i][0]);
}

TEST(Solver, StepLimitIsReportedWithTime) {
  SolverOptions tight;
  tight.max_steps_between_outputs = 1;
  tight.rel_tol = 1e-14;
  tight.abs_tol = 1e-14;
  const auto infusions = expand_regimen({Course{0.0, 1, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(10.0, 10.0, infusions);
  try {
    simulate(OneCompartment{5.0}, infusions, grid, tight);
    FAIL() << "expected SolverError";
  } catch (const SolverError& e) {
    EXPECT_GE(e.time_day(), 0.0);
    EXPECT_NE(std::string(e.what()).find("solver failed at t ="), std::string::npos);
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
