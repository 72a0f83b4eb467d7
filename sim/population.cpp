#include "sim/population.hpp"

#include "sim/log_bins.hpp"
#include "sim/memory_budget.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numbers>
#include <stdexcept>
#include <string>

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

class KeyedDraws {
 public:
  KeyedDraws(std::uint64_t seed, std::int64_t patient)
      : key_(splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(patient)))) {}
  double uniform(std::uint64_t draw) const { return uniform_open(splitmix64(key_ + draw)); }
  // Standard normal by Box–Muller from two keyed uniforms. Written out (not std::normal_distribution)
  // because the standard library's algorithm differs between implementations.
  double normal(std::uint64_t draw) const {
    return std::sqrt(-2.0 * std::log(uniform(2 * draw))) * std::cos(2.0 * std::numbers::pi * uniform(2 * draw + 1));
  }

 private:
  std::uint64_t key_;
};

// Draw slots: random effects use 0..k-1; covariates use fixed slots far above, so adding an effect
// does not change anyone's covariates.
constexpr std::uint64_t kWeightDraw = 1000;
constexpr std::uint64_t kSexDraw = 1001;
constexpr std::uint64_t kAgeDraw = 1002;  // and following, for rejection of out-of-range ages
constexpr int kAgeTries = 64;

void check_covariates(const CovariateModel& c) {
  const auto require = [](bool ok, const char* field, const char* expected) {
    if (!ok) throw std::invalid_argument(std::string("variability.covariates.") + field + ": expected " + expected);
  };
  // Physiological bounds (adults and children, kg and years); the comparisons also refuse NaN.
  const auto in = [](double v, double low, double high) { return v >= low && v <= high; };
  require(in(c.weight_kg_median, 20.0, 300.0), "weight_kg_median", "a weight from 20 to 300 kg");
  require(in(c.weight_kg_cv, 0.0, 1.0), "weight_kg_cv", "a CV from 0 to 1");
  require(in(c.female_fraction, 0.0, 1.0), "female_fraction", "a fraction from 0 to 1");
  require(in(c.age_years_sd, 0.0, 50.0), "age_years_sd", "a number of years from 0 to 50");
  require(in(c.age_years_min, 0.0, 120.0), "age_years_min", "an age from 0 to 120 years");
  require(in(c.age_years_max, 0.0, 120.0), "age_years_max", "an age from 0 to 120 years");
  require(c.age_years_min <= c.age_years_mean && c.age_years_mean <= c.age_years_max, "age_years_mean",
          "a mean between age_years_min and age_years_max");
  require(in(c.reference_weight_kg, 20.0, 300.0), "reference_weight_kg", "a weight from 20 to 300 kg");
  require(in(c.volume_weight_exponent, -3.0, 3.0), "volume_weight_exponent", "an exponent from -3 to 3");
  require(in(c.clearance_weight_exponent, -3.0, 3.0), "clearance_weight_exponent", "an exponent from -3 to 3");
}

}  // namespace

PatientSampler::PatientSampler(const ModelParams& typical, const VariabilityModel& variability)
    : typical_(typical), covariates_(variability.covariates) {
  validate(typical_);
  check_covariates(covariates_);
  const std::size_t k = variability.effects.size();
  std::vector<double> omega(k);
  for (std::size_t j = 0; j < k; ++j) {
    const RandomEffect& e = variability.effects[j];
    const ParamInfo* info = find_param(e.parameter);
    const std::string field = "variability.cv." + e.parameter;
    if (info == nullptr) throw std::invalid_argument(field + ": unknown parameter");
    if (!(e.cv >= 0.0 && e.cv <= kMaxCv)) throw std::invalid_argument(field + ": expected a CV from 0 to 2 (200%)");
    if (std::find(fields_.begin(), fields_.end(), info->field) != fields_.end()) {
      throw std::invalid_argument(field + ": listed twice");
    }
    fields_.push_back(info->field);
    omega[j] = std::sqrt(std::log1p(e.cv * e.cv));
  }
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
  for (std::size_t j = 0; j < k; ++j) cov(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j)) = omega[j] * omega[j];
  for (const EffectCorrelation& c : variability.correlations) {
    const std::string field = "variability.correlations[" + c.first + ", " + c.second + "]";
    const auto index_of = [&](const std::string& name) {
      for (std::size_t j = 0; j < k; ++j) {
        if (variability.effects[j].parameter == name) return static_cast<Eigen::Index>(j);
      }
      throw std::invalid_argument(field + ": '" + name + "' has no random effect (give it a CV first)");
    };
    const Eigen::Index a = index_of(c.first), b = index_of(c.second);
    if (a == b) throw std::invalid_argument(field + ": a parameter cannot be correlated with itself");
    if (!(std::abs(c.rho) <= 1.0)) throw std::invalid_argument(field + ": expected rho between -1 and 1");
    cov(a, b) = cov(b, a) = c.rho * omega[static_cast<std::size_t>(a)] * omega[static_cast<std::size_t>(b)];
  }
  // Effects with CV 0 make Omega singular but harmless; factor only the varying block's pattern by
  // adding nothing: LDLT would accept semi-definite matrices, LLT insists on definiteness, which is
  // what a user who wrote a correlation matrix by hand needs checked.
  if (k > 0) {
    Eigen::MatrixXd guarded = cov;
    for (Eigen::Index j = 0; j < guarded.rows(); ++j) {
      if (guarded(j, j) == 0.0) guarded(j, j) = 1.0;  // a fixed parameter: its (zero) column is ignored below
    }
    const Eigen::LLT<Eigen::MatrixXd> llt(guarded);
    if (llt.info() != Eigen::Success) {
      throw std::invalid_argument("variability.correlations: the covariance matrix is not positive definite");
    }
    cholesky_ = llt.matrixL();
    for (Eigen::Index j = 0; j < cov.rows(); ++j) {
      if (cov(j, j) == 0.0) cholesky_.row(j).setZero();
    }
  }
}

