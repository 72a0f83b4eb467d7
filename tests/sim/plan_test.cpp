// The plan every simulation starts from: checked once, with an error that names what is wrong, and
// a grid that always holds what the dosing loop and the course summary read.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"
#include "sim/plan.hpp"

namespace alemsim {
namespace {

const std::vector<Course> kLabel{Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};
constexpr double kInf = std::numeric_limits<double>::infinity();

// Builds a plan from the valid call with one argument replaced, and returns the field it blames.
PlanError::Field blamed(const std::vector<Course>& courses, double horizon_day, double step_day,
                        std::vector<double> extra = {}, SolverOptions solver = {}) {
  try {
    SimulationPlan(courses, horizon_day, step_day, extra, solver);
  } catch (const PlanError& e) {
    EXPECT_NE(std::string(e.what()), "");
    return e.field();
  }
  ADD_FAILURE() << "expected PlanError";
  return PlanError::Field::kSolver;
}

TEST(SimulationPlan, GridHoldsInfusionBoundsAndSummaryTimes) {
  const SimulationPlan plan(kLabel, 730.0, 1.0, std::vector<double>{2.5, 9999.0});
  EXPECT_EQ(plan.courses(), kLabel);
  EXPECT_DOUBLE_EQ(plan.grid_day().front(), 0.0);
  EXPECT_DOUBLE_EQ(plan.grid_day().back(), 730.0);
  EXPECT_DOUBLE_EQ(plan.horizon_day(), 730.0);
  for (const Infusion& inf : plan.infusions()) {
    EXPECT_NO_THROW(plan.index_of(inf.start_day));
    EXPECT_NO_THROW(plan.index_of(inf.end_day));
  }
  for (double t : course_summary_times(plan.infusions())) EXPECT_NO_THROW(plan.index_of(t)) << t;
  EXPECT_NO_THROW(plan.index_of(2.5));
  EXPECT_THROW(plan.index_of(9999.0), std::invalid_argument) << "past the horizon: dropped";
  EXPECT_THROW(plan.index_of(2.25), std::invalid_argument);
}

TEST(SimulationPlan, AValidCallWithOneArgumentBrokenNamesThatArgument) {
  EXPECT_NO_THROW(SimulationPlan(kLabel, 730.0, 1.0));
  EXPECT_EQ(blamed({}, 730.0, 1.0), PlanError::Field::kCourses);
  std::vector<Course> bad_dose = kLabel;
  bad_dose[1].dose_mg_per_day = -12.0;
  try {
    SimulationPlan(bad_dose, 730.0, 1.0);
    FAIL() << "expected PlanError";
  } catch (const PlanError& e) {
    EXPECT_EQ(e.field(), PlanError::Field::kCourses);
    EXPECT_EQ(e.course_index(), 1);
  }
  for (double horizon : {367.0, -1.0, kInf, std::nan("")}) {
    EXPECT_EQ(blamed(kLabel, horizon, 1.0), PlanError::Field::kHorizon) << horizon;
  }
  for (double step : {0.0, -1.0, kInf, std::nan(""), 1e-4}) {
    EXPECT_EQ(blamed(kLabel, 730.0, step), PlanError::Field::kOutputStep) << step;
  }
  EXPECT_EQ(blamed(kLabel, 730.0, 1.0, {std::nan("")}), PlanError::Field::kExtraTimes);
  SolverOptions bad_solver;
  bad_solver.rel_tol = 0.0;
  EXPECT_EQ(blamed(kLabel, 730.0, 1.0, {}, bad_solver), PlanError::Field::kSolver);
}

TEST(SimulationPlan, HorizonAtTheLastInfusionEndIsEnough) {
  const double last_end = 365.0 + 2.0 + 4.0 / 24.0;
  EXPECT_NO_THROW(SimulationPlan(kLabel, last_end, 1.0));
  EXPECT_EQ(blamed(kLabel, last_end - 1e-6, 1.0), PlanError::Field::kHorizon);
}

TEST(SimulationPlan, WithSolverKeepsTheGridAndChecksTheOptions) {
  const SimulationPlan plan(kLabel, 730.0);
  SolverOptions tight;
  tight.rel_tol = 1e-12;
  const SimulationPlan other = plan.with_solver(tight);
  EXPECT_EQ(other.solver().rel_tol, 1e-12);
  EXPECT_EQ(std::vector<double>(other.grid_day().begin(), other.grid_day().end()),
            std::vector<double>(plan.grid_day().begin(), plan.grid_day().end()));
  tight.max_steps_between_outputs = 0;
  EXPECT_THROW(plan.with_solver(tight), PlanError);
}

}  // namespace
}  // namespace alemsim
