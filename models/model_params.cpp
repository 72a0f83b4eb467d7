#include "models/model_params.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include "models/alemtuzumab_model.hpp"

namespace alemsim {
namespace {

constexpr std::string_view kCalibrated =
    "calibrated (alemsim-calibrate): SmPC 5.2 Cmax and half-life, CARE-MS CD4+/CD8+ means months 1-12";

// Typical values. Sources and calibration targets are spelled out in models/model.md; the values
// marked "calibrated" are the output of validation/calibrate (re-run it to reproduce them).
constexpr std::array kTable{
    // Pharmacokinetics
    ParamInfo{"central_volume_l", "L", &ModelParams::central_volume_l, 12.94, kCalibrated},
    ParamInfo{"linear_clearance_l_per_day", "L/day", &ModelParams::linear_clearance_l_per_day, 1.371, kCalibrated},
    ParamInfo{"target_vmax_mg_per_day", "mg/day", &ModelParams::target_vmax_mg_per_day, 5.277, kCalibrated, true},
    ParamInfo{"target_km_ng_per_ml", "ng/mL", &ModelParams::target_km_ng_per_ml, 338.0,
              "Mould 2007 (Br J Clin Pharmacol 64:278), Km 338 ug/L in CLL; also the half-occupancy of lysis"},
    ParamInfo{"kill_max_per_day", "1/day", &ModelParams::kill_max_per_day, 0.1799, kCalibrated},
    ParamInfo{"cd8_cd52_relative_density", "fraction", &ModelParams::cd8_cd52_relative_density, 0.6489, kCalibrated},
    ParamInfo{"cd19_cd52_relative_density", "fraction", &ModelParams::cd19_cd52_relative_density, 4.0,
              "assumed: B cells at month 1 about as depleted as T cells (~10% of baseline); "
              "CD52 density differs between subsets (Rao SP et al., PLoS One 2012;7:e39416)"},
    ParamInfo{"nk_cd52_relative_density", "fraction", &ModelParams::nk_cd52_relative_density, 0.3,
              "assumed: SmPC 5.1 'lower levels on NK cells'; NK cells only transiently affected"},
    // CD4+ T cells
    ParamInfo{"cd4_baseline_cells_per_ul", "cells/uL", &ModelParams::cd4_baseline_cells_per_ul, 980.0,
              "CARE-MS baseline mean (Dubuisson 2018, Table 1)"},
    ParamInfo{"cd4_death_per_day", "1/day", &ModelParams::cd4_death_per_day, 0.00475,
              "memory CD4+ half-life 0.4 y (Vrisekoop 2008): ln2/146 d"},
    ParamInfo{"cd4_homeostatic_max_per_day", "1/day", &ModelParams::cd4_homeostatic_max_per_day, 0.008841, kCalibrated},
    ParamInfo{"cd4_homeostatic_half_fraction", "fraction of baseline", &ModelParams::cd4_homeostatic_half_fraction, 1.0,
              "assumed: per-cell proliferation doubles as the pool empties (models/model.md)"},
    // CD8+ T cells
    ParamInfo{"cd8_baseline_cells_per_ul", "cells/uL", &ModelParams::cd8_baseline_cells_per_ul, 500.0,
              "CARE-MS baseline mean (Dubuisson 2018, Table 1)"},
    ParamInfo{"cd8_death_per_day", "1/day", &ModelParams::cd8_death_per_day, 0.00271,
              "memory CD8+ half-life 0.7 y (Vrisekoop 2008): ln2/256 d"},
    ParamInfo{"cd8_homeostatic_max_per_day", "1/day", &ModelParams::cd8_homeostatic_max_per_day, 0.00305, kCalibrated},
    ParamInfo{"cd8_homeostatic_half_fraction", "fraction of baseline", &ModelParams::cd8_homeostatic_half_fraction, 1.0,
              "assumed: per-cell proliferation doubles as the pool empties (models/model.md)"},
    // CD19+ B cells and BAFF
    ParamInfo{"cd19_baseline_cells_per_ul", "cells/uL", &ModelParams::cd19_baseline_cells_per_ul, 221.7,
              "calibrated (alemsim-calibrate-population): healthy mean 349 (Clin Diagn Lab Immunol 2004) x the scale "
              "that gives SmPC 5.1's 40%/80% at the LLN"},
    ParamInfo{"cd19_turnover_per_day", "1/day", &ModelParams::cd19_turnover_per_day, 0.019,
              "B cells divide 1.9%/day (Macallan 2005, Blood 105:3633)"},
    ParamInfo{"baff_production_per_day", "1/day", &ModelParams::baff_production_per_day, 0.03,
              "assumed: BAFF about doubles within a month of B-cell depletion (Thompson 2010, qualitative)"},
    // NK cells and the remainder
    ParamInfo{"nk_baseline_cells_per_ul", "cells/uL", &ModelParams::nk_baseline_cells_per_ul, 299.9,
              "calibrated (alemsim-calibrate-population): healthy mean 472 (Clin Diagn Lab Immunol 2004) x the same "
              "scale as CD19+"},
    ParamInfo{"nk_turnover_per_day", "1/day", &ModelParams::nk_turnover_per_day, 0.05,
              "assumed: NK cells back within about 2 months (SmPC 5.1: only transiently affected)"},
    ParamInfo{"other_per_cd4_cd8_cell", "fraction", &ModelParams::other_per_cd4_cd8_cell, 0.08,
              "healthy means: (2437 - 837 - 660 - 349 - 472) / (837 + 660) (Clin Diagn Lab Immunol 2004)"},
    // Anti-drug antibodies
    ParamInfo{"ada_propensity", "1 = typical", &ModelParams::ada_propensity, 1.0,
              "typical patient; 0 switches ADA off", true},
    ParamInfo{"ada_priming_per_day", "titer/day", &ModelParams::ada_priming_per_day, 0.09762,
              "calibrated (alemsim-calibrate-population): 85% ADA-positive by month 15 (SmPC 5.1)"},
    ParamInfo{"ada_antigen_half_ng_per_ml", "ng/mL", &ModelParams::ada_antigen_half_ng_per_ml, 100.0,
              "assumed: antigen signal saturates during a course"},
    ParamInfo{"ada_maturation_per_day", "1/day", &ModelParams::ada_maturation_per_day, 1.0 / 21.0,
              "assumed: antibody appears about 3 weeks after priming (primary IgG response)"},
    ParamInfo{"ada_decay_per_day", "1/day", &ModelParams::ada_decay_per_day, 0.00385,
              "assumed: titer half-life 180 days (ln2/180)"},
    ParamInfo{"ada_memory_boost_per_titer", "1/titer", &ModelParams::ada_memory_boost_per_titer, 1.0,
              "assumed: secondary response at re-exposure; binding 75% at end of course 2 (Dubuisson 2018)"},
    ParamInfo{"ada_neutralising_half_titer", "titer", &ModelParams::ada_neutralising_half_titer, 20.0,
              "assumed: no effect through 2 courses, incomplete depletion at high titer (SmPC 5.1)"},
    ParamInfo{"ada_clearance_per_titer", "1/titer", &ModelParams::ada_clearance_per_titer, 0.01,
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
    const bool ok = std::isfinite(v) && (info.may_be_zero ? v >= 0.0 : v > 0.0);
    if (!ok) {
      throw std::invalid_argument(std::string(info.name) + ": expected a finite number " +
                                  (info.may_be_zero ? ">= 0" : "> 0") + " (" + std::string(info.unit) +
                                  "), got " + std::to_string(v));
    }
  }
  const auto check_thymus = [](const char* subset, double baseline, double death, double prolif, double half) {
    if (AlemtuzumabModel::thymic_output(baseline, death, prolif, half) < 0.0) {
      throw std::invalid_argument(std::string(subset) +
                                  "_homeostatic_max_per_day: homeostatic proliferation at baseline exceeds death, "
                                  "which needs a negative thymic output; lower it or raise " + subset + "_death_per_day");
    }
  };
  check_thymus("cd4", params.cd4_baseline_cells_per_ul, params.cd4_death_per_day, params.cd4_homeostatic_max_per_day,
               params.cd4_homeostatic_half_fraction * params.cd4_baseline_cells_per_ul);
  check_thymus("cd8", params.cd8_baseline_cells_per_ul, params.cd8_death_per_day, params.cd8_homeostatic_max_per_day,
               params.cd8_homeostatic_half_fraction * params.cd8_baseline_cells_per_ul);
}

}  // namespace alemsim
