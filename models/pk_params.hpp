// Parameters of the alemtuzumab PK model with a lumped CD52 target pool.
// Every value, unit and source is documented in models/pk.md; the table in pk_params.cpp is the one
// place where typical values live, so code, docs and scenario overrides cannot drift apart.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace alemsim {

// Fixed for one simulated patient. Units are in the names.
struct PkParams {
  double central_volume_l;                  // V: serum (central) volume of distribution, L
  double linear_clearance_l_per_day;        // CL: target-independent (FcRn/catabolic) clearance, L/day
  double target_vmax_mg_per_day;            // Vmax of CD52-mediated elimination at baseline pool, mg/day
  double target_km_ng_per_ml;               // concentration at half CD52 occupancy, ng/mL
  double target_baseline_cells_per_ul;      // L0: CD52-bearing lymphocytes before treatment, cells/µL
  double target_turnover_per_day;           // kout: return rate of the pool towards L0, 1/day
  double kill_max_per_day;                  // lysis rate of CD52-bearing cells at full occupancy, 1/day
};

// Describes one field of PkParams: how scenario files name it, its unit and where its value comes from.
struct PkParamInfo {
  std::string_view name;
  std::string_view unit;
  double PkParams::*field;
  double typical_value;
  std::string_view source;
};

// All parameters in declaration order, with their typical (population) values.
std::span<const PkParamInfo> pk_param_table();

// The typical MS patient (values of pk_param_table()).
PkParams typical_pk_params();

// The entry named `name`, or nullptr.
const PkParamInfo* find_pk_param(std::string_view name);

// Throws std::invalid_argument naming the first field that is not finite and > 0.
void validate(const PkParams& params);

}  // namespace alemsim
