// Names and units of the quantities a model reports: CSV columns, HDF5 datasets and plot labels.
#pragma once

#include <string_view>

namespace alemsim {

struct OutputQuantity {
  std::string_view column;  // machine name with unit suffix, e.g. "concentration_ng_per_ml"
  std::string_view label;   // human name, e.g. "Serum alemtuzumab"
  std::string_view unit;    // e.g. "ng/mL"
};

}  // namespace alemsim
