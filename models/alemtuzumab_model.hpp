// Alemtuzumab in serum, the lymphocyte subsets it depletes (which are also its CD52 target), the
// B-cell survival factor BAFF, and anti-drug antibodies. Equations, assumptions and sources:
// models/model.md. No I/O, no globals: a plain odeint system.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "models/model_params.hpp"
#include "models/output_quantity.hpp"
#include "models/reference_ranges.hpp"

namespace alemsim {

struct AlemtuzumabModel {
  // State indices.
  static constexpr std::size_t kCentralMg = 0;     // drug amount in the central compartment, mg
  static constexpr std::size_t kCd4CellsPerUl = 1;   // CD4+ T cells in blood, cells/µL
  static constexpr std::size_t kCd8CellsPerUl = 2;   // CD8+ T cells, cells/µL
  static constexpr std::size_t kCd19CellsPerUl = 3;  // CD19+ B cells, cells/µL
  static constexpr std::size_t kNkCellsPerUl = 4;    // NK cells, cells/µL
  static constexpr std::size_t kBaffFold = 5;        // BAFF, fold of its pre-treatment level
  static constexpr std::size_t kAdaPrimed = 6;       // primed antibody response, titer units
  static constexpr std::size_t kAdaTiter = 7;        // circulating anti-drug antibody, × assay cut point
  static constexpr std::size_t kStateSize = 8;
  // Infusions add to this state (mg/day); the engine adds the rate, the model never sees doses.
  static constexpr std::size_t kDoseState = kCentralMg;

  using State = std::array<double, kStateSize>;

  // What the model reports at each output time, in this order (see outputs()), with each count's
  // lower limit of normal (models/reference_ranges.hpp).
  static constexpr std::array<OutputQuantity, 7> kOutputs{{
      {"concentration_ng_per_ml", "Serum alemtuzumab", "ng/mL", QuantityRole::kDrugConcentration, "concentration"},
      {"cd4_cells_per_ul", "CD4+ T cells", "cells/uL", QuantityRole::kBloodSubset, "cd4", kCd4LowerLimitCellsPerUl,
       true},
      {"cd8_cells_per_ul", "CD8+ T cells", "cells/uL", QuantityRole::kBloodSubset, "cd8", kCd8LowerLimitCellsPerUl},
      {"cd19_cells_per_ul", "CD19+ B cells", "cells/uL", QuantityRole::kBloodSubset, "cd19", kCd19LowerLimitCellsPerUl},
      {"nk_cells_per_ul", "NK cells", "cells/uL", QuantityRole::kBloodSubset, "nk"},
      {"lymphocytes_cells_per_ul", "Total lymphocytes", "cells/uL", QuantityRole::kTotalLymphocytes, "lymphocytes",
       kLymphocyteLowerLimitCellsPerUl},
      {"ada_titer", "Anti-drug antibody titer", "x cut point", QuantityRole::kAntibodyTiter, "ada"},
  }};

  // mg/L is µg/mL; concentrations are in ng/mL.
  static constexpr double kNgPerMlPerMgPerL = 1000.0;

  ModelParams params;

  // Constants derived from params once per patient: the right-hand side runs thousands of times.
  struct Derived {
    double cd4_half_cells_per_ul;   // homeostatic half-saturation counts
    double cd8_half_cells_per_ul;
    double cd4_thymic_cells_per_ul_day;  // thymic outputs that make the baselines steady states
    double cd8_thymic_cells_per_ul_day;
    double baseline_pool_cells_per_ul;
    double ng_per_ml_per_mg;             // 1000 / V: concentration of 1 mg in the central volume
    // Quotients of parameters, formed once: divisions are the right-hand side's slowest operations.
    double linear_elimination_per_day;   // CL / V
    double target_vmax_mg_per_day_per_pool_cell;  // Vmax / Pool_ref
    double per_neutralising_half_titer;  // 1 / Ab_N50
  } derived;

  explicit AlemtuzumabModel(const ModelParams& p) : params(p), derived(derive(p)) {}

  State initial_state() const {
    State x{};
    x[kCd4CellsPerUl] = params.cd4_baseline_cells_per_ul;
    x[kCd8CellsPerUl] = params.cd8_baseline_cells_per_ul;
    x[kCd19CellsPerUl] = params.cd19_baseline_cells_per_ul;
    x[kNkCellsPerUl] = params.nk_baseline_cells_per_ul;
    x[kBaffFold] = 1.0;
    return x;
  }

  // Drug amount as every rate sees it. Once the drug has washed out the solver leaves the amount
  // within its absolute tolerance of zero (|A| < 1e-9 mg) on either side; below zero is no drug.
  // Clamping it removes the target-mediated elimination's fast mode (Vmax/(Km·V) = 1.2/day) from the
  // washout phase, where it would otherwise cap explicit steps at about 2.5 days.
  static double drug_mg(const State& x) { return std::max(0.0, x[kCentralMg]); }

