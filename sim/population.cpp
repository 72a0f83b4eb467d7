#include "sim/population.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include <omp.h>

namespace alemsim {
namespace {

// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): a counter-based generator, so the k-th draw of a
// patient is a pure function of (seed, patient, k) and needs no shared state between threads.
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Uniform in (0, 1): 53 random bits, offset by half a unit so 0 never occurs.
double uniform_open(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53; }

// Standard normal by Box–Muller from two keyed uniforms. Written out (not std::normal_distribution)
// because the standard library's algorithm differs between implementations.
double keyed_normal(std::uint64_t seed, std::int64_t patient, std::uint64_t draw) {
  const std::uint64_t key = splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(patient)));
  const double u1 = uniform_open(splitmix64(key + 2 * draw));
  const double u2 = uniform_open(splitmix64(key + 2 * draw + 1));
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace

ModelParams sample_patient(const ModelParams& typical, std::span<const VariabilityInfo> variability, std::uint64_t seed,
                        std::int64_t patient_index) {
  ModelParams p = typical;
  for (std::size_t k = 0; k < variability.size(); ++k) {
    const ParamInfo* info = find_param(variability[k].parameter);
    if (info == nullptr) {
      throw std::invalid_argument("variability names unknown parameter '" + std::string(variability[k].parameter) + "'");
    }
    const double omega = std::sqrt(std::log1p(variability[k].cv * variability[k].cv));
    p.*info->field *= std::exp(omega * keyed_normal(seed, patient_index, k));
  }
  return p;
}

std::vector<PopulationPatient> simulate_population(const ModelParams& typical,
                                                   std::span<const VariabilityInfo> variability,
                                                   std::uint64_t seed, std::int64_t n_patients,
                                                   std::span<const Infusion> infusions,
                                                   std::span<const double> grid_day, const SolverOptions& options,
                                                   int threads) {
  if (n_patients < 1) throw std::invalid_argument("number of patients must be >= 1");
  std::vector<PopulationPatient> patients(static_cast<std::size_t>(n_patients));
  // Sample up front so a bad variability table fails before any thread starts.
  for (std::int64_t i = 0; i < n_patients; ++i) {
    patients[static_cast<std::size_t>(i)].params = sample_patient(typical, variability, seed, i);
  }
  const int n_threads = threads > 0 ? threads : omp_get_max_threads();
#pragma omp parallel for schedule(dynamic, 16) num_threads(n_threads)
  for (std::int64_t i = 0; i < n_patients; ++i) {
    PopulationPatient& patient = patients[static_cast<std::size_t>(i)];
    try {
      patient.result = simulate_patient(patient.params, infusions, grid_day, options);
    } catch (const SolverError& e) {
      patient.ok = false;
      patient.error = e.what();
    }
  }
  return patients;
}

}  // namespace alemsim
