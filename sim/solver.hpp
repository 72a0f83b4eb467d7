// The one place where alemsim calls Boost.Odeint. Every integration goes through integrate_on_times.
#pragma once

#include <cmath>
#include <span>
#include <stdexcept>
#include <string>

#include <boost/numeric/odeint.hpp>

namespace alemsim {

// Tolerances are per state component: |err_i| <= abs_tol + rel_tol * |x_i| (odeint's error norm).
// States are amounts in mg (order 1–100) and cell counts in cells/µL (order 1–3000); abs_tol 1e-9 is
// far below anything measurable in either, so rel_tol governs. rel_tol 1e-8 keeps the closed-form
// one-compartment check below 1e-6 relative error with margin (tests/sim/solver_test.cpp).
struct SolverOptions {
  double abs_tol = 1e-9;
  double rel_tol = 1e-8;
  double initial_step_day = 1.0 / 1440.0;  // one minute; the controller grows it at once
  // Steps allowed between two consecutive output times before the run is declared stuck.
  int max_steps_between_outputs = 200000;
};

// A failed integration: where it failed and why.
class SolverError : public std::runtime_error {
 public:
  SolverError(double time_day, const std::string& what)
      : std::runtime_error("solver failed at t = " + std::to_string(time_day) + " day: " + what),
        time_day_(time_day) {}
  double time_day() const { return time_day_; }

 private:
  double time_day_;
};

// Throws std::invalid_argument for options that cannot give a meaningful integration.
inline void validate(const SolverOptions& options) {
  if (!(options.abs_tol > 0.0) || !(options.rel_tol > 0.0)) {
    throw std::invalid_argument("solver tolerances must be > 0");
  }
  if (!(options.initial_step_day > 0.0)) throw std::invalid_argument("solver initial step must be > 0");
  if (options.max_steps_between_outputs < 1) throw std::invalid_argument("solver step limit must be >= 1");
}

// Integrates `system` (odeint concept: system(x, dxdt, t)) from times.front() to times.back() with a
// fresh Dormand–Prince 5(4) dense-output stepper, calling observe(x, t) at every time in `times`.
// On return `x` holds the state at times.back(). The caller must not put a discontinuity inside
// (times.front(), times.back()): dosing boundaries separate calls, and each call restarts the stepper.
// `first_step_day` (default: options.initial_step_day) is only the first trial step: the controller
// shrinks it until the error test passes. Returns the step size the controller would take next, a
// good first trial step for the following call.
// Throws SolverError when the step limit is hit, the step size collapses, or the state stops being finite.
template <class System, class State, class Observer>
double integrate_on_times(const System& system, State& x, std::span<const double> times, Observer&& observe,
                          const SolverOptions& options, double first_step_day = 0.0) {
  namespace odeint = boost::numeric::odeint;
  if (times.empty()) return options.initial_step_day;
  for (std::size_t i = 1; i < times.size(); ++i) {
    if (!(times[i] > times[i - 1])) throw SolverError(times[i], "output times must be strictly increasing");
  }
  for (double xi : x) {
    if (!std::isfinite(xi)) throw SolverError(times.front(), "initial state is not finite");
  }
  if (times.size() == 1) {
    observe(x, times.front());
    return options.initial_step_day;
  }
  const double trial = first_step_day > 0.0 ? first_step_day : options.initial_step_day;
  const double first_step = std::min(trial, times.back() - times.front());
  auto stepper = odeint::make_dense_output(options.abs_tol, options.rel_tol, odeint::runge_kutta_dopri5<State>());
  double failed_at = times.front();
  auto checked_observe = [&](const State& state, double t) {
    for (double xi : state) {
      if (!std::isfinite(xi)) throw SolverError(t, "state is no longer finite");
    }
    failed_at = t;
    observe(state, t);
  };
  try {
    // By reference: odeint copies a stepper passed by value, and the final step size is read from it below.
    odeint::integrate_times(boost::ref(stepper), system, x, times.begin(), times.end(), first_step, checked_observe,
                            odeint::max_step_checker(options.max_steps_between_outputs));
  } catch (const odeint::odeint_error& e) {
    throw SolverError(failed_at, e.what());
  }
  return stepper.current_time_step();
}

}  // namespace alemsim
