#include "sim/plan.hpp"

#include <algorithm>
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

// Cuts at the grid's ends and every infusion start and end inside it (grid points by construction),
// each stretch between two cuts with the rate of the infusions running at its midpoint.
std::vector<DosingSegment> dosing_segments(std::span<const double> grid_day, std::span<const Infusion> infusions) {
  std::vector<std::size_t> cuts{0, grid_day.size() - 1};
  for (const Infusion& inf : infusions) {
    for (double t : {inf.start_day, inf.end_day}) {
      if (t > grid_day.front() && t < grid_day.back()) cuts.push_back(grid_index_of(grid_day, t));
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<DosingSegment> segments;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    DosingSegment segment{cuts[k], cuts[k + 1], 0.0};
    const double mid = 0.5 * (grid_day[segment.first] + grid_day[segment.last]);
    for (const Infusion& inf : infusions) {
      if (inf.start_day <= mid && mid < inf.end_day) segment.rate_mg_per_day += inf.rate_mg_per_day;
    }
    segments.push_back(segment);
  }
  return segments;
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
  segments_ = dosing_segments(grid_day_, infusions_);
}

std::size_t SimulationPlan::index_of(double t_day) const { return grid_index_of(grid_day_, t_day); }

SimulationPlan SimulationPlan::with_solver(const SolverOptions& solver) const {
  check_solver(solver);
  SimulationPlan copy = *this;
  copy.solver_ = solver;
  return copy;
}

}  // namespace alemsim
