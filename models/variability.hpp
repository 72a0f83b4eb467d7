// Between-patient variability: correlated log-normal random effects on model parameters, and
// patient covariates (body weight, sex, age). Values and sources: models/model.md.
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "models/model_params.hpp"

namespace alemsim {

// P_i = P_typical * exp(eta_i) with eta ~ N(0, Omega), Omega_jj = ln(1 + CV_j^2).
// Largest between-patient CV a random effect may have: 2 (200%), twice the widest reported for a
// monoclonal antibody's PK parameters; beyond it log-normal draws span many orders of magnitude.
inline constexpr double kMaxCv = 2.0;

struct RandomEffect {
  std::string parameter;  // name in param_table()
  double cv;              // coefficient of variation of the log-normal distribution, fraction
  std::string source;
};

// Correlation between two random effects (Omega_jk = rho * omega_j * omega_k).
struct EffectCorrelation {
  std::string first;
  std::string second;
  double rho;
  std::string source;
};

// Patient covariates and their effects. Weight scales volume and clearance allometrically around the
// reference weight; sex and age are drawn (so results can be split by them) but act on nothing, as
// Li 2018 found no effect of age, race or sex on alemtuzumab PK.
struct CovariateModel {
  double weight_kg_median = 0.0;       // log-normal median, kg
  double weight_kg_cv = 0.0;           // log-normal CV, fraction
  double female_fraction = 0.0;        // probability of being female
  double age_years_mean = 0.0;         // normal, truncated to [age_years_min, age_years_max]
  double age_years_sd = 0.0;
  double age_years_min = 0.0;
  double age_years_max = 0.0;
  double reference_weight_kg = 0.0;    // weight at which the typical values apply
  double volume_weight_exponent = 0.0;     // V = V_typ * (W / W_ref)^exponent
  double clearance_weight_exponent = 0.0;  // CL and Vmax = typical * (W / W_ref)^exponent
};

// Every field of CovariateModel by the name scenario files use (the one list: the loader, the
// viewer's scenario writer and anything else that names covariates read it).
struct CovariateField {
  std::string_view name;
  double CovariateModel::*member;
};
inline constexpr CovariateField kCovariateFields[] = {
    {"weight_kg_median", &CovariateModel::weight_kg_median},
    {"weight_kg_cv", &CovariateModel::weight_kg_cv},
    {"female_fraction", &CovariateModel::female_fraction},
    {"age_years_mean", &CovariateModel::age_years_mean},
    {"age_years_sd", &CovariateModel::age_years_sd},
    {"age_years_min", &CovariateModel::age_years_min},
    {"age_years_max", &CovariateModel::age_years_max},
    {"reference_weight_kg", &CovariateModel::reference_weight_kg},
    {"volume_weight_exponent", &CovariateModel::volume_weight_exponent},
    {"clearance_weight_exponent", &CovariateModel::clearance_weight_exponent},
};
static_assert(sizeof(CovariateModel) == std::size(kCovariateFields) * sizeof(double),
              "CovariateModel has a field kCovariateFields lacks");

struct VariabilityModel {
  std::vector<RandomEffect> effects;
  std::vector<EffectCorrelation> correlations;
  CovariateModel covariates;
};

// Spread of the four baseline counts relative to the healthy reference ranges; calibrated to the
// SmPC 5.1 fractions at the lower limit of normal (validation/population_calibration.hpp).
inline constexpr double kBaselineCvScale = 0.3668;

// The shipped model (documented in models/model.md): healthy_range_variability() with the
// baseline-count CVs multiplied by kBaselineCvScale.
VariabilityModel default_variability();

// The same with the baseline-count CVs of the healthy reference ranges (before calibration).
VariabilityModel healthy_range_variability();

// A model with no random effects and covariates fixed at the reference (every patient typical).
VariabilityModel no_variability();

}  // namespace alemsim
