#include "models/model_params.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace alemsim {
namespace {

// Typical values. Sources and calibration targets are spelled out in models/pk.md; the values marked
// "calibrated" are the output of validation/calibrate_pk (re-run it to reproduce them).
constexpr std::array kTable{
    ParamInfo{"central_volume_l", "L", &ModelParams::central_volume_l, 13.89,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    ParamInfo{"linear_clearance_l_per_day", "L/day", &ModelParams::linear_clearance_l_per_day, 1.964,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    ParamInfo{"target_vmax_mg_per_day", "mg/day", &ModelParams::target_vmax_mg_per_day, 1.238,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    ParamInfo{"target_km_ng_per_ml", "ng/mL", &ModelParams::target_km_ng_per_ml, 338.0,
                "Mould 2007 (Br J Clin Pharmacol 64:278), Km 338 ug/L in CLL; also the half-occupancy of lysis"},
    ParamInfo{"target_baseline_cells_per_ul", "cells/uL", &ModelParams::target_baseline_cells_per_ul, 2437.0,
                "healthy adult total lymphocytes, mean (Clin Diagn Lab Immunol 2004;11:168)"},
    ParamInfo{"target_turnover_per_day", "1/day", &ModelParams::target_turnover_per_day, 0.001057,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    ParamInfo{"kill_max_per_day", "1/day", &ModelParams::kill_max_per_day, 0.1515,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
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
    if (!std::isfinite(v) || v <= 0.0) {
      throw std::invalid_argument(std::string(info.name) + ": expected a finite number > 0 (" +
                                  std::string(info.unit) + "), got " + std::to_string(v));
    }
  }
}

}  // namespace alemsim
