#include "models/model_params.hpp"

#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>


namespace alemsim {
namespace {

constexpr std::string_view kCalibrated =
    "calibrated (alemsim-calibrate): SmPC 5.2 Cmax and half-life; CARE-MS course-1 CD4+/CD8+ means months 1-12; "
    "B cells and total lymphocytes after course 1; blood nadir within 14 days";

// ln 2 / half-life in days, for turnover quoted as a half-life in years.
constexpr double per_day_from_half_life_years(double years) { return 0.69314718055994531 / (365.0 * years); }

// Typical values. Sources and calibration targets are spelled out in models/model.md; the values
// marked "calibrated" are the output of alemsim-calibrate (validation/calibrate_main.cpp; re-run it to reproduce them).
constexpr std::array kTable{
    // Pharmacokinetics
    ParamInfo{"central_volume_l", "central volume", "L", &ModelParams::central_volume_l, 14.26, kCalibrated},
    ParamInfo{"linear_clearance_l_per_day", "linear clearance", "L/day", &ModelParams::linear_clearance_l_per_day, 2.338, kCalibrated},
    ParamInfo{"target_vmax_mg_per_day", "target capacity (Vmax)", "mg/day", &ModelParams::target_vmax_mg_per_day, 0.0,
              "calibrated to 0 (models/model.md: Calibration): alemsim-calibrate took it from 5.3 to 1.5e-5 mg/day; "
              "kept as a switch (Mould 2007 structure)", true},
    ParamInfo{"target_km_ng_per_ml", "CD52 binding constant (Km)", "ng/mL", &ModelParams::target_km_ng_per_ml, 338.0,
              "Mould 2007 (Br J Clin Pharmacol 64:278), Km 338 ug/L in CLL; also the half-occupancy of lysis"},
    // Lysis and redistribution
    ParamInfo{"blood_lysis_max_per_day", "lysis rate in blood", "1/day", &ModelParams::blood_lysis_max_per_day, 8.0,
              "assumed: blood counts halve every 2 h at full occupancy (ln 2 / (2/24 day)); lymphopenia within hours of "
              "the first infusion, cytokine release peaking 2-4 h after it (Moreau 1996)"},
    ParamInfo{"tissue_lysis_max_per_day", "lysis rate in lymphoid tissue", "1/day", &ModelParams::tissue_lysis_max_per_day, 0.004273, kCalibrated, true},
    ParamInfo{"tissue_to_blood_per_day", "blood-tissue exchange rate", "1/day", &ModelParams::tissue_to_blood_per_day, 0.1955, kCalibrated},
    ParamInfo{"blood_to_tissue_size_ratio", "blood compartment size, share of tissue", "fraction", &ModelParams::blood_to_tissue_size_ratio, 0.2595, kCalibrated},
    ParamInfo{"cd8_cd52_relative_density", "CD52 on CD8+ T cells, share of CD4+", "fraction", &ModelParams::cd8_cd52_relative_density, 0.1934, kCalibrated},
    ParamInfo{"cd19_cd52_relative_density", "CD52 on B cells, share of CD4+", "fraction", &ModelParams::cd19_cd52_relative_density, 4.0,
              "assumed: B cells depleted faster than T cells; CD52 density differs between subsets "
              "(Rao SP et al., PLoS One 2012;7:e39416)"},
    ParamInfo{"nk_cd52_relative_density", "CD52 on NK cells, share of CD4+", "fraction", &ModelParams::nk_cd52_relative_density, 0.3,
              "assumed: SmPC 5.1 'lower levels on NK cells'; NK cells only transiently affected"},
    // CD4+ T cells
    ParamInfo{"cd4_baseline_cells_per_ul", "CD4+ T cells before treatment", "cells/uL", &ModelParams::cd4_baseline_cells_per_ul, 980.0,
              "CARE-MS baseline mean (Dubuisson 2018, Table 1)"},
    ParamInfo{"cd4_naive_fraction", "naive share of CD4+ T cells", "fraction", &ModelParams::cd4_naive_fraction, 0.5,
              "assumed from Saule 2006 (Mech Ageing Dev 127:274): memory outnumber naive CD4+ from age 37; CARE-MS mean age 33",
              false, 1.0},
    ParamInfo{"cd4_naive_death_per_day", "CD4+ naive death rate", "1/day", &ModelParams::cd4_naive_death_per_day, per_day_from_half_life_years(4.2),
              "naive CD4+ half-life 4.2 y (Vrisekoop 2008): ln2/(4.2 x 365 d)"},
    ParamInfo{"cd4_memory_death_per_day", "CD4+ memory death rate", "1/day", &ModelParams::cd4_memory_death_per_day, per_day_from_half_life_years(0.4),
              "memory CD4+ half-life 0.4 y (Vrisekoop 2008): ln2/(0.4 x 365 d)"},
    ParamInfo{"cd4_memory_lymphopenic_boost", "CD4+ memory lymphopenic boost", "fold - 1", &ModelParams::cd4_memory_lymphopenic_boost, 1.151, kCalibrated},
    // CD8+ T cells
    ParamInfo{"cd8_baseline_cells_per_ul", "CD8+ T cells before treatment", "cells/uL", &ModelParams::cd8_baseline_cells_per_ul, 500.0,
              "CARE-MS baseline mean (Dubuisson 2018, Table 1)"},
    ParamInfo{"cd8_naive_fraction", "naive share of CD8+ T cells", "fraction", &ModelParams::cd8_naive_fraction, 0.4,
              "assumed from Saule 2006 (Mech Ageing Dev 127:274): memory outnumber naive CD8+ from age 30", false, 1.0},
    ParamInfo{"cd8_naive_death_per_day", "CD8+ naive death rate", "1/day", &ModelParams::cd8_naive_death_per_day, per_day_from_half_life_years(6.5),
              "naive CD8+ half-life 6.5 y (Vrisekoop 2008): ln2/(6.5 x 365 d)"},
    ParamInfo{"cd8_memory_death_per_day", "CD8+ memory death rate", "1/day", &ModelParams::cd8_memory_death_per_day, per_day_from_half_life_years(0.7),
              "memory CD8+ half-life 0.7 y (Vrisekoop 2008): ln2/(0.7 x 365 d)"},
    ParamInfo{"cd8_memory_lymphopenic_boost", "CD8+ memory lymphopenic boost", "fold - 1", &ModelParams::cd8_memory_lymphopenic_boost, 4.26, kCalibrated},
    // Naive T cells
    ParamInfo{"thymic_share_of_naive_production", "thymic share of naive T-cell production", "fraction", &ModelParams::thymic_share_of_naive_production, 0.15,
              "adult naive T cells are kept up mostly by peripheral division (den Braber 2012, Immunity 36:288); "
              "thymic share 10-20% as reviewed", false, 1.0},
    ParamInfo{"naive_lymphopenic_boost", "naive T-cell lymphopenic boost", "fold - 1", &ModelParams::naive_lymphopenic_boost, 1.0,
              "assumed: naive division per cell doubles as the pool empties (weaker than memory; Jones 2013)"},
    // CD19+ B cells and BAFF
    ParamInfo{"cd19_baseline_cells_per_ul", "B cells before treatment", "cells/uL", &ModelParams::cd19_baseline_cells_per_ul, 187.7,
              "calibrated (alemsim-calibrate-population): healthy mean 349 (Clin Diagn Lab Immunol 2004) x the scale "
              "that gives SmPC 5.1's 40%/80% at the LLN"},
    ParamInfo{"cd19_turnover_per_day", "B-cell turnover", "1/day", &ModelParams::cd19_turnover_per_day, 0.01326, kCalibrated},
    ParamInfo{"cd19_output_baff_exponent", "B-cell output exponent on BAFF", "-", &ModelParams::cd19_output_baff_exponent, 1.756,
              "Thompson 2010: B cells 165% of baseline with BAFF 133% at month 12, read as B/B0 = F^gamma: "
              "ln 1.65 / ln 1.33"},
    ParamInfo{"baff_turnover_per_day", "BAFF turnover", "1/day", &ModelParams::baff_turnover_per_day, 0.05,
              "assumed: serum BAFF surges within the first month of depletion (Thompson 2010): 20-day time constant"},
    ParamInfo{"baff_lymphopenia_gain", "BAFF gain in lymphopenia", "-", &ModelParams::baff_lymphopenia_gain, 0.6736, kCalibrated},
    // NK cells and the remainder
    ParamInfo{"nk_baseline_cells_per_ul", "NK cells before treatment", "cells/uL", &ModelParams::nk_baseline_cells_per_ul, 253.9,
              "calibrated (alemsim-calibrate-population): healthy mean 472 (Clin Diagn Lab Immunol 2004) x the same "
              "scale as CD19+"},
    ParamInfo{"nk_turnover_per_day", "NK-cell turnover", "1/day", &ModelParams::nk_turnover_per_day, 0.05,
              "assumed: NK cells back within about 2 months (SmPC 5.1: only transiently affected)"},
    ParamInfo{"other_per_cd4_cd8_cell", "other lymphocytes per CD4+/CD8+ T cell", "fraction", &ModelParams::other_per_cd4_cd8_cell, 0.08,
              "healthy means: (2437 - 837 - 660 - 349 - 472) / (837 + 660) (Clin Diagn Lab Immunol 2004)"},
    // Anti-drug antibodies
    ParamInfo{"ada_propensity", "anti-drug antibody propensity", "1 = typical", &ModelParams::ada_propensity, 1.0,
              "typical patient; 0 switches ADA off", true},
    ParamInfo{"ada_priming_per_day", "antibody priming rate", "titer/day", &ModelParams::ada_priming_per_day, 0.0529,
              "calibrated (alemsim-calibrate-population): 85% ADA-positive by month 15 (SmPC 5.1)"},
    ParamInfo{"ada_antigen_half_ng_per_ml", "antibody half-priming concentration", "ng/mL", &ModelParams::ada_antigen_half_ng_per_ml, 100.0,
              "assumed: antigen signal saturates during a course"},
    ParamInfo{"ada_maturation_per_day", "antibody maturation rate", "1/day", &ModelParams::ada_maturation_per_day, 1.0 / 21.0,
              "assumed: antibody appears about 3 weeks after priming (primary IgG response)"},
    ParamInfo{"ada_decay_per_day", "antibody decay rate", "1/day", &ModelParams::ada_decay_per_day, 0.00385,
              "assumed: titer half-life 180 days (ln2/180)"},
    ParamInfo{"ada_memory_boost_per_titer", "antibody memory boost", "1/titer", &ModelParams::ada_memory_boost_per_titer, 4.0,
              "assumed: secondary response at re-exposure; with the neutralising titer, no ADA effect through 2 "
              "courses and incomplete depletion at high titer (SmPC 5.1); binding 75% at end of course 2 (Dubuisson 2018)"},
    ParamInfo{"ada_neutralising_half_titer", "half-neutralising antibody titer", "titer", &ModelParams::ada_neutralising_half_titer, 20.0,
              "assumed: no effect through 2 courses, incomplete depletion at high titer (SmPC 5.1)"},
    ParamInfo{"ada_clearance_per_titer", "antibody-driven clearance per titer", "1/titer", &ModelParams::ada_clearance_per_titer, 0.01,
              "assumed: small; Li 2018 found ADA associated with slower, not faster, clearance"},
};

}  // namespace

std::span<const ParamInfo> param_table() { return kTable; }

ModelParams typical_params() {
  ModelParams p{};
  for (const ParamInfo& info : kTable) p.*info.field = info.typical_value;
  return p;
}

const ParamInfo* find_param(std::string_view name) {
  for (const ParamInfo& info : kTable) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

void validate(const ModelParams& params) {
  for (const ParamInfo& info : kTable) {
    const double v = params.*info.field;
    const bool ok = std::isfinite(v) && (info.may_be_zero ? v >= 0.0 : v > 0.0) && v < info.below;
    if (!ok) {
      std::string expected = std::string("a finite number ") + (info.may_be_zero ? ">= 0" : "> 0");
      if (std::isfinite(info.below)) {
        std::ostringstream bound;
        bound << info.below;
        expected += " and < " + bound.str();
      }
      throw std::invalid_argument(std::string(info.name) + ": expected " + expected + " (" + std::string(info.unit) +
                                  "), got " + std::to_string(v));
    }
  }
}

PlausibleRange plausible_range(const ParamInfo& info) {
  const double scale = info.typical_value > 0.0 ? info.typical_value : 1.0;
  PlausibleRange range{info.may_be_zero ? 0.0 : scale / kPlausibleFactor, scale * kPlausibleFactor, false};
  if (info.below <= range.high) range = {range.low, info.below, true};
  return range;
}

std::string implausible_value(const ParamInfo& info, double value) {
  const PlausibleRange range = plausible_range(info);
  // The bounds as printed (6 significant digits) are accepted: a relative 1e-5 either way.
  const bool ok = std::isfinite(value) && value >= range.low * (1.0 - 1e-5) &&
                  (range.high_exclusive ? value < range.high : value <= range.high * (1.0 + 1e-5));
  if (ok) return {};
  std::ostringstream out;
  out << "expected a number from " << range.low << (range.high_exclusive ? " to below " : " to ") << range.high << ' '
      << info.unit << " (typical " << info.typical_value << "; at most a factor of " << kPlausibleFactor
      << " from it), got " << value;
  return out.str();
}

}  // namespace alemsim
