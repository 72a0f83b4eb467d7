#include "sim/plan.hpp"

#include <cmath>
#include <string>

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"

namespace alemsim {
namespace {

// validate(solver), its complaint reported as the plan's solver field.
void check_solver(const SolverOptions& solver) {
  try {
    validate(solver);
  } catch (const std::invalid_argument& e) {
    throw PlanError(PlanError::Field::kSolver, e.what());
  }
}

}  // namespace

SimulationPlan::SimulationPlan(std::vector<Course> courses, double horizon_day, double output_step_day,
                               std::span<const double> extra_times_day, const SolverOptions& solver)
    : courses_(std::move(courses)), horizon_day_(horizon_day), output_step_day_(output_step_day), solver_(solver) {
  try {
    validate_regimen(courses_);
  } catch (const RegimenError& e) {
    throw PlanError(PlanError::Field::kCourses, e.what(), e.course_index());
  }
  infusions_ = expand_regimen(courses_);
  const double last_end_day = infusions_.back().end_day;
  if (horizon_day_ > kMaxDay) {
    throw PlanError(PlanError::Field::kHorizon, "expected a horizon of at most " + format_number(kMaxDay) +
                                                    " days (100 years), got " + format_number(horizon_day_));
  }
  if (!std::isfinite(horizon_day_) || !(horizon_day_ >= last_end_day)) {
    throw PlanError(PlanError::Field::kHorizon, "expected a horizon at or after the end of the last infusion (day " +
                                                    format_number(last_end_day) + "), got " +
                                                    format_number(horizon_day_));
  }
  if (!std::isfinite(output_step_day_) || !(output_step_day_ > 0.0)) {
    throw PlanError(PlanError::Field::kOutputStep, "expected a number of days > 0, got " + format_number(output_step_day_));
  }
  if (horizon_day_ / output_step_day_ > kMaxOutputSteps) {
    throw PlanError(PlanError::Field::kOutputStep,
                    "expected at most " + std::to_string(static_cast<long long>(kMaxOutputSteps)) +
                        " output steps over the horizon");
  }
  for (double t : extra_times_day) {
    if (!std::isfinite(t)) throw PlanError(PlanError::Field::kExtraTimes, "extra output times must be finite");
  }
  check_solver(solver_);
  std::vector<double> extra = course_summary_times(infusions_);
  extra.insert(extra.end(), extra_times_day.begin(), extra_times_day.end());
  grid_day_ = build_output_grid(horizon_day_, output_step_day_, infusions_, extra);
}

std::size_t SimulationPlan::index_of(double t_day) const { return grid_index_of(grid_day_, t_day); }

SimulationPlan SimulationPlan::with_solver(const SolverOptions& solver) const {
  check_solver(solver);
  SimulationPlan copy = *this;
  copy.solver_ = solver;
  return copy;
}

}  // namespace alemsim
