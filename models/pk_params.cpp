#include "models/pk_params.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace alemsim {
namespace {

// Typical values. Sources and calibration targets are spelled out in models/pk.md; the values marked
// "calibrated" are the output of validation/calibrate_pk (re-run it to reproduce them).
constexpr std::array kTable{
    PkParamInfo{"central_volume_l", "L", &PkParams::central_volume_l, 13.89,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    PkParamInfo{"linear_clearance_l_per_day", "L/day", &PkParams::linear_clearance_l_per_day, 1.964,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    PkParamInfo{"target_vmax_mg_per_day", "mg/day", &PkParams::target_vmax_mg_per_day, 1.238,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    PkParamInfo{"target_km_ng_per_ml", "ng/mL", &PkParams::target_km_ng_per_ml, 338.0,
                "Mould 2007 (Br J Clin Pharmacol 64:278), Km 338 ug/L in CLL; also the half-occupancy of lysis"},
    PkParamInfo{"target_baseline_cells_per_ul", "cells/uL", &PkParams::target_baseline_cells_per_ul, 2437.0,
                "healthy adult total lymphocytes, mean (Clin Diagn Lab Immunol 2004;11:168)"},
    PkParamInfo{"target_turnover_per_day", "1/day", &PkParams::target_turnover_per_day, 0.001057,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
    PkParamInfo{"kill_max_per_day", "1/day", &PkParams::kill_max_per_day, 0.1515,
                "calibrated (validation/calibrate_pk): SmPC 5.2 Cmax and half-life, CARE-MS T cells at months 1 and 12"},
};

}  // namespace

std::span<const PkParamInfo> pk_param_table() { return kTable; }

PkParams typical_pk_params() {
  PkParams p{};
  for (const PkParamInfo& info : kTable) p.*info.field = info.typical_value;
  return p;
}

const PkParamInfo* find_pk_param(std::string_view name) {
  for (const PkParamInfo& info : kTable) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

void validate(const PkParams& params) {
  for (const PkParamInfo& info : kTable) {
    const double v = params.*info.field;
    if (!std::isfinite(v) || v <= 0.0) {
      throw std::invalid_argument(std::string(info.name) + ": expected a finite number > 0 (" +
                                  std::string(info.unit) + "), got " + std::to_string(v));
    }
  }
}

}  // namespace alemsim
