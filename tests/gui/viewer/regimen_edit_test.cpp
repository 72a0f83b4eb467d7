#include <gtest/gtest.h>

#include "io/shipped_scenarios.hpp"
#include "io/scenario_writer.hpp"
#include "gui/viewer/regimen_edit.hpp"
#include "gui/viewer/text_format.hpp"

namespace alemsim::gui {
namespace {

TEST(RegimenEdit, AddedCourseFollowsTheLabelAndStaysValid) {
  Scenario s = labelled_regimen_scenario();
  add_course(s);
  ASSERT_EQ(s.courses.size(), 3u);
  EXPECT_DOUBLE_EQ(s.courses[2].start_day, 730.0);
  EXPECT_EQ(s.courses[2].infusion_days, 3);
  EXPECT_DOUBLE_EQ(s.courses[2].dose_mg_per_day, 12.0);
  EXPECT_NO_THROW(validate_regimen(s.courses));
  EXPECT_GE(s.horizon_day, 730.0 + 365.0);
}

TEST(RegimenEdit, AddedCourseNeverOverlapsALongLastCourse) {
  Scenario s = labelled_regimen_scenario();
  s.courses = {Course{0.0, 31, 12.0, 4.0, {1, 2, 3}}};
  s.courses[0].start_day = 0.0;
  add_course(s);
  EXPECT_NO_THROW(validate_regimen(s.courses));
}

TEST(RegimenEdit, RemoveKeepsTheLastCourse) {
  Scenario s = labelled_regimen_scenario();
  remove_course(s, 0);
  ASSERT_EQ(s.courses.size(), 1u);
  EXPECT_DOUBLE_EQ(s.courses[0].start_day, 365.0);
  remove_course(s, 0);
  EXPECT_EQ(s.courses.size(), 1u);
  remove_course(s, 7);
  EXPECT_EQ(s.courses.size(), 1u);
}

TEST(RegimenEdit, FewerInfusionDaysDropMissedDaysBeyondThem) {
  Course c{0.0, 5, 12.0, 4.0, {2, 5}};
  set_infusion_days(c, 3);
  EXPECT_EQ(c.infusion_days, 3);
  EXPECT_EQ(c.missed_days, std::vector<int>{2});
  set_infusion_days(c, 0);
  EXPECT_EQ(c.infusion_days, 1);
  set_infusion_days(c, 99);
  EXPECT_EQ(c.infusion_days, kMaxInfusionDays);
}

TEST(RegimenEdit, MissedDaysStaySortedWithoutDuplicates) {
  Course c{0.0, 5, 12.0, 4.0, {}};
  set_missed_day(c, 4, true);
  set_missed_day(c, 2, true);
  set_missed_day(c, 4, true);
  EXPECT_EQ(c.missed_days, (std::vector<int>{2, 4}));
  set_missed_day(c, 4, false);
  EXPECT_EQ(c.missed_days, std::vector<int>{2});
  EXPECT_NO_THROW(validate_regimen({c}));
}

TEST(RegimenEdit, ResetRestoresEveryTypicalValue) {
  Scenario s = labelled_regimen_scenario();
  for (const ParamInfo& p : param_table()) s.typical_params.*p.field *= 2.0;
  reset_parameters(s);
  for (const ParamInfo& p : param_table()) EXPECT_EQ(s.typical_params.*p.field, p.typical_value) << p.name;
}

TEST(TextFormat, MicroSignAndCourseDescriptions) {
  EXPECT_EQ(display_unit("cells/uL"), "cells/µL");
  EXPECT_EQ(display_unit("ug/mL"), "µg/mL");
  EXPECT_EQ(display_unit("ng/mL"), "ng/mL");
  EXPECT_EQ(display_unit("1/day"), "1/day");
  EXPECT_EQ(describe_course(Course{0.0, 5, 12.0, 4.0, {3}}), "5 x 12 mg over 4 h, 1 missed dose(s) moved to the end");
  EXPECT_EQ(describe_missed_days(Course{0.0, 5, 12.0, 4.0, {2, 3}}), "2, 3");
}

}  // namespace
}  // namespace alemsim::gui
