// The names of the groups, datasets and attributes of alemsim's HDF5 results files
// (docs/output-format.md): the writers in io/ and the readers (the viewer) use these, never
// literals, so a renamed dataset cannot leave a reader behind.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace alemsim::hdf5_names {

// The run layout: at the root of a run file, and in each arm group of a study file.
inline constexpr const char* kTime = "time_day";           // [T] output times, days
inline constexpr const char* kSeries = "series";           // group: [patients kept x T] per quantity
inline constexpr const char* kSummary = "summary";         // group: [5 x T] percentile bands per quantity
inline constexpr const char* kMetrics = "metrics";         // group: [patients x courses] per course metric
inline constexpr const char* kParameters = "parameters";   // group: sampled parameters and covariates
inline constexpr const char* kStatus = "status";           // [patients] 0 simulated, 1 failed
inline constexpr const char* kFractionsBelow = "fractions_below";  // group: [3 x T] per count threshold
inline constexpr const char* kSurvival = "survival";       // group: course_<k>/<threshold> [7 x E] Kaplan–Meier time to recovery

// A study file: one run layout per arm under kArms, plus the arm's outcomes.
inline constexpr const char* kArms = "/arms";
inline constexpr const char* kOutcomes = "outcomes";
inline constexpr const char* kPairedDifference = "paired_difference";

// Attributes of the root.
inline constexpr const char* kGitCommit = "git_commit";
inline constexpr const char* kLayout = "layout";               // where the layout is documented
inline constexpr const char* kStudy = "study";                 // a study file's study as YAML text
inline constexpr const char* kStudyPath = "study_path";
inline constexpr const char* kPatients = "patients";
inline constexpr const char* kKeepSeries = "keep_series";
inline constexpr const char* kOutcomeCourse = "outcome_course";
inline constexpr const char* kOutcomeWindowDay = "outcome_window_day";
// Attributes of an arm group.
inline constexpr const char* kHorizonDay = "horizon_day";
inline constexpr const char* kFailed = "failed";
// Attributes of an outcome dataset.
inline constexpr const char* kMean = "mean";
inline constexpr const char* kCount = "count";

// Attributes of any object.
inline constexpr const char* kUnits = "units";
inline constexpr const char* kDescription = "description";
inline constexpr const char* kPercentiles = "percentiles";
inline constexpr const char* kRows = "rows";                // what each row of a 2-D dataset holds
inline constexpr const char* kScenario = "scenario";        // the scenario as YAML text
inline constexpr const char* kScenarioPath = "scenario_path";
inline constexpr const char* kSettings = "settings";        // `run --set` arguments, one PATH=VALUE a line
inline constexpr const char* kSeed = "seed";
inline constexpr const char* kVersion = "alemsim_version";
inline constexpr const char* kName = "name";                // an arm's name
inline constexpr const char* kReferenceArm = "reference_arm";

// The survival group of course k (0-based): "survival/course_1".
inline std::string survival_course_group(std::size_t course) {
  return std::string(kSurvival) + "/course_" + std::to_string(course + 1);
}

// "series/cd4_cells_per_ul": a dataset of a group of the layout.
inline std::string member(std::string_view group, std::string_view name) {
  return std::string(group) + "/" + std::string(name);
}

// The group of study arm `arm` (0-based): "/arms/007". Arm names may hold '/', which HDF5 reads as a
// path: groups are numbered, the name is an attribute (kName).
inline std::string arm_group(std::size_t arm) {
  char number[24];
  std::snprintf(number, sizeof number, "%03zu", arm);
  return std::string(kArms) + "/" + number;
}

}  // namespace alemsim::hdf5_names
