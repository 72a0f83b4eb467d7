// Between-patient variability of the PK model: independent log-normal random effects.
#pragma once

#include <span>
#include <string_view>

#include "models/model_params.hpp"

namespace alemsim {

// P_i = P_typical * exp(eta), eta ~ N(0, omega^2), omega^2 = ln(1 + CV^2).
struct VariabilityInfo {
  std::string_view parameter;  // name in param_table()
  double cv;                   // coefficient of variation of the log-normal distribution, fraction
  std::string_view source;
};

// Default random effects (documented in models/model.md). Parameters not listed do not vary.
std::span<const VariabilityInfo> variability_table();

}  // namespace alemsim