SampledPatient PatientSampler::sample(std::uint64_t seed, std::int64_t patient_index) const {
  const KeyedDraws draws(seed, patient_index);
  SampledPatient s{typical_, {}};

  const auto k = static_cast<Eigen::Index>(fields_.size());
  Eigen::VectorXd z(k);
  for (Eigen::Index j = 0; j < k; ++j) z(j) = draws.normal(static_cast<std::uint64_t>(j));
  const Eigen::VectorXd eta = cholesky_.triangularView<Eigen::Lower>() * z;
  for (Eigen::Index j = 0; j < k; ++j) s.params.*fields_[static_cast<std::size_t>(j)] *= std::exp(eta(j));

  const CovariateModel& c = covariates_;
  const double weight_sigma = std::sqrt(std::log1p(c.weight_kg_cv * c.weight_kg_cv));
  s.covariates.weight_kg = c.weight_kg_median * std::exp(weight_sigma * draws.normal(kWeightDraw));
  s.covariates.female = draws.uniform(2 * kSexDraw) < c.female_fraction ? 1.0 : 0.0;
  double age = c.age_years_mean;
  for (int attempt = 0; attempt < kAgeTries; ++attempt) {
    const double candidate = c.age_years_mean + c.age_years_sd * draws.normal(kAgeDraw + static_cast<std::uint64_t>(attempt));
    if (candidate >= c.age_years_min && candidate <= c.age_years_max) {
      age = candidate;
      break;
    }
  }
  s.covariates.age_years = age;

  const double weight_ratio = s.covariates.weight_kg / c.reference_weight_kg;
  s.params.central_volume_l *= std::pow(weight_ratio, c.volume_weight_exponent);
  s.params.linear_clearance_l_per_day *= std::pow(weight_ratio, c.clearance_weight_exponent);
  s.params.target_vmax_mg_per_day *= std::pow(weight_ratio, c.clearance_weight_exponent);
  return s;
}

bool outputs_in_range(const std::vector<std::vector<double>>& series) {
  for (const std::vector<double>& quantity : series) {
    for (double v : quantity) {
      if (!(std::abs(v) <= kMaxOutputValue)) return false;  // NaN too
    }
  }
  return true;
}

namespace {

// Samples and simulates the patients of one lane group (their indices set), each outcome marked ok
// or given its error. Lanes whose parameters are invalid carry a copy of a valid lane's (a copy
// changes no step the controller takes) and are reported as invalid. If the group's integration
// fails, each valid patient is integrated alone, so only the patient that fails is reported.
void simulate_group(const PatientSampler& sampler, const SimulationPlan& plan, const PopulationRunOptions& options,
                    const std::array<PatientOutcome*, kPatientLanes>& group) {
  std::array<ModelParams, kPatientLanes> params;
  const ModelParams* valid = nullptr;
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    PatientOutcome& out = *group[l];
    out.ok = true;
    out.error.clear();
    try {
      out.patient = sampler.sample(options.seed, out.index);
      // A draw can land outside the model's domain (e.g. a share of 1 or more); such a patient is
      // reported, not simulated into nonsense.
      validate(out.patient.params);
      if (valid == nullptr) valid = &out.patient.params;
    } catch (const std::invalid_argument& e) {
      out.ok = false;
      out.error = std::string("sampled parameters are invalid: ") + e.what();
    }
    params[l] = out.patient.params;
  }
  if (valid == nullptr) return;
  for (std::size_t l = 0; l < kPatientLanes; ++l) {
    if (!group[l]->ok) params[l] = *valid;
  }
  try {
    std::array<PatientResult*, kPatientLanes> results;
    for (std::size_t l = 0; l < kPatientLanes; ++l) results[l] = &group[l]->result;
    simulate_patients_into(results, params, plan);
  } catch (const SolverError&) {
    for (PatientOutcome* out : group) {
      if (!out->ok) continue;
      try {
        simulate_patient_into(out->result, out->patient.params, plan);
      } catch (const SolverError& e) {
        out->ok = false;
        out->error = e.what();
      }
    }
  }
  for (PatientOutcome* out : group) {
    if (!out->ok) continue;
    if (!outputs_in_range(out->result.series)) {
      out->ok = false;
      out->error = "an output is not finite or exceeds " + format_number(kMaxOutputValue);
    } else if (options.bin_series) {
      bin_series(out->result.series, out->series_bins);
    }
  }
}

}  // namespace