  double concentration_ng_per_ml(const State& x) const { return drug_mg(x) * derived.ng_per_ml_per_mg; }

  // Lymphocytes not in the four subsets (mostly CD4−CD8− T cells) follow the T cells.
  double other_cells_per_ul(double cd4, double cd8) const { return params.other_per_cd4_cd8_cell * (cd4 + cd8); }

  double total_lymphocytes_cells_per_ul(const State& x) const {
    return x[kCd4CellsPerUl] + x[kCd8CellsPerUl] + other_cells_per_ul(x[kCd4CellsPerUl], x[kCd8CellsPerUl]) +
           x[kCd19CellsPerUl] + x[kNkCellsPerUl];
  }

  // CD52 target pool in CD4+-cell equivalents, cells/µL: each subset weighted by its CD52 density
  // relative to CD4+ T cells (the remainder, mostly T cells, as CD4+ T cells).
  double cd52_pool_cells_per_ul(double cd4, double cd8, double cd19, double nk) const {
    return cd52_pool_cells_per_ul(params, cd4, cd8, cd19, nk);
  }
  static double cd52_pool_cells_per_ul(const ModelParams& p, double cd4, double cd8, double cd19, double nk) {
    return cd4 + p.cd8_cd52_relative_density * cd8 + p.other_per_cd4_cd8_cell * (cd4 + cd8) +
           p.cd19_cd52_relative_density * cd19 + p.nk_cd52_relative_density * nk;
  }
  double baseline_cd52_pool_cells_per_ul() const { return derived.baseline_pool_cells_per_ul; }

  // The pool Vmax is the capacity of: that of the typical MS patient (the shipped typical baselines
  // and CD52 densities of models/model_params.cpp), cells/µL. The capacity follows a patient's
  // absolute pool, so a patient with more lymphocytes clears more drug (Li 2018; Mould 2007:
  // Vmax grows with the white-cell count), and the typical patient's capacity is Vmax.
  static double reference_cd52_pool_cells_per_ul() {
    static const double pool = [] {
      const ModelParams p = typical_params();
      return cd52_pool_cells_per_ul(p, p.cd4_baseline_cells_per_ul, p.cd8_baseline_cells_per_ul,
                                    p.cd19_baseline_cells_per_ul, p.nk_baseline_cells_per_ul);
    }();
    return pool;
  }

  // Fraction of CD52 sites occupied: one binding constant drives both elimination and lysis.
  // c·f / (Km + c·f), f = Ab_N50 / (Ab_N50 + Ab) the fraction of drug neutralising antibodies leave
  // free to bind CD52 (models/model.md), written as c / (Km·(1 + Ab/Ab_N50) + c): the
  // right-hand side waits on this value, and two divisions in a row were its longest chain. Without
  // antibodies (Ab = 0) the value does not depend on Ab_N50 at all, to the last bit.
  double cd52_occupancy(const State& x) const {
    const double titer = std::max(0.0, x[kAdaTiter]);
    const double c = concentration_ng_per_ml(x);
    return c / (params.target_km_ng_per_ml * (1.0 + titer * derived.per_neutralising_half_titer) + c);
  }

  double linear_elimination_mg_per_day(const State& x) const {
    const double titer = std::max(0.0, x[kAdaTiter]);
    return derived.linear_elimination_per_day * (1.0 + params.ada_clearance_per_titer * titer) * drug_mg(x);
  }

  // CD52-mediated elimination, mg/day: Michaelis–Menten in concentration, proportional to the pool.
  double target_elimination_mg_per_day(const State& x) const { return target_elimination_mg_per_day(x, cd52_occupancy(x)); }
  double target_elimination_mg_per_day(const State& x, double occupancy) const {
    const double pool = cd52_pool_cells_per_ul(x[kCd4CellsPerUl], x[kCd8CellsPerUl], x[kCd19CellsPerUl], x[kNkCellsPerUl]);
    return derived.target_vmax_mg_per_day_per_pool_cell * pool * occupancy;
  }

  // Thymic output that holds a T-cell subset at its baseline (steady state of dT/dt below).
  static double thymic_output(double baseline, double death, double prolif_max, double half) {
    return death * baseline - homeostatic_proliferation(baseline, prolif_max, half);
  }
  // Homeostatic proliferation, cells/µL/day: per-cell rate prolif_max / (1 + T / half), so it
  // strengthens as the pool empties (Jones JL et al., PNAS 2013: T-cell recovery is homeostatic).
  static double homeostatic_proliferation(double t, double prolif_max, double half) {
    return prolif_max * t * half / (half + t);  // = prolif_max · T / (1 + T/half), one division
  }

