// Parameters of the alemtuzumab PK model with a lumped CD52 target pool.
// Every value, unit and source is documented in models/pk.md; the table in model_params.cpp is the one
// place where typical values live, so code, docs and scenario overrides cannot drift apart.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace alemsim {

// Fixed for one simulated patient. Units are in the names.
struct ModelParams {
  double central_volume_l;                  // V: serum (central) volume of distribution, L
  double linear_clearance_l_per_day;        // CL: target-independent (FcRn/catabolic) clearance, L/day
  double target_vmax_mg_per_day;            // Vmax of CD52-mediated elimination at baseline pool, mg/day
  double target_km_ng_per_ml;               // concentration at half CD52 occupancy, ng/mL
  double target_baseline_cells_per_ul;      // L0: CD52-bearing lymphocytes before treatment, cells/µL
  double target_turnover_per_day;           // kout: return rate of the pool towards L0, 1/day
  double kill_max_per_day;                  // lysis rate of CD52-bearing cells at full occupancy, 1/day
};

// Describes one field of ModelParams: how scenario files name it, its unit and where its value comes from.
struct ParamInfo {
  std::string_view name;
  std::string_view unit;
  double ModelParams::*field;
  double typical_value;
  std::string_view source;
};

// All parameters in declaration order, with their typical (population) values.
std::span<const ParamInfo> param_table();

// The typical MS patient (values of param_table()).
ModelParams typical_params();

// The entry named `name`, or nullptr.
const ParamInfo* find_param(std::string_view name);

// Throws std::invalid_argument naming the first field that is not finite and > 0.
void validate(const ModelParams& params);

}  // namespace alemsim
