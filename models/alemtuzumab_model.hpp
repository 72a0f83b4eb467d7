// Alemtuzumab in serum and the lymphocytes it depletes (which are also its CD52 target): naive and
// memory CD4+ and CD8+ T cells, CD19+ B cells and NK cells, each in blood and in lymphoid tissue;
// the B-cell survival factor BAFF; anti-drug antibodies. Equations, assumptions and sources:
// models/model.md. No I/O, no globals: a plain odeint system.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "models/model_params.hpp"
#include "models/output_quantity.hpp"
#include "models/reference_ranges.hpp"

namespace alemsim {

struct AlemtuzumabModel {
  // The lymphocyte populations. Each lives in two compartments, blood and lymphoid tissue, both
  // counted in blood-equivalent cells/µL (a tissue count is what the blood would show at
  // equilibrium), so the untreated patient has the same count in both.
  enum Population : std::size_t { kCd4Naive, kCd4Memory, kCd8Naive, kCd8Memory, kCd19, kNk, kPopulations };

  // State indices.
  static constexpr std::size_t kCentralMg = 0;  // drug amount in the central compartment, mg
  static constexpr std::size_t kFirstBlood = 1;   // kFirstBlood + population: blood, cells/µL
  static constexpr std::size_t kFirstTissue = kFirstBlood + kPopulations;  // lymphoid tissue, blood-equivalent cells/µL
  static constexpr std::size_t kBaffFold = kFirstTissue + kPopulations;    // BAFF, fold of its pre-treatment level
  static constexpr std::size_t kAdaPrimed = kBaffFold + 1;  // primed antibody response, titer units
  static constexpr std::size_t kAdaTiter = kAdaPrimed + 1;  // circulating anti-drug antibody, × assay cut point
  static constexpr std::size_t kStateSize = kAdaTiter + 1;
  static constexpr std::size_t blood(Population p) { return kFirstBlood + p; }
  static constexpr std::size_t tissue(Population p) { return kFirstTissue + p; }
  // Infusions add to this state (mg/day); the engine adds the rate, the model never sees doses.
  static constexpr std::size_t kDoseState = kCentralMg;

  using State = std::array<double, kStateSize>;

  // What the model reports at each output time, in this order (see outputs()), with each count's
  // lower limit of normal (models/reference_ranges.hpp). Every count is a blood count.
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
    std::array<double, kPopulations> baseline_cells_per_ul;  // X₀ of each population
    std::array<double, kPopulations> per_baseline;            // 1 / X₀
    std::array<double, kPopulations> lysis_weight;            // CD52 density relative to CD4+ T cells
    std::array<double, kPopulations> pool_weight;             // weight in the CD52 target pool
    double cd4_naive_thymic_cells_per_ul_day;  // thymic output s_θ·δ_N·X₀ (X₀ the naive baseline)
    double cd8_naive_thymic_cells_per_ul_day;
    double whole_body_per_tissue;              // 1 / (1 + φ): whole-body mean = (φ·blood + tissue)/(1 + φ)
    double per_baseline_lymphocytes;           // 1 / L₀ (whole body, blood-equivalent)
    double ng_per_ml_per_mg;                   // 1000 / V: concentration of 1 mg in the central volume
    // Quotients of parameters, formed once: divisions are the right-hand side's slowest operations.
    double linear_elimination_per_day;         // CL / V
    double target_vmax_mg_per_day_per_pool_cell;  // Vmax / Pool_ref
    double per_neutralising_half_titer;        // 1 / Ab_N50
  } derived;

  explicit AlemtuzumabModel(const ModelParams& p) : params(p), derived(derive(p)) {}

  State initial_state() const {
    State x{};
    for (std::size_t i = 0; i < kPopulations; ++i) {
      x[kFirstBlood + i] = derived.baseline_cells_per_ul[i];
      x[kFirstTissue + i] = derived.baseline_cells_per_ul[i];
    }
    x[kBaffFold] = 1.0;
    return x;
  }

