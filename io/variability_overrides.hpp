// What a scenario's between-patient variability changes relative to the shipped model, in the terms
// of the scenario file's `variability:` section, so that saving a scenario keeps it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "models/variability.hpp"

namespace alemsim {

// The file format can only override (io/scenario.cpp), never delete: a random effect the shipped
// model has and `v` lacks is written as CV 0, a correlation as rho 0, which the sampler treats alike.
struct VariabilityOverrides {
  std::vector<std::pair<std::string, double>> cv;          // parameter name, CV (fraction)
  std::vector<EffectCorrelation> correlations;             // first, second, rho (source unused)
  std::vector<std::pair<std::string, double>> covariates;  // CovariateModel field name, value
  bool empty() const { return cv.empty() && correlations.empty() && covariates.empty(); }
};

// Differences of `v` from `base`, in the order the file lists them.
VariabilityOverrides variability_overrides(const VariabilityModel& v, const VariabilityModel& base);

}  // namespace alemsim
