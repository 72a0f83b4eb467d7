// Virtual populations: per-patient parameters drawn reproducibly, patients simulated in parallel.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/patient.hpp"

namespace alemsim {

// Parameters of patient `patient_index`: the typical values times log-normal random effects.
// Draws depend only on (seed, patient_index), so a patient is the same whatever the thread count,
// population size or order of simulation.
ModelParams sample_patient(const ModelParams& typical, std::span<const VariabilityInfo> variability, std::uint64_t seed,
                        std::int64_t patient_index);

struct PopulationPatient {
  ModelParams params;
  PatientResult result;  // empty series when the solver failed
  bool ok = true;
  std::string error;     // solver message when !ok
};

// Simulates patients 0..n-1 with OpenMP threads (all available unless threads > 0). A patient whose
// integration fails is marked !ok and the others go on. Results are identical for any thread count.
std::vector<PopulationPatient> simulate_population(const ModelParams& typical,
                                                   std::span<const VariabilityInfo> variability,
                                                   std::uint64_t seed, std::int64_t n_patients,
                                                   std::span<const Infusion> infusions,
                                                   std::span<const double> grid_day,
                                                   const SolverOptions& options = {}, int threads = 0);

}  // namespace alemsim