  // Drug amount as every rate sees it. Once the drug has washed out the solver leaves the amount
  // within its absolute tolerance of zero (|A| < 1e-9 mg) on either side; below zero is no drug.
  // Clamping it removes the target-mediated elimination's fast mode from the washout phase, where it
  // would otherwise cap explicit steps at a few days.
  static double drug_mg(const State& x) { return std::max(0.0, x[kCentralMg]); }

  double concentration_ng_per_ml(const State& x) const { return drug_mg(x) * derived.ng_per_ml_per_mg; }

  // Lymphocytes not in the four subsets (mostly CD4−CD8− T cells) follow the T cells.
  double other_cells_per_ul(double cd4, double cd8) const { return params.other_per_cd4_cd8_cell * (cd4 + cd8); }

  double blood_cd4_cells_per_ul(const State& x) const { return x[blood(kCd4Naive)] + x[blood(kCd4Memory)]; }
  double blood_cd8_cells_per_ul(const State& x) const { return x[blood(kCd8Naive)] + x[blood(kCd8Memory)]; }
  double total_lymphocytes_cells_per_ul(const State& x) const {
    const double cd4 = blood_cd4_cells_per_ul(x), cd8 = blood_cd8_cells_per_ul(x);
    return cd4 + cd8 + other_cells_per_ul(cd4, cd8) + x[blood(kCd19)] + x[blood(kNk)];
  }

  // Every population's whole-body mean in blood-equivalent cells/µL: tissue holds 1/φ times as many
  // cells as blood at equilibrium.
  std::array<double, kPopulations> whole_body_cells_per_ul(const State& x) const {
    std::array<double, kPopulations> whole{};
    for (std::size_t i = 0; i < kPopulations; ++i) {
      whole[i] = (params.blood_to_tissue_size_ratio * x[kFirstBlood + i] + x[kFirstTissue + i]) *
                 derived.whole_body_per_tissue;
    }
    return whole;
  }

  // CD52 target pool in CD4+-cell equivalents, cells/µL: every population of the whole body weighted
  // by its CD52 density relative to CD4+ T cells (the remainder, mostly T cells, as CD4+ T cells).
  static double weighted_pool(const std::array<double, kPopulations>& weight,
                              const std::array<double, kPopulations>& cells_per_ul) {
    double pool = 0.0;
    for (std::size_t i = 0; i < kPopulations; ++i) pool += weight[i] * cells_per_ul[i];
    return pool;
  }
  double cd52_pool_cells_per_ul(const State& x) const { return weighted_pool(derived.pool_weight, whole_body_cells_per_ul(x)); }
  double baseline_cd52_pool_cells_per_ul() const { return baseline_cd52_pool_cells_per_ul(params); }
  static double baseline_cd52_pool_cells_per_ul(const ModelParams& p) {
    return weighted_pool(pool_weights(p), baselines_cells_per_ul(p));
  }

  // The pool Vmax is the capacity of: that of the typical MS patient (the shipped typical parameters
  // of models/model_params.cpp), cells/µL. The capacity follows a patient's absolute pool, so a
  // patient with more lymphocytes clears more drug (Li 2018; Mould 2007: Vmax grows with the
  // white-cell count), and the typical patient's capacity is Vmax.
  static double reference_cd52_pool_cells_per_ul() {
    static const double pool = baseline_cd52_pool_cells_per_ul(typical_params());
    return pool;
  }

