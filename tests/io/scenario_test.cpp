#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/scenario.hpp"
#include "tests/shipped_files.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

TEST(Scenario, EveryShippedScenarioLoads) {
  int loaded = 0;
  for (const fs::path& file : test::shipped_scenarios(kSource / "scenarios")) {
    SCOPED_TRACE(file.string());
    const Scenario s = load_scenario(file.string());
    EXPECT_FALSE(s.courses.empty());
    EXPECT_GT(s.horizon_day, 0.0);
    ++loaded;
  }
  EXPECT_GE(loaded, 4);
}

TEST(Scenario, AStudyFileIsNamedAsOne) {
  const std::string path = (kSource / "scenarios/study-dose.yaml").string();
  try {
    load_scenario(path);
    FAIL() << "a study file loaded as a scenario";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("run it with 'alemsim study'"), std::string::npos) << e.what();
  }
}

TEST(Scenario, LabelFileIsTheLabelledRegimen) {
  const Scenario s = load_scenario((kSource / "scenarios/label.yaml").string());
  ASSERT_EQ(s.courses.size(), 2u);
  EXPECT_EQ(s.courses[0].infusion_days, 5);
  EXPECT_EQ(s.courses[1].infusion_days, 3);
  EXPECT_DOUBLE_EQ(s.courses[1].start_day, 365.0);
  for (const Course& c : s.courses) {
    EXPECT_DOUBLE_EQ(c.dose_mg_per_day, 12.0);
    EXPECT_DOUBLE_EQ(c.infusion_hours, 4.0);
  }
  EXPECT_GE(s.horizon_day, 6 * 365.0);
}

TEST(Scenario, MissedDoseFileListsTheMissedDay) {
  const Scenario s = load_scenario((kSource / "scenarios/missed-dose.yaml").string());
  EXPECT_EQ(s.courses[0].missed_days, std::vector<int>{3});
}

TEST(Scenario, ParameterOverridesReplaceTypicalValues) {
  const fs::path file = fs::temp_directory_path() / "alemsim_override_test.yaml";
  {
    std::ofstream out(file);
    out << "horizon_day: 40\ncourses:\n  - {start_day: 0, infusion_days: 1, dose_mg_per_day: 12, infusion_hours: 4}\n"
           "parameters:\n  central_volume_l: 20\n";
  }
  const Scenario s = load_scenario(file.string());
  fs::remove(file);
  EXPECT_DOUBLE_EQ(s.typical_params.central_volume_l, 20.0);
  EXPECT_DOUBLE_EQ(s.typical_params.linear_clearance_l_per_day, typical_params().linear_clearance_l_per_day);
}

struct BadFile {
  const char* file;
  const char* field;  // what the message must name
};

class BadScenario : public testing::TestWithParam<BadFile> {};

TEST_P(BadScenario, FailsWithOneLineNamingFileAndField) {
  const std::string path = (kSource / "tests/data/bad" / GetParam().file).string();
  try {
    load_scenario(path);
    FAIL() << "expected ScenarioError for " << path;
  } catch (const ScenarioError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path, 0), 0u) << message;
    EXPECT_NE(message.find(GetParam().field), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadScenario,
    testing::Values(BadFile{"unknown-key.yaml", "colour: unknown key"},
                    BadFile{"unknown-course-key.yaml", "courses[0].route: unknown key"},
                    BadFile{"wrong-type.yaml", "courses[0].dose_mg_per_day: expected a finite number, got 'twelve'"},
                    BadFile{"fractional-days.yaml", "courses[0].infusion_days: expected a whole number"},
                    BadFile{"negative-dose.yaml", "courses[0].dose_mg_per_day: expected a number of mg > 0 and at most 1000 (the label gives 12), got -12"},
                    BadFile{"overlapping-courses.yaml", "courses[1].start_day"},
                    BadFile{"zero-infusion-hours.yaml", "courses[0].infusion_hours: expected a number of hours from 1/60"},
                    BadFile{"instant-infusion.yaml", "courses[0].infusion_hours: expected a number of hours from 1/60 (one minute; a bolus cannot be shorter) to 24 (one infusion a day), got 1e-15"},
                    BadFile{"horizon-before-last-dose.yaml", "horizon_day: expected a horizon at or after"},
                    BadFile{"empty.yaml", "file is empty"},
                    BadFile{"not-yaml.yaml", "not valid YAML"},
                    BadFile{"plain-text.yaml", "expected a mapping"},
                    BadFile{"missing-courses.yaml", "courses: required key is missing"},
                    BadFile{"missed-day-outside-course.yaml", "courses[0].missed_days[0]"},
                    BadFile{"unknown-parameter.yaml", "parameters.clearance: unknown parameter"},
                    BadFile{"negative-parameter.yaml", "parameters.central_volume_l: expected a number from 0.01426 to 14260 L"},
                    BadFile{"zero-patients.yaml", "patients: expected a whole number from 1 to 1000000000"},
                    BadFile{"nan-horizon.yaml", "horizon_day: expected a finite number"},
                    BadFile{"courses-not-a-list.yaml", "courses: expected a non-empty list"},
                    BadFile{"negative-seed.yaml", "seed: expected a whole number >= 0"},
                    BadFile{"does-not-exist.yaml", "cannot open file"},
                    BadFile{"not-positive-definite.yaml", "not positive definite"},
                    BadFile{"unknown-variability-parameter.yaml", "variability.cv.clearance: unknown parameter"},
                    BadFile{"duplicate-parameter.yaml", ":6:3: parameters.ada_propensity: duplicate key (first given on line 5)"},
                    BadFile{"duplicate-course-key.yaml", "courses[0].dose_mg_per_day: duplicate key"},
                    BadFile{"duplicate-top-level-key.yaml", ":4:1: horizon_day: duplicate key (first given on line 1)"},
                    BadFile{"complex-key.yaml", "expected a plain key, got a list"}),
    [](const testing::TestParamInfo<BadFile>& param_info) {
      std::string name = param_info.param.file;
      name = name.substr(0, name.find('.'));
      std::erase(name, '-');
      return name;
    });

}  // namespace
}  // namespace alemsim
