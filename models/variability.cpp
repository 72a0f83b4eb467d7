#include "models/variability.hpp"

namespace alemsim {

VariabilityModel healthy_range_variability() {
  VariabilityModel v;
  // MS-specific variances are not public (the label and Li 2018 give none). PK magnitudes are those
  // typical of IgG1 antibodies (Dirks NL, Meibohm B, Clin Pharmacokinet 2010;49:633); baseline
  // counts from the healthy reference ranges (Clin Diagn Lab Immunol 2004;11:168), before the
  // calibrated scale of default_variability().
  v.effects = {
      {"central_volume_l", 0.20, "typical mAb V CV (Dirks & Meibohm 2010)"},
      {"linear_clearance_l_per_day", 0.30, "typical mAb CL CV (Dirks & Meibohm 2010)"},
      {"target_vmax_mg_per_day", 0.32, "Mould 2007, Vmax CV 32% (CLL)"},
      {"blood_lysis_max_per_day", 0.30, "assumed: spread of depletion depth"},
      {"cd4_baseline_cells_per_ul", 0.39, "healthy CD4+ 313-1361/uL (2.5-97.5%)"},
      {"cd8_baseline_cells_per_ul", 0.45, "healthy CD8+ 228-1243/uL (2.5-97.5%)"},
      {"cd19_baseline_cells_per_ul", 0.54, "healthy CD19+ 109-802/uL (2.5-97.5%)"},
      {"nk_baseline_cells_per_ul", 0.57, "healthy NK 140-1103/uL (2.5-97.5%)"},
      {"ada_propensity", 1.0, "assumed: wide spread of immunogenicity"},
  };
  v.correlations = {
      {"central_volume_l", "linear_clearance_l_per_day", 0.5,
       "assumed: V and CL of IgG1 antibodies are positively correlated (Dirks & Meibohm 2010)"},
      {"cd4_baseline_cells_per_ul", "cd8_baseline_cells_per_ul", 0.5,
       "assumed: T-cell subsets share lymphopoiesis; CD4+ and CD8+ counts rise and fall together"},
  };
  v.covariates = CovariateModel{
      .weight_kg_median = 70.0,
      .weight_kg_cv = 0.20,
      .female_fraction = 0.65,   // CARE-MS: about two thirds of patients were women
      .age_years_mean = 33.0,    // CARE-MS: mean age about 33 years
      .age_years_sd = 8.0,
      .age_years_min = 18.0,     // trial inclusion 18-50 (CARE-MS I) or 55 (CARE-MS II)
      .age_years_max = 55.0,
      .reference_weight_kg = 70.0,
      .volume_weight_exponent = 1.0,     // allometric theory; weight the most common mAb covariate
      .clearance_weight_exponent = 0.75, // (Dirks & Meibohm 2010)
  };
  return v;
}

VariabilityModel default_variability() {
  VariabilityModel v = healthy_range_variability();
  for (RandomEffect& e : v.effects) {
    if (e.parameter.ends_with("_baseline_cells_per_ul")) {
      e.cv *= kBaselineCvScale;
      e.source += ", scaled by the calibrated kBaselineCvScale";
    }
  }
  return v;
}

VariabilityModel no_variability() {
  VariabilityModel v = default_variability();
  v.effects.clear();
  v.correlations.clear();
  v.covariates.weight_kg_cv = 0.0;
  v.covariates.age_years_sd = 0.0;
  return v;
}

}  // namespace alemsim
