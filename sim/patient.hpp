// One simulated patient: the PK model through a regimen, reduced to output series and course figures.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "models/pk_params.hpp"
#include "sim/course_summary.hpp"
#include "sim/regimen.hpp"
#include "sim/solver.hpp"

namespace alemsim {

struct PatientResult {
  std::vector<double> concentration_ng_per_ml;  // aligned with the output grid
  std::vector<double> cd52_pool_cells_per_ul;   // lumped CD52-bearing lymphocytes, aligned with the grid
  std::vector<CoursePk> courses;
};

// Throws SolverError if the integration fails.
PatientResult simulate_patient(const PkParams& params, std::span<const Infusion> infusions,
                               std::span<const double> grid_day, const SolverOptions& options = {});

}  // namespace alemsim
