#include <gtest/gtest.h>

#include "sim/regimen.hpp"

namespace alemsim {
namespace {

std::vector<double> start_days(const std::vector<Infusion>& infusions) {
  std::vector<double> days;
  for (const Infusion& inf : infusions) days.push_back(inf.start_day);
  return days;
}

TEST(Regimen, LabelledCourseIsFiveDailyFourHourInfusions) {
  const auto infusions = expand_course(Course{0.0, 5, 12.0, 4.0, {}}, 0);
  ASSERT_EQ(infusions.size(), 5u);
  EXPECT_EQ(start_days(infusions), (std::vector<double>{0, 1, 2, 3, 4}));
  for (const Infusion& inf : infusions) {
    EXPECT_NEAR(inf.end_day - inf.start_day, 4.0 / 24.0, 1e-12);
    EXPECT_NEAR(inf.rate_mg_per_day * (inf.end_day - inf.start_day), 12.0, 1e-12);
  }
}

TEST(Regimen, MissedDoseMovesToTheNextFreeDay) {
  // Day 3 missed: doses on days 1, 2, 4, 5 and the missed one on day 6; never two on one day.
  const auto infusions = expand_course(Course{10.0, 5, 12.0, 4.0, {3}}, 0);
  EXPECT_EQ(start_days(infusions), (std::vector<double>{10, 11, 13, 14, 15}));
}

TEST(Regimen, TwoMissedDosesTakeTwoExtraDays) {
  const auto infusions = expand_course(Course{0.0, 3, 12.0, 4.0, {1, 3}}, 0);
  EXPECT_EQ(start_days(infusions), (std::vector<double>{1, 3, 4}));
}

TEST(Regimen, MissedDoseKeepsTheTotalAmount) {
  double total = 0.0;
  for (const Infusion& inf : expand_course(Course{0.0, 5, 12.0, 4.0, {2}}, 0)) {
    total += inf.rate_mg_per_day * (inf.end_day - inf.start_day);
  }
  EXPECT_NEAR(total, 60.0, 1e-12);
}

TEST(Regimen, RegimenIsSortedAndTagsCourses) {
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  ASSERT_EQ(infusions.size(), 8u);
  EXPECT_TRUE(std::is_sorted(infusions.begin(), infusions.end(),
                             [](const Infusion& a, const Infusion& b) { return a.start_day < b.start_day; }));
  EXPECT_EQ(infusions.front().course_index, 0);
  EXPECT_EQ(infusions.back().course_index, 1);
}

TEST(Regimen, RejectsOverlappingCourses) {
  try {
    validate_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{3.0, 3, 12.0, 4.0, {}}});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("courses[1].start_day"), std::string::npos) << e.what();
  }
}

TEST(Regimen, RejectsMissedDoseShiftedIntoTheNextCourse) {
  // The missed dose of course 0 lands on day 5, when course 1 has started.
  EXPECT_THROW(validate_regimen({Course{0.0, 5, 12.0, 4.0, {2}}, Course{5.0, 3, 12.0, 4.0, {}}}),
               std::invalid_argument);
}

TEST(Regimen, RejectsEachBadField) {
  const Course good{0.0, 5, 12.0, 4.0, {}};
  auto broken = [&](auto change) {
    Course c = good;
    change(c);
    return std::vector<Course>{c};
  };
  EXPECT_NO_THROW(validate_regimen({good}));
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.dose_mg_per_day = -12.0; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.infusion_hours = 0.0; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.infusion_hours = 25.0; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.infusion_days = 0; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.start_day = -1.0; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.missed_days = {6}; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen(broken([](Course& c) { c.missed_days = {2, 2}; })), std::invalid_argument);
  EXPECT_THROW(validate_regimen({}), std::invalid_argument);
}

}  // namespace
}  // namespace alemsim
