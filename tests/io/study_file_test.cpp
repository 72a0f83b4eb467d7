#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/study_file.hpp"
#include "tests/shipped_files.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

// A study file in the temporary folder whose base is the shipped 4-course scenario.
std::string write_study(const std::string& name, const std::string& body) {
  const fs::path file = fs::temp_directory_path() / ("alemsim_study_" + name + ".yaml");
  std::ofstream(file) << "base: " << (kSource / "scenarios/label-4-courses.yaml").string() << "\n" << body;
  return file.string();
}

constexpr const char* kValid =
    "outcome_course: 3\n"
    "set:\n  courses[3].start_day: 4000\n"
    "sweep:\n"
    "  courses[2].start_day: {from: 730, to: 1000, step: 90}\n"
    "  courses[*].dose_mg_per_day: [12, 24]\n";

TEST(StudyFile, EveryShippedStudyLoads) {
  int loaded = 0;
  for (const fs::path& file : test::shipped_studies(kSource / "scenarios")) {
    SCOPED_TRACE(file.string());
    const StudyFile s = load_study(file.string());
    EXPECT_GE(s.design.arms.size(), 2u);
    ++loaded;
  }
  EXPECT_GE(loaded, 2);
}

TEST(StudyFile, SweepIsTheCartesianProduct) {
  const StudyFile s = load_study(write_study("valid", kValid));
  const StudyDesign& d = s.design;
  ASSERT_EQ(d.arms.size(), 8u);  // start days 730, 820, 910, 1000 x doses 12, 24
  EXPECT_EQ(d.settings, (std::vector<std::string>{"courses[2].start_day", "courses[*].dose_mg_per_day"}));
  EXPECT_EQ(d.arms[0].name, "courses[2].start_day=730 courses[*].dose_mg_per_day=12");
  EXPECT_EQ(d.arms[7].name, "courses[2].start_day=1000 courses[*].dose_mg_per_day=24");
  EXPECT_DOUBLE_EQ(d.arms[3].courses[2].start_day, 820.0);
  for (const Course& c : d.arms[3].courses) EXPECT_DOUBLE_EQ(c.dose_mg_per_day, 24.0);
  EXPECT_DOUBLE_EQ(d.arms[3].courses[3].start_day, 4000.0);  // from set:
  EXPECT_EQ(d.outcome_course, 2u);
  EXPECT_EQ(d.reference_arm, 0u);
}

TEST(StudyFile, ExplicitArmsAndReference) {
  const StudyFile s = load_study(write_study("arms",
                                             "outcome_course: 3\n"
                                             "reference_arm: label\n"
                                             "arms:\n"
                                             "  - name: late\n"
                                             "    set:\n      courses[2].start_day: 1095\n      courses[3].start_day: 1500\n"
                                             "  - {name: label}\n"));
  ASSERT_EQ(s.design.arms.size(), 2u);
  EXPECT_EQ(s.design.reference_arm, 1u);
  EXPECT_DOUBLE_EQ(s.design.arms[0].courses[2].start_day, 1095.0);
}

TEST(StudyFile, ArmsMaySetParametersVariabilityAndCovariates) {
  const StudyFile s = load_study(write_study("model_settings",
                                             "outcome_course: 4\n"
                                             "set: {variability.covariates.weight_kg_median: 85}\n"
                                             "sweep:\n"
                                             "  parameters.ada_propensity: [1, 3]\n"
                                             "  variability.cv.linear_clearance_l_per_day: [0.2, 0.4]\n"));
  ASSERT_EQ(s.design.arms.size(), 4u);
  EXPECT_EQ(s.design.arms[0].name, "parameters.ada_propensity=1 variability.cv.linear_clearance_l_per_day=0.2");
  EXPECT_EQ(s.design.arms[3].typical_params.ada_propensity, 3.0);
  EXPECT_EQ(s.design.arms[0].typical_params.ada_propensity, 1.0);
  for (const StudyArm& arm : s.design.arms) {
    EXPECT_EQ(arm.variability.covariates.weight_kg_median, 85.0);
    EXPECT_EQ(arm.courses.size(), 4u);  // the base's regimen, untouched
  }
  const auto cv_of = [](const StudyArm& arm) {
    for (const RandomEffect& e : arm.variability.effects) {
      if (e.parameter == "linear_clearance_l_per_day") return e.cv;
    }
    return -1.0;
  };
  EXPECT_EQ(cv_of(s.design.arms[0]), 0.2);
  EXPECT_EQ(cv_of(s.design.arms[1]), 0.4);
  // The base's other random effects stay in their order: the arms draw the same patients.
  EXPECT_EQ(s.design.arms[0].variability.effects.size(), s.base.variability.effects.size());
}

