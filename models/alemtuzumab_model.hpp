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

// The two operations the right-hand side needs beyond arithmetic, for one patient (double); a
// vector of patients brings its own (sim/lanes.hpp, found by argument-dependent lookup).
inline double zero_floor(double x) { return std::max(0.0, x); }
inline double power(double base, double exponent) { return std::pow(base, exponent); }

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
  static constexpr std::array<std::size_t, 1> kDoseStates{kDoseState};

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

  // Every constant the right-hand side reads, formed from params once per patient (the right-hand
  // side runs thousands of times; divisions are its slowest operations). A flat record of T and
  // arrays of T, nothing else: T is double for one patient, or a vector of several patients' values
  // (sim/lanes.hpp), which is this record transposed (PatientLanes::transpose, sim/patient_lanes.hpp).
  template <class T>
  struct RateConstants {
    T ng_per_ml_per_mg;              // 1000 / V: concentration of 1 mg in the central volume
    T target_km_ng_per_ml;           // Km
    T per_neutralising_half_titer;   // 1 / Ab_N50
    T linear_elimination_per_day;    // CL / V
    T ada_clearance_per_titer;       // κ_CL
    T target_vmax_mg_per_day_per_pool_cell;  // Vmax / Pool_ref
    T blood_lysis_max_per_day;       // k_lysis,b
    T tissue_lysis_max_per_day;      // k_lysis,t
    T blood_to_tissue_size_ratio;    // φ
    T whole_body_per_tissue;         // 1 / (1 + φ): whole-body mean = (φ·blood + tissue)/(1 + φ)
    T tissue_to_blood_per_day;       // k_ret
    T blood_to_tissue_per_day;       // φ·k_ret
    std::array<T, kPopulations> pool_weight;   // weight in the CD52 target pool
    std::array<T, kPopulations> lysis_weight;  // CD52 density relative to CD4+ T cells
    std::array<T, kPopulations> per_baseline;  // 1 / X₀
    // Per population p, the source into each compartment at BAFF 1 (cells/µL/day) and a net
    // per-cell rate. T cells (p < kCd19): scale·((1 + h)/(1 + h·X̄/X₀) − 1) − loss
    // (homeostatic_net_per_day), naive cells with scale (1 − s_θ)·δ and loss s_θ·δ, memory cells
    // with scale δ and loss 0. B and NK cells: −loss, their turnover.
    std::array<T, kPopulations> source_cells_per_ul_day;
    std::array<T, kCd19> homeostatic_scale_per_day;
    std::array<T, kCd19> lymphopenic_boost;
    std::array<T, kPopulations> fixed_loss_per_day;
    T cd19_output_baff_exponent;     // γ
    T other_per_cd4_cd8_cell;        // r_O
    T baff_turnover_per_day;         // k_F
    T baff_lymphopenia_gain;         // g_F
    T per_baseline_lymphocytes;      // 1 / L₀ (whole body, blood-equivalent)
    T ada_priming_per_day;           // ADA propensity × priming rate
    T ada_antigen_half_ng_per_ml;
    T ada_memory_boost_per_titer;
    T ada_maturation_per_day;
    T ada_decay_per_day;
  };
  RateConstants<double> k;

  explicit AlemtuzumabModel(const ModelParams& p) : params(p), k(rate_constants(p)) {}

  State initial_state() const {
    const std::array<double, kPopulations> baseline = baselines_cells_per_ul(params);
    State x{};
    for (std::size_t i = 0; i < kPopulations; ++i) {
      x[kFirstBlood + i] = baseline[i];
      x[kFirstTissue + i] = baseline[i];
    }
    x[kBaffFold] = 1.0;
    return x;
  }

  // Drug amount as every rate sees it. Once the drug has washed out the solver leaves the amount
  // within its absolute tolerance of zero (|A| < 1e-9 mg) on either side; below zero is no drug.
  // Clamping it removes the target-mediated elimination's fast mode from the washout phase, where it
  // would otherwise cap explicit steps at a few days. The titer, too, may sit a hair below zero
  // before the first antibody appears.
  static double drug_mg(const State& x) { return zero_floor(x[kCentralMg]); }
  static double ada_titer(const State& x) { return zero_floor(x[kAdaTiter]); }

  double concentration_ng_per_ml(const State& x) const { return drug_mg(x) * k.ng_per_ml_per_mg; }

  // The rates below are written once, for any scalar type T with +, −, ×, ÷, zero_floor() and
  // power(): double for one patient, a vector of patients for several at once (sim/lanes.hpp).
  // A state is anything whose x[i] is component i as a T.

  // Every population's whole-body mean in blood-equivalent cells/µL: tissue holds 1/φ times as many
  // cells as blood at equilibrium.
  template <class T, class StateIn>
  static std::array<T, kPopulations> whole_body_cells_per_ul(const RateConstants<T>& c, const StateIn& x) {
    std::array<T, kPopulations> whole;
    for (std::size_t i = 0; i < kPopulations; ++i) {
      whole[i] = (c.blood_to_tissue_size_ratio * x[kFirstBlood + i] + x[kFirstTissue + i]) * c.whole_body_per_tissue;
    }
    return whole;
  }
  std::array<double, kPopulations> whole_body_cells_per_ul(const State& x) const { return whole_body_cells_per_ul(k, x); }

  // CD52 target pool in CD4+-cell equivalents, cells/µL: every population of the whole body weighted
  // by its CD52 density relative to CD4+ T cells (the remainder, mostly T cells, as CD4+ T cells).
  template <class T>
  static T weighted_pool(const std::array<T, kPopulations>& weight, const std::array<T, kPopulations>& cells_per_ul) {
    T pool = weight[0] * cells_per_ul[0];
    for (std::size_t i = 1; i < kPopulations; ++i) pool = pool + weight[i] * cells_per_ul[i];
    return pool;
  }
  double cd52_pool_cells_per_ul(const State& x) const { return weighted_pool(k.pool_weight, whole_body_cells_per_ul(x)); }
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
  template <class T>
  static T cd52_occupancy(const RateConstants<T>& c, T concentration_ng_per_ml, T titer) {
    return concentration_ng_per_ml /
           (c.target_km_ng_per_ml * (1.0 + titer * c.per_neutralising_half_titer) + concentration_ng_per_ml);
  }
  double cd52_occupancy(const State& x) const { return cd52_occupancy(k, concentration_ng_per_ml(x), ada_titer(x)); }

  template <class T>
  static T linear_elimination_mg_per_day(const RateConstants<T>& c, T drug_mg, T titer) {
    return c.linear_elimination_per_day * (1.0 + c.ada_clearance_per_titer * titer) * drug_mg;
  }
  double linear_elimination_mg_per_day(const State& x) const { return linear_elimination_mg_per_day(k, drug_mg(x), ada_titer(x)); }

  // CD52-mediated elimination, mg/day: Michaelis–Menten in concentration, proportional to the pool.
  template <class T>
  static T target_elimination_mg_per_day(const RateConstants<T>& c, T pool_cells_per_ul, T occupancy) {
    return c.target_vmax_mg_per_day_per_pool_cell * pool_cells_per_ul * occupancy;
  }
  double target_elimination_mg_per_day(const State& x) const {
    return target_elimination_mg_per_day(k, cd52_pool_cells_per_ul(x), cd52_occupancy(x));
  }

  // Net per-cell rate of homeostatic proliferation minus death, 1/day, for a pool at `fraction` of
  // its baseline: death δ, proliferation δ·(1 + h)/(1 + h·fraction), which balances death at
  // baseline and rises to (1 + h) times that as the pool empties (IL-7/IL-15-driven lymphopenic
  // expansion; Jones 2013). One division.
  template <class T>
  static T homeostatic_net_per_day(T scale_per_day, T boost, T fraction) {
    return scale_per_day * ((1.0 + boost) / (1.0 + boost * fraction) - 1.0);
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

  static RateConstants<double> rate_constants(const ModelParams& p) {
    const std::array<double, kPopulations> baseline = baselines_cells_per_ul(p);
    const double th = p.thymic_share_of_naive_production;
    RateConstants<double> c{};
    c.ng_per_ml_per_mg = kNgPerMlPerMgPerL / p.central_volume_l;
    c.target_km_ng_per_ml = p.target_km_ng_per_ml;
    c.per_neutralising_half_titer = 1.0 / p.ada_neutralising_half_titer;
    c.linear_elimination_per_day = p.linear_clearance_l_per_day / p.central_volume_l;
    c.ada_clearance_per_titer = p.ada_clearance_per_titer;
    c.target_vmax_mg_per_day_per_pool_cell = p.target_vmax_mg_per_day / reference_cd52_pool_cells_per_ul();
    c.blood_lysis_max_per_day = p.blood_lysis_max_per_day;
    c.tissue_lysis_max_per_day = p.tissue_lysis_max_per_day;
    c.blood_to_tissue_size_ratio = p.blood_to_tissue_size_ratio;
    c.whole_body_per_tissue = 1.0 / (1.0 + p.blood_to_tissue_size_ratio);
    c.tissue_to_blood_per_day = p.tissue_to_blood_per_day;
    c.blood_to_tissue_per_day = p.blood_to_tissue_size_ratio * p.tissue_to_blood_per_day;
    c.pool_weight = pool_weights(p);
    c.lysis_weight = {1.0, 1.0, p.cd8_cd52_relative_density, p.cd8_cd52_relative_density,
                      p.cd19_cd52_relative_density, p.nk_cd52_relative_density};
    for (std::size_t i = 0; i < kPopulations; ++i) c.per_baseline[i] = 1.0 / baseline[i];
    // Naive cells: peripheral division makes the share 1 − s_θ of their production at baseline and
    // rises by the naive boost as the pool empties; the thymus makes the rest, at a constant rate.
    c.source_cells_per_ul_day = {th * p.cd4_naive_death_per_day * baseline[kCd4Naive], 0.0,
                                 th * p.cd8_naive_death_per_day * baseline[kCd8Naive], 0.0,
                                 p.cd19_turnover_per_day * p.cd19_baseline_cells_per_ul,
                                 p.nk_turnover_per_day * p.nk_baseline_cells_per_ul};
    c.homeostatic_scale_per_day = {(1.0 - th) * p.cd4_naive_death_per_day, p.cd4_memory_death_per_day,
                                   (1.0 - th) * p.cd8_naive_death_per_day, p.cd8_memory_death_per_day};
    c.lymphopenic_boost = {p.naive_lymphopenic_boost, p.cd4_memory_lymphopenic_boost, p.naive_lymphopenic_boost,
                           p.cd8_memory_lymphopenic_boost};
    c.fixed_loss_per_day = {th * p.cd4_naive_death_per_day, 0.0, th * p.cd8_naive_death_per_day, 0.0,
                            p.cd19_turnover_per_day, p.nk_turnover_per_day};
    c.cd19_output_baff_exponent = p.cd19_output_baff_exponent;
    c.other_per_cd4_cd8_cell = p.other_per_cd4_cd8_cell;
    c.baff_turnover_per_day = p.baff_turnover_per_day;
    c.baff_lymphopenia_gain = p.baff_lymphopenia_gain;
    c.per_baseline_lymphocytes =
        1.0 / ((1.0 + p.other_per_cd4_cd8_cell) * (p.cd4_baseline_cells_per_ul + p.cd8_baseline_cells_per_ul) +
               p.cd19_baseline_cells_per_ul + p.nk_baseline_cells_per_ul);
    c.ada_priming_per_day = p.ada_propensity * p.ada_priming_per_day;
    c.ada_antigen_half_ng_per_ml = p.ada_antigen_half_ng_per_ml;
    c.ada_memory_boost_per_titer = p.ada_memory_boost_per_titer;
    c.ada_maturation_per_day = p.ada_maturation_per_day;
    c.ada_decay_per_day = p.ada_decay_per_day;
    return c;
  }

  std::array<double, kOutputs.size()> outputs(const State& x) const { return outputs(k, x); }
  // The same for any scalar type (several patients at once: sim/patient_lanes.hpp).
  template <class T, class StateIn>
  static std::array<T, kOutputs.size()> outputs(const RateConstants<T>& c, const StateIn& x) {
    const T cd4 = x[blood(kCd4Naive)] + x[blood(kCd4Memory)];
    const T cd8 = x[blood(kCd8Naive)] + x[blood(kCd8Memory)];
    const T cd19 = x[blood(kCd19)], nk = x[blood(kNk)];
    // Lymphocytes not in the four subsets (mostly CD4−CD8− T cells) follow the T cells: r_O·(CD4 + CD8).
    return {zero_floor(x[kCentralMg]) * c.ng_per_ml_per_mg,
            cd4,
            cd8,
            cd19,
            nk,
            cd4 + cd8 + c.other_per_cd4_cd8_cell * (cd4 + cd8) + cd19 + nk,
            zero_floor(x[kAdaTiter])};
  }

  // dx/dt without dosing. t is unused: the model is autonomous, dosing lives in the engine.
  void operator()(const State& x, State& dxdt, double /*t_day*/) const { rates(k, x, dxdt); }

  // dx/dt for constants c (models/model.md, Equations). x[i] is component i as a T; dxdt[i] = v
  // sets it (a std::array<T, kStateSize>, or a view of several patients' states: sim/patient_lanes.hpp).
  template <class T, class StateIn, class StateOut>
  static void rates(const RateConstants<T>& c, const StateIn& x, StateOut& dxdt) {
    const T drug = zero_floor(x[kCentralMg]);
    const T titer = zero_floor(x[kAdaTiter]);
    const T concentration = drug * c.ng_per_ml_per_mg;
    const T occupancy = cd52_occupancy(c, concentration, titer);
    const T blood_lysis_per_day = c.blood_lysis_max_per_day * occupancy;
    const T tissue_lysis_per_day = c.tissue_lysis_max_per_day * occupancy;

    // Whole-body means (blood-equivalent cells/µL), which the target pool, homeostasis and BAFF read.
    const std::array<T, kPopulations> whole = whole_body_cells_per_ul(c, x);

    dxdt[kCentralMg] = -linear_elimination_mg_per_day(c, drug, titer) -
                       target_elimination_mg_per_day(c, weighted_pool(c.pool_weight, whole), occupancy);

    // Per population: a source (cells/µL/day, into both compartments alike), a net per-cell rate of
    // proliferation minus death, and redistribution between blood and tissue. B-cell output
    // follows BAFF^γ.
    std::array<T, kPopulations> source = c.source_cells_per_ul_day;
    source[kCd19] = source[kCd19] * power(zero_floor(x[kBaffFold]), c.cd19_output_baff_exponent);
    std::array<T, kPopulations> net_per_day;
    for (std::size_t i = 0; i < kCd19; ++i) {
      net_per_day[i] =
          homeostatic_net_per_day(c.homeostatic_scale_per_day[i], c.lymphopenic_boost[i], whole[i] * c.per_baseline[i]) -
          c.fixed_loss_per_day[i];
    }
    net_per_day[kCd19] = -c.fixed_loss_per_day[kCd19];
    net_per_day[kNk] = -c.fixed_loss_per_day[kNk];
    for (std::size_t i = 0; i < kPopulations; ++i) {
      const T b = x[kFirstBlood + i], s = x[kFirstTissue + i];
      dxdt[kFirstBlood + i] = source[i] + net_per_day[i] * b + c.tissue_to_blood_per_day * (s - b) -
                              c.lysis_weight[i] * blood_lysis_per_day * b;
      dxdt[kFirstTissue + i] = source[i] + net_per_day[i] * s + c.blood_to_tissue_per_day * (b - s) -
                               c.lysis_weight[i] * tissue_lysis_per_day * s;
    }

    // BAFF relaxes towards a set point raised by lymphocyte depletion (Thompson 2010: raised from
    // month 1 to at least month 12, while T cells stay low).
    const T lymphocytes = (1.0 + c.other_per_cd4_cd8_cell) *
                              (whole[kCd4Naive] + whole[kCd4Memory] + whole[kCd8Naive] + whole[kCd8Memory]) +
                          whole[kCd19] + whole[kNk];
    dxdt[kBaffFold] = c.baff_turnover_per_day *
                      (1.0 + c.baff_lymphopenia_gain * (1.0 - lymphocytes * c.per_baseline_lymphocytes) - x[kBaffFold]);

    // Anti-drug antibodies: drug in serum primes a response (boosted by existing antibody: memory),
    // which matures into circulating antibody weeks later and then wanes.
    const T antigen_signal = concentration / (c.ada_antigen_half_ng_per_ml + concentration);
    dxdt[kAdaPrimed] = c.ada_priming_per_day * antigen_signal * (1.0 + c.ada_memory_boost_per_titer * titer) -
                       c.ada_maturation_per_day * x[kAdaPrimed];
    dxdt[kAdaTiter] = c.ada_maturation_per_day * x[kAdaPrimed] - c.ada_decay_per_day * x[kAdaTiter];
  }
};

}  // namespace alemsim
