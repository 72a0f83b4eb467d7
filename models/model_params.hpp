// Parameters of the alemtuzumab model: PK with CD52-mediated elimination, lymphocyte subsets,
// B-cell survival factor, anti-drug antibodies. Every value, unit and source is documented in
// models/model.md; the table in model_params.cpp is the one place where typical values live, so
// code, docs and scenario overrides cannot drift apart.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace alemsim {

// Fixed for one simulated patient. Units are in the names.
struct ModelParams {
  // Pharmacokinetics
  double central_volume_l;                // V: serum (central) volume of distribution, L
  double linear_clearance_l_per_day;      // CL: target-independent (catabolic) clearance, L/day
  double target_vmax_mg_per_day;          // Vmax of CD52-mediated elimination at the typical patient's CD52 pool, mg/day (0: none)
  double target_km_ng_per_ml;             // concentration at half CD52 occupancy, ng/mL
  // Lysis and redistribution between blood and lymphoid tissue
  double blood_lysis_max_per_day;         // lysis of CD4+ T cells in blood at full occupancy, 1/day
  double tissue_lysis_max_per_day;        // lysis of CD4+ T cells in lymphoid tissue at full occupancy, 1/day (0: none)
  double tissue_to_blood_per_day;         // return of tissue cells to blood (blood-equivalent), 1/day
  double blood_to_tissue_size_ratio;      // cells in blood and blood-like organs per cell in lymphoid tissue, fraction
  double cd8_cd52_relative_density;       // lysis of CD8+ T cells relative to CD4+ T cells, fraction
  double cd19_cd52_relative_density;      // lysis of CD19+ B cells relative to CD4+ T cells, fraction
  double nk_cd52_relative_density;        // lysis of NK cells relative to CD4+ T cells, fraction
  // CD4+ T cells
  double cd4_baseline_cells_per_ul;       // pre-treatment count, cells/µL
  double cd4_naive_fraction;              // naive share of the pre-treatment count, fraction (< 1)
  double cd4_naive_death_per_day;         // death rate of naive cells, 1/day
  double cd4_memory_death_per_day;        // death rate of memory cells, 1/day
  double cd4_memory_lymphopenic_boost;    // h: memory proliferation per cell when the pool is empty = (1 + h) × at baseline
  // CD8+ T cells
  double cd8_baseline_cells_per_ul;
  double cd8_naive_fraction;
  double cd8_naive_death_per_day;
  double cd8_memory_death_per_day;
  double cd8_memory_lymphopenic_boost;
  // Naive T cells, both subsets
  double thymic_share_of_naive_production;  // thymic output as a share of naive production at baseline, fraction (< 1)
  double naive_lymphopenic_boost;           // naive proliferation per cell when the pool is empty = (1 + h) × at baseline
  // CD19+ B cells and their survival factor (BAFF)
  double cd19_baseline_cells_per_ul;
  double cd19_turnover_per_day;           // marrow output per cell at baseline = loss rate, 1/day
  double cd19_output_baff_exponent;       // γ: marrow output ∝ BAFF^γ
  double baff_turnover_per_day;           // rate at which BAFF follows its set point, 1/day
  double baff_lymphopenia_gain;           // BAFF set point 1 + gain × (fraction of lymphocytes missing)
  // NK cells
  double nk_baseline_cells_per_ul;
  double nk_turnover_per_day;             // return rate towards baseline, 1/day
  // Lymphocytes other than CD4+, CD8+, CD19+ and NK (mostly CD4−CD8− T cells)
  double other_per_cd4_cd8_cell;          // their count per CD4+ or CD8+ cell, fraction
  // Anti-drug antibodies (titer in multiples of the assay cut point)
  double ada_propensity;                  // patient's immunogenic propensity, 1 = typical, 0 = ADA off
  double ada_priming_per_day;             // priming rate at full antigen signal, titer/day
  double ada_antigen_half_ng_per_ml;      // concentration giving half the antigen signal, ng/mL
  double ada_maturation_per_day;          // primed response → circulating antibody, 1/day
  double ada_decay_per_day;               // loss of circulating antibody, 1/day
  double ada_memory_boost_per_titer;      // secondary response: priming × (1 + boost × titer)
  double ada_neutralising_half_titer;     // titer that keeps half the drug from binding CD52
  double ada_clearance_per_titer;         // relative rise of linear clearance per unit titer
};

// Describes one field of ModelParams: how scenario files name it, its unit and where its value comes from.
struct ParamInfo {
  std::string_view name;   // the code name: scenario files, --set, HDF5
  std::string_view label;  // in words, for people: "target capacity (Vmax)"
  std::string_view unit;
  double ModelParams::*field;
  double typical_value;
  std::string_view source;
  bool may_be_zero = false;  // 0 switches a process off (ADA propensity, target Vmax, tissue lysis); everything else must be > 0
  double below = std::numeric_limits<double>::infinity();  // exclusive upper bound (shares of a whole: 1)
};

// All parameters in declaration order, with their typical (population) values.
std::span<const ParamInfo> param_table();

// The typical MS patient (values of param_table()).
ModelParams typical_params();

// The entry named `name`, or nullptr.
const ParamInfo* find_param(std::string_view name);

// The values a user may give a parameter (a scenario's `parameters`, `validate --set`): from 1/1000
// to 1000 times its typical value (0 included where 0 switches a process off; for a typical value
// of 0, up to 1000 in its unit), and below its upper bound. A factor of 1000 either way is beyond
// any between-patient spread or sensitivity question, and keeps every product of the model far from
// overflow: `central_volume_l: 1e300` printed inf and NaN.
inline constexpr double kPlausibleFactor = 1000.0;
struct PlausibleRange {
  double low = 0.0;
  double high = 0.0;
  bool high_exclusive = false;  // the upper bound is `below` (a share of a whole)
};
PlausibleRange plausible_range(const ParamInfo& info);

// "" when `value` lies in plausible_range(info), else what was expected, with the unit, e.g.
// "expected a number from 0.01426 to 14260 L (typical 14.26; at most a factor of 1000 from it), got 1e+300".
std::string implausible_value(const ParamInfo& info, double value);

// Throws std::invalid_argument naming the first field that is not finite and > 0 (>= 0 where
// allowed), or not below its upper bound. Every valid set has the pre-treatment counts as its steady state.
void validate(const ModelParams& params);

}  // namespace alemsim
