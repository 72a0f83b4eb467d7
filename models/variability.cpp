#include "models/variability.hpp"

#include <array>

namespace alemsim {
namespace {

// MS-specific variances are not public in the label; Li 2018 reports covariates, not these CVs.
// Until the population issue calibrates them to the SmPC 5.1 lymphocyte-recovery fractions, PK
// magnitudes are those typical of IgG1 antibodies (CL about 30%, V about 20%: Dirks NL, Meibohm B,
// Clin Pharmacokinet 2010;49:633), Vmax from Mould 2007 (32%), baseline counts from the healthy
// reference ranges (Clin Diagn Lab Immunol 2004;11:168; log-normal CV matching the 2.5-97.5% range).
constexpr std::array kTable{
    VariabilityInfo{"central_volume_l", 0.20, "typical mAb V (Dirks & Meibohm 2010)"},
    VariabilityInfo{"linear_clearance_l_per_day", 0.30, "typical mAb CL (Dirks & Meibohm 2010)"},
    VariabilityInfo{"target_vmax_mg_per_day", 0.32, "Mould 2007, Vmax CV 32% (CLL)"},
    VariabilityInfo{"cd4_baseline_cells_per_ul", 0.39, "healthy CD4+ 313-1361/uL (2.5-97.5%)"},
    VariabilityInfo{"cd8_baseline_cells_per_ul", 0.45, "healthy CD8+ 228-1243/uL (2.5-97.5%)"},
    VariabilityInfo{"cd19_baseline_cells_per_ul", 0.54, "healthy CD19+ 109-802/uL (2.5-97.5%)"},
    VariabilityInfo{"nk_baseline_cells_per_ul", 0.57, "healthy NK 140-1103/uL (2.5-97.5%)"},
    VariabilityInfo{"ada_propensity", 1.0, "assumed: wide spread of immunogenicity; 85% ADA-positive (SmPC 5.1)"},
};

}  // namespace

std::span<const VariabilityInfo> variability_table() { return kTable; }

}  // namespace alemsim
