#include <stdexcept>

#include <gtest/gtest.h>

#include "io/setting_path.hpp"

namespace alemsim {
namespace {

struct Target {
  std::vector<Course> courses{{0.0, 5, 12.0, 4.0, {}}, {365.0, 3, 12.0, 4.0, {}}};
  ModelParams params = typical_params();
  VariabilityModel variability = default_variability();
  SettingTarget target() { return {courses, params, variability}; }
};

TEST(SettingPath, SetsCourseFieldsOneOrAll) {
  Target t;
  SettingPath::parse("courses[1].start_day", 2).apply(400.0, t.target());
  EXPECT_EQ(t.courses[1].start_day, 400.0);
  EXPECT_EQ(t.courses[0].start_day, 0.0);
  SettingPath::parse("courses[*].dose_mg_per_day", 2).apply(24.0, t.target());
  EXPECT_EQ(t.courses[0].dose_mg_per_day, 24.0);
  EXPECT_EQ(t.courses[1].dose_mg_per_day, 24.0);
  EXPECT_TRUE(SettingPath::parse("courses[0].infusion_days", 2).is_course_setting());
  EXPECT_THROW(SettingPath::parse("courses[0].infusion_days", 2).apply(2.5, t.target()), std::invalid_argument);
  EXPECT_THROW((void)SettingPath::parse("courses[2].start_day", 2), std::invalid_argument);
}

TEST(SettingPath, SetsTypicalValuesCvsAndCovariates) {
  Target t;
  SettingPath::parse("parameters.ada_propensity", 2).apply(3.0, t.target());
  EXPECT_EQ(t.params.ada_propensity, 3.0);
  EXPECT_THROW(SettingPath::parse("parameters.ada_propensity", 2).apply(-1.0, t.target()), std::invalid_argument);

  const std::size_t effects = t.variability.effects.size();
  const std::string existing = t.variability.effects.front().parameter;
  SettingPath::parse("variability.cv." + existing, 2).apply(0.5, t.target());
  EXPECT_EQ(t.variability.effects.front().cv, 0.5);
  EXPECT_EQ(t.variability.effects.size(), effects);  // replaced in place: later draws keep their index
  EXPECT_THROW(SettingPath::parse("variability.cv." + existing, 2).apply(2.5, t.target()), std::invalid_argument);

  SettingPath::parse("variability.covariates.weight_kg_median", 2).apply(90.0, t.target());
  EXPECT_EQ(t.variability.covariates.weight_kg_median, 90.0);
}

TEST(SettingPath, UnknownPathsSayWhatWasExpected) {
  for (const char* bad : {"course[0].start_day", "courses[0].colour", "parameters.colour", "variability.cv.colour",
                          "variability.covariates.height", "parameters", ""}) {
    try {
      (void)SettingPath::parse(bad, 2);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what.find("expected") != std::string::npos || what.find("models/model.md") != std::string::npos)
          << bad << ": " << what;
    }
  }
}

}  // namespace
}  // namespace alemsim
