#include "models/variability.hpp"

#include <array>

namespace alemsim {
namespace {

// MS-specific variances are not public in the label; Li 2018 reports the covariates, not these CVs.
// Until the population issue calibrates them to the SmPC 5.1 lymphocyte-recovery fractions, the
// magnitudes are those typical of IgG1 antibodies (CL and V about 30% and 20%: Dirks NL, Meibohm B,
// Clin Pharmacokinet 2010;49:633) and Mould 2007's CLL estimate for Vmax (32%).
constexpr std::array kTable{
    VariabilityInfo{"central_volume_l", 0.20, "typical mAb V (Dirks & Meibohm 2010)"},
    VariabilityInfo{"linear_clearance_l_per_day", 0.30, "typical mAb CL (Dirks & Meibohm 2010)"},
    VariabilityInfo{"target_vmax_mg_per_day", 0.32, "Mould 2007, Vmax CV 32% (CLL)"},
    VariabilityInfo{"cd4_baseline_cells_per_ul", 0.25,
                      "healthy total lymphocytes 1147-3727/uL (2.5-97.5%), Clin Diagn Lab Immunol 2004"},
};

}  // namespace

std::span<const VariabilityInfo> variability_table() { return kTable; }

}  // namespace alemsim
