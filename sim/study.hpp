// Studies: arms that vary a regimen, run on the same virtual patients, compared patient by patient.
// Format-free: study files are read in io/study_file.*, printed and written in cli/.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/plan.hpp"
#include "sim/population.hpp"
#include "sim/recovery_analysis.hpp"
#include "sim/regimen.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {

// A course depletes incompletely when its CD4+ nadir stays above this fraction of the CD4+ count at the
// course start (relative, so a course given before CD4+ has recovered is not counted as depleting).
inline constexpr double kIncompleteDepletionFraction = 0.5;

// One arm: a regimen and the virtual population it is given to. Arms share their patients' random
// draws (seed, patient index, random effect), so an arm that changes a typical value or a CV gives
// the same patients with that change: comparisons stay paired.
struct StudyArm {
  std::string name;
  std::vector<Course> courses;           // every course of the arm, before dropping those past the horizon
  std::vector<double> setting_values;    // value of each swept setting (StudyDesign::settings), NaN if none
  ModelParams typical_params = ::alemsim::typical_params();
  VariabilityModel variability = default_variability();
};

struct StudyDesign {
  std::vector<StudyArm> arms;
  std::vector<std::string> settings;     // swept settings, e.g. "courses[2].start_day", "parameters.ada_propensity"
  std::size_t reference_arm = 0;
  std::size_t outcome_course = 2;        // 0-based course whose outcomes are compared
  double outcome_window_day = 365.0;     // outcomes are read from the course start to start + this
  double output_step_day = 1.0;
  std::uint64_t seed = 1;
  std::int64_t patients = 1;
};

// The end of an arm's outcome window: the outcome course's start + StudyDesign::outcome_window_day.
// Throws std::invalid_argument if the arm has no outcome course.
double arm_horizon_day(const StudyDesign& design, const StudyArm& arm);
// The courses an arm simulates: those starting before arm_horizon_day() by more than
// kGridMergeTolDay; later courses cannot act on the outcomes. Throws as arm_horizon_day().
std::vector<Course> arm_courses(const StudyDesign& design, const StudyArm& arm);
// What an arm simulates: arm_courses() from day 0 to arm_horizon_day(), or to the end of the last
// infusion if a kept course is still infusing then (its outcomes still end at arm_horizon_day()).
// Throws PlanError for a regimen that cannot be simulated.
SimulationPlan arm_plan(const StudyDesign& design, const StudyArm& arm);

struct StudyOutcome {
  std::string name;   // e.g. "nadir_cd4_cells_per_ul"
  std::string unit;
  std::string description;
};

// The outcomes of a study, in the order of the values patient_study_outcomes() returns.
std::vector<StudyOutcome> study_outcomes();

// One patient's outcomes for course `course` (0-based), read on [course start, window_end_day]. NaN
// where an outcome is not defined (LLN not regained in the window, failed patient).
std::vector<double> patient_study_outcomes(const PatientOutcome& patient, std::span<const double> grid_day,
                                           std::size_t course, double window_end_day);

// Integral of y over [from_day, to_day], y linear between grid points (trapezoid), in y's unit x day.
double trapezoid_integral(std::span<const double> grid_day, std::span<const double> y, double from_day, double to_day);

// Days within [from_day, to_day] with y < threshold, y linear between grid points (crossings interpolated).
double days_below(std::span<const double> grid_day, std::span<const double> y, double threshold, double from_day,
                  double to_day);

// A distribution of values of either sign (paired differences), binned like StreamingDistribution.
class SignedDistribution {
 public:
  void add(double value);
  std::int64_t count() const { return negative_.count() + positive_.count(); }
  double mean() const;
  double mean_standard_error() const { return moments_.standard_error(); }
  double percentile(double p) const;  // p in [0, 100]; NaN when empty

 private:
  StreamingDistribution negative_;  // magnitudes of values < 0
  StreamingDistribution positive_;  // values >= 0
  RunningMoments moments_;          // of the signed values
};

struct ArmSummary {
  std::string name;
  std::int64_t patients = 0;
  std::int64_t failed = 0;
  std::vector<StreamingDistribution> value;     // [outcome]
  std::vector<SignedDistribution> difference;   // [outcome]: this arm minus the reference arm, per patient
  // Time to recovery after each simulated course of the arm (Kaplan–Meier; the outcome course's
  // window ends at the next course or the arm's horizon, as for its outcomes).
  RecoveryAnalysis recovery;
};

struct StudyRunOptions {
  int threads = 0;                  // 0: all cores
  std::int64_t batch_size = 256;
  bool bin_series = false;          // as PopulationRunOptions::bin_series, for per-arm PopulationSummary
};

// One arm as run_study simulates it.
struct ArmRun {
  std::size_t arm = 0;               // index in StudyDesign::arms
  double outcome_end_day = 0.0;      // arm_horizon_day(): the outcome window ends here
  SimulationPlan plan;               // arm_plan(): the courses simulated, output times [T], solver
};

// What run_study hands out as it goes, on the calling thread: for each arm in run order (the
// reference arm first), begin_arm, then `batch` for every batch of patients in index order, then
// end_arm. Each may be left empty. A writer streams per-patient rows from here with bounded memory.
struct StudyObserver {
  std::function<void(const ArmRun&)> begin_arm;
  std::function<void(const ArmRun&, std::span<const PatientOutcome>)> batch;
  std::function<void(const ArmRun&)> end_arm;
};

// Runs every arm on patients 0..N-1 drawn from (seed, index), so arms share their virtual patients.
// The reference arm runs first and its per-patient outcomes are kept (N x 18 doubles: 144 bytes a
// patient, 144 MB for 1e6 patients); every other arm is folded in batch by batch.
// Results do not depend on threads or batch size.
std::vector<ArmSummary> run_study(const StudyDesign& design, const StudyRunOptions& options,
                                  const StudyObserver& observer = {});

}  // namespace alemsim
