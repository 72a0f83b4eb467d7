// Alemtuzumab serum kinetics with elimination through a lumped pool of CD52-bearing lymphocytes.
// Equations, assumptions and sources: models/pk.md. No I/O, no globals: a plain odeint system.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "models/output_quantity.hpp"
#include "models/model_params.hpp"

namespace alemsim {

struct PkModel {
  // State indices.
  static constexpr std::size_t kCentralMg = 0;       // drug amount in the central compartment, mg
  static constexpr std::size_t kTargetCellsPerUl = 1;  // CD52-bearing lymphocytes in blood, cells/µL
  static constexpr std::size_t kStateSize = 2;
  // Infusions add to this state (mg/day); the engine adds the rate, the model never sees doses.
  static constexpr std::size_t kDoseState = kCentralMg;

  using State = std::array<double, kStateSize>;

  // What the model reports at each output time, in this order (see outputs()).
  static constexpr std::array<OutputQuantity, 2> kOutputs{{
      {"concentration_ng_per_ml", "Serum alemtuzumab", "ng/mL"},
      {"cd52_pool_cells_per_ul", "CD52-bearing lymphocytes (lumped)", "cells/uL"},
  }};
  static constexpr std::size_t kConcentrationOutput = 0;

  // mg/L is µg/mL; output is in ng/mL.
  static constexpr double kNgPerMlPerMgPerL = 1000.0;

  ModelParams params;

  State initial_state() const {
    State x{};
    x[kCentralMg] = 0.0;
    x[kTargetCellsPerUl] = params.target_baseline_cells_per_ul;
    return x;
  }

  double concentration_ng_per_ml(const State& x) const {
    return x[kCentralMg] / params.central_volume_l * kNgPerMlPerMgPerL;
  }

  // Once the drug has washed out, the solver leaves amounts within its absolute tolerance of zero
  // (|A| < 1e-9 mg, i.e. < 1e-7 ng/mL) on either side; a negative concentration is that noise.
  std::array<double, kOutputs.size()> outputs(const State& x) const {
    return {std::max(0.0, concentration_ng_per_ml(x)), x[kTargetCellsPerUl]};
  }

  // Fraction of CD52 sites occupied: one binding constant drives both elimination and lysis.
  double cd52_occupancy(const State& x) const {
    const double c = concentration_ng_per_ml(x);
    return c / (params.target_km_ng_per_ml + c);
  }

  // CD52-mediated elimination, mg/day: Michaelis–Menten in concentration, proportional to the pool.
  double target_elimination_mg_per_day(const State& x) const {
    const double pool_fraction = x[kTargetCellsPerUl] / params.target_baseline_cells_per_ul;
    return params.target_vmax_mg_per_day * pool_fraction * cd52_occupancy(x);
  }

  double linear_elimination_mg_per_day(const State& x) const {
    return params.linear_clearance_l_per_day * x[kCentralMg] / params.central_volume_l;
  }

  // dx/dt without dosing. t is unused: the model is autonomous, dosing lives in the engine.
  void operator()(const State& x, State& dxdt, double /*t_day*/) const {
    const double lysis_per_day = params.kill_max_per_day * cd52_occupancy(x);
    const double l = x[kTargetCellsPerUl];

    dxdt[kCentralMg] = -linear_elimination_mg_per_day(x) - target_elimination_mg_per_day(x);
    dxdt[kTargetCellsPerUl] =
        params.target_turnover_per_day * (params.target_baseline_cells_per_ul - l) - lysis_per_day * l;
  }
};

}  // namespace alemsim
