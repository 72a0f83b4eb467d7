#include "validation/minimise.hpp"

#include <cmath>

#include <nlopt.hpp>

namespace alemsim {
namespace {

struct Objective {
  const std::function<double(const std::vector<double>&)>* f;
  int evaluations = 0;
};

double call(const std::vector<double>& x, std::vector<double>& /*gradient: none, derivative-free*/, void* data) {
  auto* objective = static_cast<Objective*>(data);
  ++objective->evaluations;
  return (*objective->f)(x);
}

// One NLopt run from x; x holds the best point found on return.
Minimum run_once(Objective& objective, std::vector<double> x, double step, double f_tol, int max_evaluations) {
  nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(x.size()));
  opt.set_min_objective(call, &objective);
  opt.set_initial_step(step);
  opt.set_ftol_abs(f_tol);
  opt.set_maxeval(max_evaluations);
  Minimum m;
  const int before = objective.evaluations;
  double value = HUGE_VAL;
  nlopt::result result = nlopt::FAILURE;
  try {
    result = opt.optimize(x, value);
  } catch (const nlopt::roundoff_limited&) {
    result = nlopt::ROUNDOFF_LIMITED;  // as far as floating point goes: x and value are the best found
  }
  m.x = std::move(x);
  m.value = value;
  m.evaluations = objective.evaluations - before;
  m.converged = result == nlopt::FTOL_REACHED || result == nlopt::XTOL_REACHED || result == nlopt::SUCCESS ||
                result == nlopt::ROUNDOFF_LIMITED;
  return m;
}

}  // namespace

Minimum minimise_with_restarts(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                               double step, double f_tol, int max_evaluations) {
  constexpr int kMaxRestarts = 20;
  Objective objective{&f};
  Minimum best = run_once(objective, std::move(x0), step, f_tol, max_evaluations);
  for (int restart = 0; restart < kMaxRestarts && objective.evaluations < max_evaluations; ++restart) {
    Minimum again = run_once(objective, best.x, step, f_tol, max_evaluations - objective.evaluations);
    const bool improved = again.value < best.value - 1e-8 * (1.0 + best.value);
    if (again.value <= best.value) {
      best.x = std::move(again.x);
      best.value = again.value;
      best.converged = again.converged;
    }
    if (!improved) break;
  }
  best.evaluations = objective.evaluations;
  return best;
}

}  // namespace alemsim
