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
  // The method. Dormand–Prince is the default; Fehlberg 7(8) exists so that results can be checked
  // against an independent method of another order (validation/numerical_checks.cpp).
  enum class Stepper {
    kDormandPrince54,  // runge_kutta_dopri5 with dense output: outputs interpolated between steps
    kFehlberg78,       // runge_kutta_fehlberg78, error-controlled, stepping exactly onto each output time
  };
  Stepper stepper = Stepper::kDormandPrince54;
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
// fresh stepper of options.stepper (default Dormand–Prince 5(4) with dense output), calling
// observe(x, t) at every time in `times`.
// On return `x` holds the state at times.back(). The caller must not put a discontinuity inside
// (times.front(), times.back()): dosing boundaries separate calls, and each call restarts the stepper.
// Throws SolverError when the step limit is hit, the step size collapses, or the state stops being finite.
template <class System, class State, class Observer>
void integrate_on_times(const System& system, State& x, std::span<const double> times, Observer&& observe,
                        const SolverOptions& options) {
  namespace odeint = boost::numeric::odeint;
  if (times.empty()) return;
  for (std::size_t i = 1; i < times.size(); ++i) {
    if (!(times[i] > times[i - 1])) throw SolverError(times[i], "output times must be strictly increasing");
  }
  for (double xi : x) {
    if (!std::isfinite(xi)) throw SolverError(times.front(), "initial state is not finite");
  }
  if (times.size() == 1) {
    observe(x, times.front());
    return;
  }
  const double first_step = std::min(options.initial_step_day, times.back() - times.front());
  double failed_at = times.front();
  auto checked_observe = [&](const State& state, double t) {
    for (double xi : state) {
      if (!std::isfinite(xi)) throw SolverError(t, "state is no longer finite");
    }
    failed_at = t;
    observe(state, t);
  };
  const auto run = [&](auto&& stepper) {
    odeint::integrate_times(stepper, system, x, times.begin(), times.end(), first_step, checked_observe,
                            odeint::max_step_checker(options.max_steps_between_outputs));
  };
  try {
    switch (options.stepper) {
      case SolverOptions::Stepper::kDormandPrince54:
        run(odeint::make_dense_output(options.abs_tol, options.rel_tol, odeint::runge_kutta_dopri5<State>()));
        break;
      case SolverOptions::Stepper::kFehlberg78:
        // odeint copies a stepper whose scratch arrays are sized but not yet written (they are
        // written on the first step); GCC's inlined-copy warning about that is a false positive.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
        run(odeint::make_controlled(options.abs_tol, options.rel_tol, odeint::runge_kutta_fehlberg78<State>()));
#pragma GCC diagnostic pop
        break;
    }
  } catch (const odeint::odeint_error& e) {
    throw SolverError(failed_at, e.what());
  }
}

}  // namespace alemsim