  // Fraction of CD52 sites occupied: one binding constant drives both elimination and lysis.
  // c·f / (Km + c·f), f = Ab_N50 / (Ab_N50 + Ab) the fraction of drug neutralising antibodies leave
  // free to bind CD52 (models/model.md), written as c / (Km·(1 + Ab/Ab_N50) + c): one division.
  // Without antibodies (Ab = 0) the value does not depend on Ab_N50 at all, to the last bit.
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
    return target_elimination_mg_per_day(cd52_pool_cells_per_ul(x), occupancy);
  }
  double target_elimination_mg_per_day(double pool_cells_per_ul, double occupancy) const {
    return derived.target_vmax_mg_per_day_per_pool_cell * pool_cells_per_ul * occupancy;
  }

  // Net per-cell rate of homeostatic proliferation minus death, 1/day, for a pool at `fraction` of
  // its baseline: death δ, proliferation δ·(1 + h)/(1 + h·fraction), which balances death at
  // baseline and rises to (1 + h) times that as the pool empties (IL-7/IL-15-driven lymphopenic
  // expansion; Jones 2013). One division.
  static double homeostatic_net_per_day(double death_per_day, double boost, double fraction) {
    return death_per_day * ((1.0 + boost) / (1.0 + boost * fraction) - 1.0);
  }

  // Each population's pre-treatment count, cells/µL: the naive fractions split the T-cell baselines.
  static std::array<double, kPopulations> baselines_cells_per_ul(const ModelParams& p) {
    return {p.cd4_naive_fraction * p.cd4_baseline_cells_per_ul, (1.0 - p.cd4_naive_fraction) * p.cd4_baseline_cells_per_ul,
            p.cd8_naive_fraction * p.cd8_baseline_cells_per_ul, (1.0 - p.cd8_naive_fraction) * p.cd8_baseline_cells_per_ul,
            p.cd19_baseline_cells_per_ul,                       p.nk_baseline_cells_per_ul};
  }
  // Weights in the CD52 target pool: CD52 density relative to CD4+ T cells; the remainder (r_O per
  // CD4+ or CD8+ cell) counts as CD4+ T cells.
  static std::array<double, kPopulations> pool_weights(const ModelParams& p) {
    const double o = p.other_per_cd4_cd8_cell;
    return {1.0 + o, 1.0 + o, p.cd8_cd52_relative_density + o, p.cd8_cd52_relative_density + o,
            p.cd19_cd52_relative_density, p.nk_cd52_relative_density};
  }

  static Derived derive(const ModelParams& p) {
    Derived d{};
    d.baseline_cells_per_ul = baselines_cells_per_ul(p);
    for (std::size_t i = 0; i < kPopulations; ++i) d.per_baseline[i] = 1.0 / d.baseline_cells_per_ul[i];
    d.lysis_weight = {1.0, 1.0, p.cd8_cd52_relative_density, p.cd8_cd52_relative_density,
                      p.cd19_cd52_relative_density, p.nk_cd52_relative_density};
    d.pool_weight = pool_weights(p);
    d.cd4_naive_thymic_cells_per_ul_day =
        p.thymic_share_of_naive_production * p.cd4_naive_death_per_day * d.baseline_cells_per_ul[kCd4Naive];
    d.cd8_naive_thymic_cells_per_ul_day =
        p.thymic_share_of_naive_production * p.cd8_naive_death_per_day * d.baseline_cells_per_ul[kCd8Naive];
    d.whole_body_per_tissue = 1.0 / (1.0 + p.blood_to_tissue_size_ratio);
    d.per_baseline_lymphocytes =
        1.0 / ((1.0 + p.other_per_cd4_cd8_cell) * (p.cd4_baseline_cells_per_ul + p.cd8_baseline_cells_per_ul) +
               p.cd19_baseline_cells_per_ul + p.nk_baseline_cells_per_ul);
    d.ng_per_ml_per_mg = kNgPerMlPerMgPerL / p.central_volume_l;
    d.linear_elimination_per_day = p.linear_clearance_l_per_day / p.central_volume_l;
    d.target_vmax_mg_per_day_per_pool_cell = p.target_vmax_mg_per_day / reference_cd52_pool_cells_per_ul();
    d.per_neutralising_half_titer = 1.0 / p.ada_neutralising_half_titer;
    return d;
  }

  std::array<double, kOutputs.size()> outputs(const State& x) const {
    // The titer, like the drug amount, may sit a hair below zero before the first antibody appears.
    return {concentration_ng_per_ml(x),
            blood_cd4_cells_per_ul(x),
            blood_cd8_cells_per_ul(x),
            x[blood(kCd19)],
            x[blood(kNk)],
            total_lymphocytes_cells_per_ul(x),
            std::max(0.0, x[kAdaTiter])};
  }

  // dx/dt without dosing. t is unused: the model is autonomous, dosing lives in the engine.
  void operator()(const State& x, State& dxdt, double /*t_day*/) const {
    const ModelParams& p = params;
    const double occupancy = cd52_occupancy(x);
    const double blood_lysis_per_day = p.blood_lysis_max_per_day * occupancy;
    const double tissue_lysis_per_day = p.tissue_lysis_max_per_day * occupancy;

    // Whole-body means (blood-equivalent cells/µL), which the target pool, homeostasis and BAFF read.
    const std::array<double, kPopulations> whole = whole_body_cells_per_ul(x);

    dxdt[kCentralMg] = -linear_elimination_mg_per_day(x) -
                       target_elimination_mg_per_day(weighted_pool(derived.pool_weight, whole), occupancy);

    // Per population: a source (cells/µL/day, into both compartments alike), a net per-cell rate of
    // proliferation minus death, and redistribution between blood and tissue.
    const double th = p.thymic_share_of_naive_production;
    const double baff = std::max(0.0, x[kBaffFold]);
    const std::array<double, kPopulations> source = {
        derived.cd4_naive_thymic_cells_per_ul_day, 0.0, derived.cd8_naive_thymic_cells_per_ul_day, 0.0,
        p.cd19_turnover_per_day * p.cd19_baseline_cells_per_ul * std::pow(baff, p.cd19_output_baff_exponent),
        p.nk_turnover_per_day * p.nk_baseline_cells_per_ul};
    // Naive cells: peripheral division makes the share 1 − s_θ of their production at baseline and
    // rises by the naive boost as the pool empties; the thymus makes the rest, at a constant rate.
    const std::array<double, kPopulations> net_per_day = {
        (1.0 - th) * homeostatic_net_per_day(p.cd4_naive_death_per_day, p.naive_lymphopenic_boost,
                                             whole[kCd4Naive] * derived.per_baseline[kCd4Naive]) -
            th * p.cd4_naive_death_per_day,
        homeostatic_net_per_day(p.cd4_memory_death_per_day, p.cd4_memory_lymphopenic_boost,
                                whole[kCd4Memory] * derived.per_baseline[kCd4Memory]),
        (1.0 - th) * homeostatic_net_per_day(p.cd8_naive_death_per_day, p.naive_lymphopenic_boost,
                                             whole[kCd8Naive] * derived.per_baseline[kCd8Naive]) -
            th * p.cd8_naive_death_per_day,
        homeostatic_net_per_day(p.cd8_memory_death_per_day, p.cd8_memory_lymphopenic_boost,
                                whole[kCd8Memory] * derived.per_baseline[kCd8Memory]),
        -p.cd19_turnover_per_day,
        -p.nk_turnover_per_day};
    const double k_return = p.tissue_to_blood_per_day;
    const double k_home = p.blood_to_tissue_size_ratio * p.tissue_to_blood_per_day;
    for (std::size_t i = 0; i < kPopulations; ++i) {
      const double b = x[kFirstBlood + i], s = x[kFirstTissue + i];
      const double w = derived.lysis_weight[i];
      dxdt[kFirstBlood + i] = source[i] + net_per_day[i] * b + k_return * (s - b) - w * blood_lysis_per_day * b;
      dxdt[kFirstTissue + i] = source[i] + net_per_day[i] * s + k_home * (b - s) - w * tissue_lysis_per_day * s;
    }

    // BAFF relaxes towards a set point raised by lymphocyte depletion (Thompson 2010: raised from
    // month 1 to at least month 12, while T cells stay low); B-cell output follows BAFF^γ.
    const double lymphocytes = (1.0 + p.other_per_cd4_cd8_cell) *
                                   (whole[kCd4Naive] + whole[kCd4Memory] + whole[kCd8Naive] + whole[kCd8Memory]) +
                               whole[kCd19] + whole[kNk];
    dxdt[kBaffFold] =
        p.baff_turnover_per_day * (1.0 + p.baff_lymphopenia_gain * (1.0 - lymphocytes * derived.per_baseline_lymphocytes) -
                                   x[kBaffFold]);

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
