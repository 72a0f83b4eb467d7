#include "io/variability_overrides.hpp"

#include <algorithm>
#include <iterator>

namespace alemsim {
namespace {

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

}  // namespace alemsim
