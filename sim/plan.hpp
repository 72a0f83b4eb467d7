// What the engine simulates, built and checked once: the regimen's infusion records, the output
// grid and the solver options. Every simulation in alemsim (one patient, a population, a study arm,
// a validation run, the viewer) starts from a SimulationPlan.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/regimen.hpp"
#include "sim/solver.hpp"

namespace alemsim {

// Most regular output steps a plan may have over its horizon (a 30-year horizon at a daily step has
// 11,000): a step far too small for the horizon is a mistake, not a request for billions of outputs.
inline constexpr double kMaxOutputSteps = 1e6;

// A plan that cannot be simulated. field() says which input is wrong, so a file reader can point at
// the line; course_index() is the course for kCourses (-1 for the whole regimen).
class PlanError : public std::invalid_argument {
 public:
  enum class Field { kCourses, kHorizon, kOutputStep, kExtraTimes, kSolver };
  PlanError(Field field, const std::string& what, int course_index = -1)
      : std::invalid_argument(what), field_(field), course_index_(course_index) {}
  Field field() const { return field_; }
  int course_index() const { return course_index_; }

 private:
  Field field_;
  int course_index_;
};

// A stretch of the grid with one constant infusion rate: grid indices first..last (both ends
// included), between two consecutive cuts at the grid's ends and every infusion start and end.
struct DosingSegment {
  std::size_t first = 0;
  std::size_t last = 0;
  double rate_mg_per_day = 0.0;  // sum of the infusions running in it
};

class SimulationPlan {
 public:
  // Checks every input and builds the grid: days 0 to horizon_day every output_step_day, every
  // infusion start and end (so peaks at the end of an infusion are grid points), the times the
  // course summary reads (course_summary_times()), and extra_times_day (those outside the horizon
  // are dropped). Times closer than kGridMergeTolDay are one time.
  // Throws PlanError: a course that validate_regimen() rejects (kCourses), a horizon that is not
  // finite or ends before the last infusion (kHorizon), a step that is not a finite number > 0 or
  // gives more than kMaxOutputSteps steps (kOutputStep), an extra time that is not finite
  // (kExtraTimes), solver options that validate() rejects (kSolver).
  SimulationPlan(std::vector<Course> courses, double horizon_day, double output_step_day = 1.0,
                 std::span<const double> extra_times_day = {}, const SolverOptions& solver = {});

  const std::vector<Course>& courses() const { return courses_; }
  std::span<const Infusion> infusions() const { return infusions_; }  // sorted by start
  std::span<const double> grid_day() const { return grid_day_; }       // days from day 0, increasing
  // The stretches every integration restarts at (sim/simulate.hpp), in order, covering the grid.
  std::span<const DosingSegment> segments() const { return segments_; }
  double horizon_day() const { return horizon_day_; }
  double output_step_day() const { return output_step_day_; }
  const SolverOptions& solver() const { return solver_; }

  // Index of the grid time within kGridMergeTolDay of t_day. Throws std::invalid_argument if none.
  std::size_t index_of(double t_day) const;

  // The same plan integrated with other solver options (the numerical checks compare them).
  // Throws PlanError (kSolver) for options validate() rejects.
  SimulationPlan with_solver(const SolverOptions& solver) const;

 private:
  std::vector<Course> courses_;
  std::vector<Infusion> infusions_;
  std::vector<double> grid_day_;
  std::vector<DosingSegment> segments_;
  double horizon_day_;
  double output_step_day_;
  SolverOptions solver_;
};

}  // namespace alemsim