struct BadStudy {
  const char* name;
  std::string body;
  const char* expected;  // part of the one-line message
};

class BadStudyTest : public testing::TestWithParam<BadStudy> {};

TEST_P(BadStudyTest, FailsWithAOneLineMessageNamingTheField) {
  const BadStudy& bad = GetParam();
  const std::string path = write_study(bad.name, bad.body);
  try {
    load_study(path);
    FAIL() << "no error for " << bad.name;
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path), std::string::npos) << what;
    EXPECT_NE(what.find(bad.expected), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    StudyFile, BadStudyTest,
    testing::Values(
        BadStudy{"empty_sweep", "outcome_course: 3\nsweep: {}\n", "sweep: empty sweep"},
        BadStudy{"empty_values", "outcome_course: 3\nsweep:\n  courses[2].start_day: []\n",
                 "sweep.courses[2].start_day: empty sweep"},
        BadStudy{"unknown_setting", "outcome_course: 3\nsweep:\n  courses[2].colour: [1, 2]\n",
                 "sweep.courses[2].colour: unknown setting"},
        BadStudy{"course_out_of_range", "outcome_course: 3\nsweep:\n  courses[7].start_day: [1, 2]\n",
                 "sweep.courses[7].start_day: the base scenario has 4 courses"},
        BadStudy{"repeated_arm", "outcome_course: 3\nset:\n  courses[3].start_day: 4000\nsweep:\n  courses[2].dose_mg_per_day: [12, 24, 12]\n",
                 "arm name 'courses[2].dose_mg_per_day=12' repeats"},
        BadStudy{"repeated_named_arm", "outcome_course: 3\narms: [{name: a}, {name: a}]\n", "arms[1].name: arm name 'a' repeats"},
        BadStudy{"unknown_key", "outcome_course: 3\ncolour: red\nsweep:\n  courses[2].start_day: [730]\n", "colour: unknown key"},
        BadStudy{"no_outcome_course", "sweep:\n  courses[2].start_day: [730]\n", "outcome_course: required key is missing"},
        BadStudy{"both", "outcome_course: 3\nsweep:\n  courses[2].start_day: [730]\narms: [{name: a}]\n",
                 "expected exactly one of sweep"},
        BadStudy{"unknown_reference", "outcome_course: 3\nreference_arm: nope\narms: [{name: a}]\n",
                 "reference_arm: no arm is named 'nope'"},
        BadStudy{"overlap", "outcome_course: 3\nsweep:\n  courses[2].start_day: [1096]\n", "sweep: arm 'courses[2].start_day=1096'"},
        BadStudy{"bad_step", "outcome_course: 3\nsweep:\n  courses[2].start_day: {from: 730, to: 800, step: 0}\n",
                 "sweep.courses[2].start_day.step: expected a number > 0"},
        BadStudy{"unknown_parameter", "outcome_course: 3\nsweep:\n  parameters.colour: [1, 2]\n",
                 "sweep.parameters.colour: unknown parameter 'colour'"},
        BadStudy{"implausible_parameter", "outcome_course: 3\narms: [{name: a, set: {parameters.ada_propensity: -1}}]\n",
                 "parameters.ada_propensity:"},
        BadStudy{"cv_out_of_range", "outcome_course: 3\narms: [{name: a, set: {variability.cv.central_volume_l: 5}}]\n",
                 "variability.cv.central_volume_l: expected a CV from 0 to 2"},
        BadStudy{"unknown_covariate", "outcome_course: 3\narms: [{name: a, set: {variability.covariates.height: 5}}]\n",
                 "variability.covariates.height: unknown covariate field"},
        BadStudy{"covariate_out_of_range",
                 "outcome_course: 3\narms: [{name: heavy, set: {variability.covariates.weight_kg_median: 5000}}]\n",
                 "arms[0]: arm 'heavy': "},
        BadStudy{"duplicate_setting",
                 "outcome_course: 3\nsweep:\n  courses[2].start_day: [730]\n  courses[2].start_day: [1000]\n",
                 "sweep.courses[2].start_day: duplicate key (first given on line 4)"}));

TEST(StudyFile, MissingBaseNamesTheFile) {
  const fs::path file = fs::temp_directory_path() / "alemsim_study_missing_base.yaml";
  std::ofstream(file) << "base: no-such-scenario.yaml\noutcome_course: 1\narms: [{name: a}]\n";
  try {
    load_study(file.string());
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("base: no scenario file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace alemsim
