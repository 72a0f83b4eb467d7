#include "gui/core/variability_overrides.hpp"

#include <algorithm>
#include <iterator>

namespace alemsim::gui {
namespace {

// The covariate keys of a scenario file, as the loader reads them (sim/io/scenario.cpp keeps the
// same list privately; the static_assert below notices a field added to CovariateModel).
struct CovariateField {
  const char* name;
  double CovariateModel::*member;
};
constexpr CovariateField kCovariateFields[] = {
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
              "CovariateModel has a field kCovariateFields lacks: saved scenarios would lose it");

const RandomEffect* find_effect(const VariabilityModel& v, const std::string& parameter) {
  const auto it = std::find_if(v.effects.begin(), v.effects.end(), [&](const RandomEffect& e) { return e.parameter == parameter; });
  return it == v.effects.end() ? nullptr : &*it;
}

const EffectCorrelation* find_correlation(const VariabilityModel& v, const std::string& a, const std::string& b) {
  const auto it = std::find_if(v.correlations.begin(), v.correlations.end(), [&](const EffectCorrelation& c) {
    return (c.first == a && c.second == b) || (c.first == b && c.second == a);
  });
  return it == v.correlations.end() ? nullptr : &*it;
}

}  // namespace

VariabilityOverrides variability_overrides(const VariabilityModel& v, const VariabilityModel& base) {
  VariabilityOverrides out;
  for (const RandomEffect& b : base.effects) {
    const RandomEffect* e = find_effect(v, b.parameter);
    const double cv = e != nullptr ? e->cv : 0.0;
    if (cv != b.cv) out.cv.emplace_back(b.parameter, cv);
  }
  for (const RandomEffect& e : v.effects) {
    if (find_effect(base, e.parameter) == nullptr) out.cv.emplace_back(e.parameter, e.cv);
  }
  for (const EffectCorrelation& b : base.correlations) {
    const EffectCorrelation* c = find_correlation(v, b.first, b.second);
    const double rho = c != nullptr ? c->rho : 0.0;
    if (rho != b.rho) out.correlations.push_back({b.first, b.second, rho, {}});
  }
  for (const EffectCorrelation& c : v.correlations) {
    if (find_correlation(base, c.first, c.second) == nullptr) out.correlations.push_back({c.first, c.second, c.rho, {}});
  }
  for (const CovariateField& f : kCovariateFields) {
    if (v.covariates.*f.member != base.covariates.*f.member) out.covariates.emplace_back(f.name, v.covariates.*f.member);
  }
  return out;
}

}  // namespace alemsim::gui
