// The quantities a model reports, each with the role it plays: what the per-course summaries,
// studies, the viewer and the result files read, by role rather than by name. Names and units
// become CSV columns, HDF5 datasets and plot labels.
#pragma once

#include <cmath>
#include <limits>
#include <span>
#include <string_view>

namespace alemsim {

enum class QuantityRole {
  kDrugConcentration,  // serum drug concentration: Cmax, half-life, AUC are read from it
  kBloodSubset,        // a lymphocyte subset in blood that the drug depletes: nadir, recovery
  kTotalLymphocytes,   // all lymphocytes in blood: nadir, recovery, the label's fractions at the LLN
  kAntibodyTiter,      // anti-drug antibodies, titer before each course
};

inline constexpr double kNoLowerLimit = std::numeric_limits<double>::quiet_NaN();

struct OutputQuantity {
  // Every quantity states its role: there is no default a forgotten one could fall back on.
  constexpr OutputQuantity(std::string_view column_, std::string_view label_, std::string_view unit_, QuantityRole role_,
                           std::string_view short_name_, double lln_cells_per_ul_ = kNoLowerLimit,
                           bool guides_prophylaxis_ = false)
      : column(column_), label(label_), unit(unit_), role(role_), short_name(short_name_),
        lln_cells_per_ul(lln_cells_per_ul_), guides_prophylaxis(guides_prophylaxis_) {}

  std::string_view column;      // machine name with unit suffix, e.g. "concentration_ng_per_ml"
  std::string_view label;       // human name, e.g. "Serum alemtuzumab"
  std::string_view unit;        // e.g. "ng/mL"
  QuantityRole role;
  std::string_view short_name;  // in metric names, e.g. "cd4" in "nadir_cd4_cells_per_ul"
  // Cell counts: the lower limit of normal, cells/µL; kNoLowerLimit where none is defined.
  double lln_cells_per_ul;
  // The count herpes prophylaxis waits for (CD4+; see models/reference_ranges.hpp).
  bool guides_prophylaxis;

  bool is_cell_count() const { return role == QuantityRole::kBloodSubset || role == QuantityRole::kTotalLymphocytes; }
  bool has_lln() const { return !std::isnan(lln_cells_per_ul); }
};

// Position of the first quantity with `role` in `outputs`; outputs.size() if there is none.
constexpr std::size_t find_role(std::span<const OutputQuantity> outputs, QuantityRole role) {
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (outputs[q].role == role) return q;
  }
  return outputs.size();
}

}  // namespace alemsim
