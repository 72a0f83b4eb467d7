// Scenario text with a regimen put in (what each study arm stores as its `scenario`) reads back with
// the scenario loader into exactly that regimen, and nothing else of the scenario changes.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/scenario.hpp"
#include "io/scenario_yaml.hpp"
#include "io/study_file.hpp"
#include "tests/shipped_files.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

// Everything a scenario file can set, with a comment, a quoted description and flow courses.
constexpr const char* kBase =
    "# a base scenario\n"
    "name: base\n"
    "description: \"two courses: labelled\"\n"
    "seed: 17\n"
    "patients: 30\n"
    "horizon_day: 800   # replaced\n"
    "output: {step_day: 0.5}\n"
    "courses:\n"
    "  - {start_day: 0, infusion_days: 5, dose_mg_per_day: 12, infusion_hours: 4}\n"
    "  - {start_day: 365, infusion_days: 3, dose_mg_per_day: 12, infusion_hours: 4}\n"
    "parameters:\n"
    "  ada_propensity: 3\n"
    "variability:\n"
    "  cv: {central_volume_l: 0.4}\n"
    "  covariates: {weight_kg_median: 80}\n";

TEST(ScenarioYaml, ARegimenPutInReadsBackExactlyAndTheRestIsKept) {
  // Numbers as a sweep computes them (730 + 3 x 30.4 is not 821.2), a missed dose, a third course.
  const std::vector<Course> courses = {Course{0.0, 5, 12.0, 4.0, {3}}, Course{365.0, 3, 24.0, 4.5, {}},
                                       Course{730.0 + 3 * 30.4, 3, 12.0, 1.0 / 3.0, {1, 2}}};
  const double horizon = 730.0 + 3 * 30.4 + 365.0;
  const Scenario base = scenario_from_text(kBase, "base.yaml");
  const std::string text =
      scenario_with_regimen(kBase, "base.yaml", courses, horizon, base.typical_params, base.variability);
  const Scenario arm = scenario_from_text(text, "arm");

  EXPECT_EQ(arm.courses, courses) << text;
  EXPECT_EQ(arm.horizon_day, horizon) << text;
  EXPECT_EQ(arm.name, base.name);
  EXPECT_EQ(arm.description, "two courses: labelled");
  EXPECT_EQ(arm.seed, base.seed);
  EXPECT_EQ(arm.patients, base.patients);
  EXPECT_EQ(arm.output_step_day, 0.5);
  EXPECT_EQ(arm.typical_params.ada_propensity, 3.0);
  EXPECT_EQ(arm.typical_params.ada_propensity, base.typical_params.ada_propensity);
  ASSERT_EQ(arm.variability.effects.size(), base.variability.effects.size());
  for (std::size_t e = 0; e < base.variability.effects.size(); ++e) {
    EXPECT_EQ(arm.variability.effects[e].cv, base.variability.effects[e].cv) << base.variability.effects[e].parameter;
  }
  EXPECT_EQ(arm.variability.covariates.weight_kg_median, 80.0);
  // Keys stay where they were: the horizon before the courses, as in the base.
  EXPECT_LT(text.find("\nhorizon_day:"), text.find("\ncourses:")) << text;
}

TEST(ScenarioYaml, EveryArmOfEveryShippedStudyReadsBackAsItsSimulatedRegimen) {
  int arms = 0;
  for (const fs::path& file : test::shipped_studies(kSource / "scenarios")) {
    const StudyFile study = load_study(file.string());
    for (const StudyArm& spec : study.design.arms) {
      SCOPED_TRACE(file.filename().string() + ": " + spec.name);
      const std::vector<Course> courses = arm_courses(study.design, spec);
      const double horizon = arm_horizon_day(study.design, spec);
      const Scenario arm = scenario_from_text(
          scenario_with_regimen(study.base.text, study.base.path, courses, horizon, spec.typical_params, spec.variability),
          "arm");
      EXPECT_EQ(arm.courses, courses);
      EXPECT_EQ(arm.horizon_day, horizon);
      // The arm's population too (study-ada-propensity.yaml sets a parameter per arm).
      for (const ParamInfo& p : param_table()) EXPECT_EQ(arm.typical_params.*p.field, spec.typical_params.*p.field) << p.name;
      ASSERT_EQ(arm.variability.effects.size(), spec.variability.effects.size());
      for (std::size_t e = 0; e < spec.variability.effects.size(); ++e) {
        EXPECT_EQ(arm.variability.effects[e].cv, spec.variability.effects[e].cv);
      }
      ++arms;
    }
  }
  EXPECT_GT(arms, 40);
}

TEST(ScenarioYaml, TextThatIsNotAMappingIsAnErrorNamingWhereItCameFrom) {
  try {
    scenario_with_regimen("- just\n- a list\n", "base.yaml", {Course{0.0, 1, 12.0, 4.0, {}}}, 10.0, typical_params(),
                          default_variability());
    FAIL() << "a list took courses";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("base.yaml"), std::string::npos) << e.what();
  }
}

TEST(ScenarioYaml, ScenarioTextReadsAsItsFileDoesAndErrorsNameTheOrigin) {
  const Scenario file = load_scenario((kSource / "scenarios/missed-dose.yaml").string());
  const Scenario text = scenario_from_text(file.text, "run.h5:/scenario");
  EXPECT_EQ(text.courses, file.courses);
  EXPECT_EQ(text.horizon_day, file.horizon_day);
  EXPECT_EQ(text.name, file.name);
  EXPECT_TRUE(text.path.empty());
  try {
    scenario_from_text("horizon_day: 10\ncourses: [{start_day: 0}]\n", "run.h5:/scenario");
    FAIL() << "a course without infusion_days loaded";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("run.h5:/scenario:2:", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("infusion_days"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace alemsim
