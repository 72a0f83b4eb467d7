// The one place where alemsim calls Boost.Odeint. Every integration goes through integrate_on_times.
#pragma once

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <string>

#include <boost/numeric/odeint.hpp>

namespace alemsim {

// Tolerances are per state component: |err_i| <= abs_tol + rel_tol * |x_i| (odeint's error norm).
// States are amounts in mg (order 1–100) and cell counts in cells/µL (order 1–3000); abs_tol 1e-9 is
// far below anything measurable in either, so rel_tol governs. rel_tol 1e-6 (deSolve's default)
// keeps results far inside what anyone reads (3–4 significant digits). Measured on the 4-course
// regimen, typical patient, against a 1e-12 run: cell counts within 1.5e-6 relative at every output,
// every output within 7e-7 of its peak; a one-compartment infusion within 2.5e-6 of its closed form.
// The accuracy checks allow kAccuracyPerRelTol × rel_tol (tests/sim/solver_test.cpp,
// validation/numerical_checks.cpp). rel_tol 1e-8, the default before, cost 40% more time per patient.
// Global error allowed in checks, as a multiple of rel_tol: local errors of up to rel_tol per step
// add up over the steps of a course (measured: 2.5 × rel_tol on the closed-form check).
inline constexpr double kAccuracyPerRelTol = 10.0;

struct SolverOptions {
  // The method. Dormand–Prince is the default; Fehlberg 7(8) exists so that results can be checked
  // against an independent method of another order (validation/numerical_checks.cpp).
  enum class Stepper {
    kDormandPrince54,  // runge_kutta_dopri5 with dense output: outputs interpolated between steps
    kFehlberg78,       // runge_kutta_fehlberg78, error-controlled, stepping exactly onto each output time
  };
  Stepper stepper = Stepper::kDormandPrince54;
  double abs_tol = 1e-9;
  double rel_tol = 1e-6;
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

// Throws std::invalid_argument naming the option when it cannot give a meaningful integration:
// a tolerance that is not a finite number > 0, a step limit below 1, an unknown stepper.
inline void validate(const SolverOptions& options) {
  const auto check_tolerance = [](double value, const char* name) {
    if (!(value > 0.0) || !std::isfinite(value)) {
      throw std::invalid_argument(std::string("solver ") + name + ": expected a finite number > 0, got " +
                                  std::to_string(value));
    }
  };
  check_tolerance(options.abs_tol, "abs_tol");
  check_tolerance(options.rel_tol, "rel_tol");
  if (options.max_steps_between_outputs < 1) {
    throw std::invalid_argument("solver max_steps_between_outputs: expected a whole number >= 1, got " +
                                std::to_string(options.max_steps_between_outputs));
  }
  if (options.stepper != SolverOptions::Stepper::kDormandPrince54 && options.stepper != SolverOptions::Stepper::kFehlberg78) {
    throw std::invalid_argument("solver stepper: unknown method");
  }
}

// odeint's default step-size policy (grow by 0.9·err^(-1/order), at most 5-fold, when err < 0.5),
// with the bound 5^-order formed once: odeint's default_step_adjuster calls libm's pow for it on
// every step, and pow was 6% of a patient's time.
template <class Value, class Time>
class StepAdjuster : public boost::numeric::odeint::default_step_adjuster<Value, Time> {
 public:
  Time increase_step(Time dt, Value error, int stepper_order) const {
    if (error < 0.5) {
      const Value smallest = stepper_order == 5 ? 1.0 / 3125.0 : std::pow(5.0, -stepper_order);
      dt *= 0.9 * std::pow(std::max(smallest, error), -1.0 / stepper_order);
    }
    return dt;
  }
};

// odeint's default error checker, max_i |err_i| / (abs_tol + rel_tol·(|x_i| + dt·|dx_i/dt|)), written
// so that the compiler vectorises it: the quotients in one loop, their maximum in four independent
// running maxima. odeint's loop divides one component at a time into one std::max chain, which
// was a third of the stepper's time on a 4-lane patient group. The maximum of the same numbers
// is the same number in any order, so the steps are too. As in odeint, a NaN quotient is dropped
// from the maximum; the finite-state check after every step catches what produced it
// (integrate_on_times).
template <class Value, class Algebra, class Operations>
class MaxNormErrorChecker {
 public:
  using value_type = Value;
  using algebra_type = Algebra;

