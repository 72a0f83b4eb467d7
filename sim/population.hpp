// Virtual populations: per-patient parameters drawn reproducibly, patients simulated in parallel.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/patient.hpp"

namespace alemsim {

struct Covariates {
  double weight_kg = 0.0;
  double female = 0.0;    // 1 for female, 0 for male
  double age_years = 0.0;
};

struct SampledPatient {
  ModelParams params;
  Covariates covariates;
};

// Draws patients from a VariabilityModel. Draws depend only on (seed, patient index), so a patient is
// the same whatever the thread count, population size or order of simulation.
class PatientSampler {
 public:
  // Throws std::invalid_argument naming the field: unknown or repeated parameter, CV < 0, |rho| > 1,
  // a correlation between parameters without random effects, a covariance matrix that is not
  // positive definite, or covariate settings out of range.
  PatientSampler(const ModelParams& typical, const VariabilityModel& variability);

  SampledPatient sample(std::uint64_t seed, std::int64_t patient_index) const;

 private:
  ModelParams typical_;
  CovariateModel covariates_;
  std::vector<double ModelParams::*> fields_;  // parameter of each random effect
  Eigen::MatrixXd cholesky_;                   // lower factor L of Omega: eta = L z
};

struct PatientOutcome {
  std::int64_t index = 0;
  SampledPatient patient;
  PatientResult result;  // empty series when the solver failed
  // LogBins indices of result.series, [quantity * times + time], when PopulationRunOptions::bin_series:
  // computed by the worker thread while the series are still in its cache, for SeriesPercentiles.
  std::vector<std::uint16_t> series_bins;
  bool ok = true;
  std::string error;     // solver message when !ok
};

// Most worker threads a run may ask for: far more than any machine alemsim runs on has cores, and
// far fewer than would exhaust the thread stacks (libgomp crashed at 100,000).
inline constexpr int kMaxThreads = 1024;
// Most patients one run may simulate: 10^9 is about four days of work on two cores at Model 2's
// 3,000 patients/s; a larger number is a typo, not a request.
inline constexpr std::int64_t kMaxPatients = 1'000'000'000;

// Largest output magnitude a patient may reach (ng/mL, cells/uL, fold, titer): far beyond any
// physiology and far below float32's 3.4e38, so a stored series never overflows to inf. A patient
// past it, or with an output that is not finite, is marked !ok.
inline constexpr double kMaxOutputValue = 1e30;

// True when every value of `series` is finite with magnitude at most kMaxOutputValue.
bool outputs_in_range(const std::vector<std::vector<double>>& series);

struct PopulationRunOptions {
  std::uint64_t seed = 1;
  std::int64_t patients = 1;
  int threads = 0;                 // 0: all available; at most kMaxThreads
  std::int64_t batch_size = 256;   // patients held in memory at once (bounds memory for any N)
  bool bin_series = false;         // fill PatientOutcome::series_bins (for a PopulationSummary)
};

// Simulates patients 0..n-1 through `plan` in batches with OpenMP threads and hands each finished
// batch, in patient order, to `consume` on the calling thread. Patients are integrated four at a
// time in SIMD lanes (simulate_patients_into), patients 4g..4g+3 together. A patient whose
// parameters are invalid or whose integration fails is marked !ok and the others go on. Results
// are identical for any thread count, batch size or number of patients. Throws std::invalid_argument for options out of range (patients
// 1..kMaxPatients, threads 0..kMaxThreads, batch size >= 1); any other
// error in a worker (a bug, not a patient) is rethrown here after the batch.
void run_population(const PatientSampler& sampler, const SimulationPlan& plan, const PopulationRunOptions& options,
                    const std::function<void(std::span<const PatientOutcome>)>& consume);

// Convenience for small populations: every outcome in one vector.
std::vector<PatientOutcome> simulate_population(const PatientSampler& sampler, const SimulationPlan& plan,
                                                const PopulationRunOptions& options);

}  // namespace alemsim
