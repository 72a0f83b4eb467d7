// Reference systems with known answers, shared by the unit tests and `alemsim validate`'s numerical
// verification: the model with a state that counts the drug it eliminates (mass balance), and a
// one-compartment model with its closed-form solution.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "models/alemtuzumab_model.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// The model plus one state accumulating every mg it eliminates, integrated by the same engine.
struct ModelWithEliminated {
  static constexpr std::array<std::size_t, 1> kDoseStates{AlemtuzumabModel::kDoseState};
  static constexpr std::size_t kEliminatedMg = AlemtuzumabModel::kStateSize;
  using State = std::array<double, AlemtuzumabModel::kStateSize + 1>;
  AlemtuzumabModel model;
  State initial_state() const {
    State x{};
    const auto base = model.initial_state();
    std::copy(base.begin(), base.end(), x.begin());
    return x;
  }
  void operator()(const State& x, State& dxdt, double t) const {
    AlemtuzumabModel::State xs, ds;
    std::copy_n(x.begin(), AlemtuzumabModel::kStateSize, xs.begin());
    model(xs, ds, t);
    std::copy(ds.begin(), ds.end(), dxdt.begin());
    dxdt[kEliminatedMg] = model.linear_elimination_mg_per_day(xs) + model.target_elimination_mg_per_day(xs);
  }
};

inline double dosed_mg(std::span<const Infusion> infusions, double t_day) {
  double dosed = 0.0;
  for (const Infusion& inf : infusions) {
    dosed += inf.rate_mg_per_day * std::clamp(t_day - inf.start_day, 0.0, inf.end_day - inf.start_day);
  }
  return dosed;
}

// dA/dt = R(t) - k A (mg, 1/day): the exact solution is a sum of infusion terms.
struct OneCompartment {
  static constexpr std::array<std::size_t, 1> kDoseStates{0};
  using State = std::array<double, 1>;
  double k_per_day;
  State initial_state() const { return {0.0}; }
  void operator()(const State& x, State& dxdt, double) const { dxdt[0] = -k_per_day * x[0]; }
};

inline double exact_one_compartment_mg(std::span<const Infusion> infusions, double k, double t) {
  double a = 0.0;
  for (const Infusion& inf : infusions) {
    if (t <= inf.start_day) continue;
    const double t_on = std::min(t, inf.end_day) - inf.start_day;
    a += inf.rate_mg_per_day / k * (1.0 - std::exp(-k * t_on)) * std::exp(-k * std::max(0.0, t - inf.end_day));
  }
  return a;
}

}  // namespace alemsim