  static Derived derive(const ModelParams& p) {
    Derived d{};
    d.cd4_half_cells_per_ul = p.cd4_homeostatic_half_fraction * p.cd4_baseline_cells_per_ul;
    d.cd8_half_cells_per_ul = p.cd8_homeostatic_half_fraction * p.cd8_baseline_cells_per_ul;
    d.cd4_thymic_cells_per_ul_day = thymic_output(p.cd4_baseline_cells_per_ul, p.cd4_death_per_day,
                                                  p.cd4_homeostatic_max_per_day, d.cd4_half_cells_per_ul);
    d.cd8_thymic_cells_per_ul_day = thymic_output(p.cd8_baseline_cells_per_ul, p.cd8_death_per_day,
                                                  p.cd8_homeostatic_max_per_day, d.cd8_half_cells_per_ul);
    d.baseline_pool_cells_per_ul = cd52_pool_cells_per_ul(p, p.cd4_baseline_cells_per_ul, p.cd8_baseline_cells_per_ul,
                                                          p.cd19_baseline_cells_per_ul, p.nk_baseline_cells_per_ul);
    d.ng_per_ml_per_mg = kNgPerMlPerMgPerL / p.central_volume_l;
    d.linear_elimination_per_day = p.linear_clearance_l_per_day / p.central_volume_l;
    d.target_vmax_mg_per_day_per_pool_cell = p.target_vmax_mg_per_day / reference_cd52_pool_cells_per_ul();
    d.per_neutralising_half_titer = 1.0 / p.ada_neutralising_half_titer;
    return d;
  }

  std::array<double, kOutputs.size()> outputs(const State& x) const {
    // The titer, like the drug amount, may sit a hair below zero before the first antibody appears.
    return {concentration_ng_per_ml(x),
            x[kCd4CellsPerUl],
            x[kCd8CellsPerUl],
            x[kCd19CellsPerUl],
            x[kNkCellsPerUl],
            total_lymphocytes_cells_per_ul(x),
            std::max(0.0, x[kAdaTiter])};
  }

  // dx/dt without dosing. t is unused: the model is autonomous, dosing lives in the engine.
  void operator()(const State& x, State& dxdt, double /*t_day*/) const {
    const ModelParams& p = params;
    const double occupancy = cd52_occupancy(x);
    const double lysis_per_day = p.kill_max_per_day * occupancy;

    dxdt[kCentralMg] = -linear_elimination_mg_per_day(x) - target_elimination_mg_per_day(x, occupancy);

    const double cd4 = x[kCd4CellsPerUl];
    dxdt[kCd4CellsPerUl] = derived.cd4_thymic_cells_per_ul_day +
                           homeostatic_proliferation(cd4, p.cd4_homeostatic_max_per_day, derived.cd4_half_cells_per_ul) -
                           (p.cd4_death_per_day + lysis_per_day) * cd4;

    const double cd8 = x[kCd8CellsPerUl];
    dxdt[kCd8CellsPerUl] =
        derived.cd8_thymic_cells_per_ul_day +
        homeostatic_proliferation(cd8, p.cd8_homeostatic_max_per_day, derived.cd8_half_cells_per_ul) -
        (p.cd8_death_per_day + p.cd8_cd52_relative_density * lysis_per_day) * cd8;

    // B cells: marrow output scaled by BAFF; BAFF is made at a constant rate and consumed by B cells,
    // so it accumulates while they are depleted and drives them above baseline on return
    // (Thompson SA et al., J Clin Immunol 2010).
    const double cd19 = x[kCd19CellsPerUl];
    const double baff = x[kBaffFold];
    dxdt[kCd19CellsPerUl] = p.cd19_turnover_per_day * (p.cd19_baseline_cells_per_ul * baff - cd19) -
                            p.cd19_cd52_relative_density * lysis_per_day * cd19;
    // Divided, not multiplied by 1/B0: at baseline B/B0 is exactly 1, so the untreated patient is an
    // exact steady state (tests/models/alemtuzumab_model_test.cpp).
    dxdt[kBaffFold] = p.baff_production_per_day * (1.0 - baff * (cd19 / p.cd19_baseline_cells_per_ul));

    const double nk = x[kNkCellsPerUl];
    dxdt[kNkCellsPerUl] = p.nk_turnover_per_day * (p.nk_baseline_cells_per_ul - nk) -
                          p.nk_cd52_relative_density * lysis_per_day * nk;

    // Anti-drug antibodies: drug in serum primes a response (boosted by existing antibody: memory),
    // which matures into circulating antibody weeks later and then wanes.
    const double c = concentration_ng_per_ml(x);
    const double antigen_signal = c / (p.ada_antigen_half_ng_per_ml + c);
    const double titer = std::max(0.0, x[kAdaTiter]);
    dxdt[kAdaPrimed] = p.ada_propensity * p.ada_priming_per_day * antigen_signal *
                           (1.0 + p.ada_memory_boost_per_titer * titer) -
                       p.ada_maturation_per_day * x[kAdaPrimed];
    dxdt[kAdaTiter] = p.ada_maturation_per_day * x[kAdaPrimed] - p.ada_decay_per_day * x[kAdaTiter];
  }
};

}  // namespace alemsim