  MaxNormErrorChecker(Value abs_tol, Value rel_tol) : abs_tol_(abs_tol), rel_tol_(rel_tol) {}

  template <class State, class Deriv, class Err, class Time>
  Value error(Algebra&, const State& x_old, const Deriv& dxdt_old, Err& x_err, Time dt) const {
    return error(x_old, dxdt_old, x_err, dt);
  }
  // Overwrites x_err with the quotients, as odeint's does.
  template <class State, class Deriv, class Err, class Time>
  Value error(const State& x_old, const Deriv& dxdt_old, Err& x_err, Time dt) const {
    const Value step = std::abs(dt);
    const std::size_t n = x_err.size();
    for (std::size_t i = 0; i < n; ++i) {
      x_err[i] = std::abs(x_err[i]) / (abs_tol_ + rel_tol_ * (std::abs(x_old[i]) + step * std::abs(dxdt_old[i])));
    }
    constexpr std::size_t kWays = 4;
    Value most[kWays] = {0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
    for (; i + kWays <= n; i += kWays) {
      for (std::size_t w = 0; w < kWays; ++w) most[w] = x_err[i + w] > most[w] ? x_err[i + w] : most[w];
    }
    for (; i < n; ++i) most[0] = x_err[i] > most[0] ? x_err[i] : most[0];
    const Value a = most[0] > most[1] ? most[0] : most[1];
    const Value b = most[2] > most[3] ? most[2] : most[3];
    return a > b ? a : b;
  }

 private:
  Value abs_tol_;
  Value rel_tol_;
};

// Dormand–Prince 5(4) with dense output, the error checker and the step policy above.
template <class State>
auto make_dormand_prince(double abs_tol, double rel_tol) {
  namespace odeint = boost::numeric::odeint;
  using Dopri = odeint::runge_kutta_dopri5<State>;
  using Checker = MaxNormErrorChecker<double, typename Dopri::algebra_type, typename Dopri::operations_type>;
  using Controlled = odeint::controlled_runge_kutta<Dopri, Checker, StepAdjuster<double, double>>;
  return odeint::dense_output_runge_kutta<Controlled>(Controlled(Checker(abs_tol, rel_tol)));
}

// First step for an explicit method of order `order` from (t0, x): the starting-step algorithm of
// Hairer, Nørsett & Wanner, Solving ODEs I (2nd ed., 1993), section II.4, as SciPy's solve_ivp and
// Fortran DOPRI5 use it. Two right-hand-side evaluations; error scales as the controller's
// (abs_tol + rel_tol·|x_i|). Every segment restarts the stepper, so a fixed guess (one minute) cost
// several growing steps per infusion: 11% of all evaluations on the 4-course regimen.
template <class System, class State>
double initial_step(const System& system, const State& x, double t0, double span, double abs_tol, double rel_tol,
                    int order) {
  State f0{}, x1{}, f1{};
  system(x, f0, t0);
  double d0 = 0.0, d1 = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double scale = abs_tol + rel_tol * std::abs(x[i]);
    d0 = std::max(d0, std::abs(x[i]) / scale);
    d1 = std::max(d1, std::abs(f0[i]) / scale);
  }
  const double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 * span : std::min(0.01 * d0 / d1, span);
  for (std::size_t i = 0; i < x.size(); ++i) x1[i] = x[i] + h0 * f0[i];
  system(x1, f1, t0 + h0);
  double d2 = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    d2 = std::max(d2, std::abs(f1[i] - f0[i]) / (abs_tol + rel_tol * std::abs(x[i])));
  }
  d2 /= h0;
  const double d = std::max(d1, d2);
  const double h1 = d <= 1e-15 ? std::max(1e-6 * span, h0 * 1e-3) : std::pow(0.01 / d, 1.0 / (order + 1));
  return std::min({100.0 * h0, h1, span});
}

// Integrates `system` (odeint concept: system(x, dxdt, t)) from times.front() to times.back() with a
// fresh stepper of options.stepper (default Dormand–Prince 5(4) with dense output), calling
// observe(x, t) at every time in `times`.
// The first step tried is `first_step_day` if > 0, else initial_step(). Returns the last step size
// the controller chose: the caller passes it as the first step of a following segment.
// On return `x` holds the state at times.back(). The caller must not put a discontinuity inside
// (times.front(), times.back()): dosing boundaries separate calls, and each call restarts the stepper.
// Throws std::invalid_argument for options validate() rejects (checked on every call, as cheap as a
// few comparisons), SolverError when the step limit is hit, the step size collapses, or the state
// stops being finite.
template <class System, class State, class Observer>
double integrate_on_times(const System& system, State& x, std::span<const double> times, Observer&& observe,
                          const SolverOptions& options, double first_step_day = 0.0) {
  namespace odeint = boost::numeric::odeint;
  validate(options);
  if (times.empty()) return first_step_day;
  for (std::size_t i = 1; i < times.size(); ++i) {
    if (!(times[i] > times[i - 1])) throw SolverError(times[i], "output times must be strictly increasing");
  }
  const auto check_finite = [](const State& state, double t, const char* what) {
    double sum = 0.0;  // finite iff every component is (a sum of finite states this large is not a state)
    for (double xi : state) sum += xi;
    if (!std::isfinite(sum)) throw SolverError(t, what);
  };
  check_finite(x, times.front(), "initial state is not finite");
  if (times.size() == 1) {
    observe(x, times.front());
    return first_step_day;
  }
  const double span = times.back() - times.front();
  const int order = options.stepper == SolverOptions::Stepper::kFehlberg78 ? 7 : 5;
  const double first_step = first_step_day > 0.0
                                ? std::min(first_step_day, span)
                                : initial_step(system, x, times.front(), span, options.abs_tol, options.rel_tol, order);
  if (options.stepper == SolverOptions::Stepper::kFehlberg78) {
    double failed_at = times.front();
    auto checked_observe = [&](const State& state, double t) {
      check_finite(state, t, "state is no longer finite");
      failed_at = t;
      observe(state, t);
    };
    try {
      // odeint copies a stepper whose scratch arrays are sized but not yet written (they are written
      // on the first step); GCC's inlined-copy warning about that is a false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
      odeint::integrate_times(
          odeint::make_controlled(options.abs_tol, options.rel_tol, odeint::runge_kutta_fehlberg78<State>()), system, x,
          times.begin(), times.end(), first_step, checked_observe,
          odeint::max_step_checker(options.max_steps_between_outputs));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    } catch (const odeint::odeint_error& e) {
      throw SolverError(failed_at, e.what());
    }
    return first_step;
  }

  // Dormand–Prince with dense output: the loop of odeint::integrate_times, written out so that the
  // last step size can be handed on and the state is checked once per step rather than per output.
  auto stepper = make_dormand_prince<State>(options.abs_tol, options.rel_tol);
  stepper.initialize(x, times.front(), first_step);
  observe(static_cast<const State&>(x), times.front());
  std::size_t next = 1;
  int steps_since_output = 0;
  double free_step = first_step;  // the controller's last proposal not cut short by the segment's end
  // A step aimed exactly at times.back() may end a rounding error short of it.
  const double reached_tolerance = 1e-12 * std::max(1.0, std::abs(times.back()));
  try {
    while (next < times.size()) {
      // Outputs inside the last step come from its interpolant.
      while (next < times.size() && times[next] <= stepper.current_time() + reached_tolerance) {
        stepper.calc_state(times[next], x);
        observe(static_cast<const State&>(x), times[next]);
        ++next;
        steps_since_output = 0;
      }
      if (next == times.size()) break;
      if (++steps_since_output > options.max_steps_between_outputs) {
        throw SolverError(stepper.current_time(), "more than " + std::to_string(options.max_steps_between_outputs) +
                                                      " steps between two output times");
      }
      // Never step past the segment's end: the right-hand side changes there.
      free_step = stepper.current_time_step();
      if (stepper.current_time() + stepper.current_time_step() > times.back()) {
        stepper.initialize(stepper.current_state(), stepper.current_time(), times.back() - stepper.current_time());
      }
      stepper.do_step(system);
      check_finite(stepper.current_state(), stepper.current_time(), "state is no longer finite");
    }
  } catch (const odeint::odeint_error& e) {
    throw SolverError(stepper.current_time(), e.what());
  }
  // calc_state at times.back() equals the step's end state up to rounding; hand on the step's own.
  x = stepper.current_state();
  return free_step;
}

}  // namespace alemsim