void run_population(const PatientSampler& sampler, const SimulationPlan& plan, const PopulationRunOptions& options,
                    const std::function<void(std::span<const PatientOutcome>)>& consume) {
  if (options.patients < 1 || options.patients > kMaxPatients) {
    throw std::invalid_argument("number of patients must be from 1 to " + std::to_string(kMaxPatients));
  }
  if (options.threads < 0 || options.threads > kMaxThreads) {
    throw std::invalid_argument("number of threads must be from 0 (all cores) to " + std::to_string(kMaxThreads));
  }
  if (options.batch_size < 1) throw std::invalid_argument("batch size must be >= 1");
  // A batch holds every patient's series (8 bytes a value) and, with bin_series, their bins (2).
  const double batch_patients = static_cast<double>(std::min(options.batch_size, options.patients));
  const double values_per_patient = static_cast<double>(patient_outputs().size() * plan.grid_day().size());
  require_memory(batch_patients * values_per_patient * (options.bin_series ? 10.0 : 8.0),
                 "a batch of " + std::to_string(static_cast<std::int64_t>(batch_patients)) + " patients at " +
                     std::to_string(plan.grid_day().size()) + " output times",
                 "use a larger output.step_day or a shorter horizon_day");
  const int n_threads = options.threads > 0 ? options.threads : omp_get_max_threads();
  std::vector<PatientOutcome> batch;
  for (std::int64_t first = 0; first < options.patients; first += options.batch_size) {
    const std::int64_t count = std::min(options.batch_size, options.patients - first);
    // The outcomes are refilled batch after batch: their vectors keep their memory (allocating and
    // freeing a batch's 40 MB each time cost page faults).
    batch.resize(static_cast<std::size_t>(count));
    // An exception may not leave an OpenMP region: an unexpected one (a bug or no memory, not a
    // patient) is kept, the lowest patient's so the error is the same for any thread count, and
    // rethrown after the batch.
    std::exception_ptr unexpected;
    std::int64_t unexpected_index = -1;
    const auto keep_unexpected = [&](std::int64_t index) {
#pragma omp critical(alemsim_population_unexpected)
      if (unexpected_index < 0 || index < unexpected_index) {
        unexpected = std::current_exception();
        unexpected_index = index;
      }
    };
    // Patients are simulated in groups of kPatientLanes consecutive indices, starting at index 0,
    // so a patient's lane partners depend on its index alone: a group cut by a batch boundary, or
    // reaching past the last patient, is simulated whole and only its lanes inside the batch kept.
    const std::int64_t lanes = static_cast<std::int64_t>(kPatientLanes);
    const std::int64_t first_group = first / lanes;
    const std::int64_t end_group = (first + count + lanes - 1) / lanes;
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads)
    for (std::int64_t g = first_group; g < end_group; ++g) {
      std::array<PatientOutcome, kPatientLanes> outside;  // lanes of this group not in the batch
      std::array<PatientOutcome*, kPatientLanes> group;
      for (std::size_t l = 0; l < kPatientLanes; ++l) {
        const std::int64_t index = g * lanes + static_cast<std::int64_t>(l);
        group[l] = index >= first && index < first + count ? &batch[static_cast<std::size_t>(index - first)] : &outside[l];
        group[l]->index = index;
      }
      try {
        simulate_group(sampler, plan, options, group);
      } catch (...) {
        keep_unexpected(g * lanes);
        for (PatientOutcome* out : group) out->ok = false;
      }
      for (PatientOutcome* out : group) {
        if (!out->ok) {  // no half-written series from this or an earlier batch
          out->result = PatientResult{};
          out->series_bins.clear();
        }
      }
    }
    if (unexpected) std::rethrow_exception(unexpected);
    consume(batch);
  }
}

std::vector<PatientOutcome> simulate_population(const PatientSampler& sampler, const SimulationPlan& plan,
                                                const PopulationRunOptions& options) {
  std::vector<PatientOutcome> all;
  all.reserve(static_cast<std::size_t>(std::max<std::int64_t>(options.patients, 0)));
  run_population(sampler, plan, options, [&](std::span<const PatientOutcome> batch) {
    all.insert(all.end(), batch.begin(), batch.end());
  });
  return all;
}

}  // namespace alemsim
