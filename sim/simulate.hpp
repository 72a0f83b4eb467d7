// Dosing engine: integrates a model through a sorted list of infusion records.
#pragma once

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>
#include <vector>

#include "sim/output_grid.hpp"
#include "sim/plan.hpp"
#include "sim/regimen.hpp"
#include "sim/solver.hpp"

namespace alemsim {

// Simulates `model` through `plan` from its initial state at day 0 to the horizon, calling
// observe(i, state) with the state at every grid time plan.grid_day()[i], in order. `Model` is an
// odeint system with State, kDoseStates (the components infusions enter, one per patient) and
// initial_state().
// Dosing is data: the grid is cut at every infusion start and end (grid points by construction of
// the plan), each piece is integrated with a fresh stepper, and the engine adds the infusion rate to
// each dose state; the model's right-hand side never sees a dose.
// Throws SolverError on integration failure.
template <class Model, class Observer>
void simulate_observed(const Model& model, const SimulationPlan& plan, Observer&& observe) {
  using State = typename Model::State;
  const std::span<const double> grid_day = plan.grid_day();
  const SolverOptions& options = plan.solver();
  State x = model.initial_state();
  observe(std::size_t{0}, static_cast<const State&>(x));
  double step_day = 0.0;  // the controller's step, handed from segment to segment (0: estimate it)
  for (const DosingSegment& segment : plan.segments()) {
    const double rate_mg_per_day = segment.rate_mg_per_day;
    const auto system = [&model, rate_mg_per_day](const State& s, State& dsdt, double t) {
      model(s, dsdt, t);
      for (std::size_t d : Model::kDoseStates) dsdt[d] += rate_mg_per_day;
    };
    // The segment's first time is the previous segment's last: it was observed already.
    std::size_t i = segment.first;
    step_day = integrate_on_times(
        system, x, grid_day.subspan(segment.first, segment.last - segment.first + 1),
        [&](const State& s, double) {
          if (i != segment.first) observe(i, s);
          ++i;
        },
        options, step_day);
  }
}

// The state at every grid time (simulate_observed, collected).
template <class Model>
std::vector<typename Model::State> simulate(const Model& model, const SimulationPlan& plan) {
  std::vector<typename Model::State> states(plan.grid_day().size());
  simulate_observed(model, plan, [&](std::size_t i, const typename Model::State& s) { states[i] = s; });
  return states;
}

}  // namespace alemsim
