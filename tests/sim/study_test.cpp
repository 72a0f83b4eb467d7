#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/study.hpp"

namespace alemsim {
namespace {

// Labelled regimen plus courses 3 and 4; outcomes of course 3 (day 730) over 200 days.
StudyDesign design(std::vector<StudyArm> arms) {
  StudyDesign d;
  d.arms = std::move(arms);
  d.outcome_course = 2;
  d.outcome_window_day = 200.0;
  d.seed = 7;
  d.patients = 6;
  d.typical_params = typical_params();
  d.variability = default_variability();
  return d;
}

StudyArm arm(std::string name, double course3_dose_mg, double course4_start_day) {
  return {std::move(name),
          {{0.0, 5, 12.0, 4.0, {}}, {365.0, 3, 12.0, 4.0, {}}, {730.0, 3, course3_dose_mg, 4.0, {}},
           {course4_start_day, 3, 12.0, 4.0, {}}},
          {}};
}

std::size_t outcome(const std::string& name) {
  const auto o = study_outcomes();
  for (std::size_t m = 0; m < o.size(); ++m) {
    if (o[m].name == name) return m;
  }
  ADD_FAILURE() << "no outcome " << name;
  return 0;
}

// Every per-patient difference of every outcome is exactly zero (and both arms define the same ones).
void expect_identical_per_patient(const ArmSummary& a, const ArmSummary& ref) {
  for (std::size_t m = 0; m < a.value.size(); ++m) {
    SCOPED_TRACE(study_outcomes()[m].name);
    EXPECT_EQ(a.value[m].count(), ref.value[m].count());
    if (a.difference[m].count() == 0) continue;
    EXPECT_EQ(a.difference[m].percentile(0.0), 0.0);
    EXPECT_EQ(a.difference[m].percentile(100.0), 0.0);
  }
}

TEST(Study, RunningTwiceGivesIdenticalResults) {
  const StudyDesign d = design({arm("12 mg", 12.0, 4000.0), arm("24 mg", 24.0, 4000.0)});
  const auto first = run_study(d, {.threads = 2, .batch_size = 4});
  const auto second = run_study(d, {.threads = 1, .batch_size = 256});
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t a = 0; a < first.size(); ++a) {
    for (std::size_t m = 0; m < first[a].value.size(); ++m) {
      for (double p : {0.0, 5.0, 50.0, 95.0, 100.0}) {
        const double x = first[a].value[m].percentile(p), y = second[a].value[m].percentile(p);
        EXPECT_TRUE(x == y || (std::isnan(x) && std::isnan(y))) << a << " " << m << " " << p;
        const double dx = first[a].difference[m].percentile(p), dy = second[a].difference[m].percentile(p);
        EXPECT_TRUE(dx == dy || (std::isnan(dx) && std::isnan(dy))) << a << " " << m << " " << p;
      }
    }
  }
}

TEST(Study, ACourseAfterTheHorizonDoesNotAct) {
  // The horizon is day 730 + 200; course 4 at day 930 (on the horizon) or 3000 is never given.
  const StudyDesign d = design({arm("course 4 at 3000", 12.0, 3000.0), arm("course 4 at 930", 12.0, 930.0)});
  EXPECT_EQ(arm_courses(d, d.arms[1]).size(), 3u);
  const auto arms = run_study(d, {});
  expect_identical_per_patient(arms[1], arms[0]);
  EXPECT_EQ(arms[1].value[outcome("cmax_ng_per_ml")].count(), d.patients);
}

TEST(Study, ACourseInsideTheWindowActs) {
  // Counter-check: course 4 on day 800 is within the window and changes course 3's AUC.
  const StudyDesign d = design({arm("course 4 at 3000", 12.0, 3000.0), arm("course 4 at 800", 12.0, 800.0)});
  EXPECT_EQ(arm_courses(d, d.arms[1]).size(), 4u);
  const auto arms = run_study(d, {});
  EXPECT_NE(arms[1].difference[outcome("auc_ng_day_per_ml")].mean(), 0.0);
}

TEST(Study, EveryArmSeesTheSamePatients) {
  // Two arms with the same regimen differ by nothing but their name: if patients were drawn anew
  // per arm the paired differences would not all be zero.
  const StudyDesign same = design({arm("a", 12.0, 4000.0), arm("b", 12.0, 4000.0)});
  const auto arms = run_study(same, {});
  expect_identical_per_patient(arms[1], arms[0]);
  // And the patients do differ from one another, so zero differences are not trivial.
  EXPECT_GT(arms[0].value[outcome("nadir_cd4_cells_per_ul")].percentile(100.0),
            arms[0].value[outcome("nadir_cd4_cells_per_ul")].percentile(0.0));
}

TEST(Study, CmaxRisesWithDoseForEveryPatient) {
  const StudyDesign d = design({arm("12 mg", 12.0, 4000.0), arm("24 mg", 24.0, 4000.0)});
  const auto arms = run_study(d, {});
  const std::size_t cmax = outcome("cmax_ng_per_ml");
  EXPECT_GT(arms[1].difference[cmax].percentile(0.0), 0.0);  // smallest per-patient difference
  EXPECT_GT(arms[1].value[cmax].mean(), arms[0].value[cmax].mean());
  // The titer before course 3 cannot depend on course 3's dose.
  const std::size_t ada = outcome("ada_titer_at_start");
  EXPECT_EQ(arms[1].difference[ada].percentile(0.0), 0.0);
  EXPECT_EQ(arms[1].difference[ada].percentile(100.0), 0.0);
}

TEST(Study, ArmWithoutTheOutcomeCourseIsAnError) {
  StudyDesign d = design({arm("a", 12.0, 4000.0)});
  d.outcome_course = 4;
  EXPECT_THROW(run_study(d, {}), std::invalid_argument);
}

TEST(StudyOutcomeMath, TrapezoidAndDaysBelowOnAPiecewiseLinearSeries) {
  // y falls from 400 to 0 over days 0-4, then rises to 400 at day 8.
  const std::vector<double> grid{0.0, 4.0, 8.0};
  const std::vector<double> y{400.0, 0.0, 400.0};
  EXPECT_DOUBLE_EQ(trapezoid_integral(grid, y, 0.0, 8.0), 1600.0);
  EXPECT_DOUBLE_EQ(trapezoid_integral(grid, y, 2.0, 6.0), 400.0);  // two triangles of base 2, height 200
  EXPECT_DOUBLE_EQ(days_below(grid, y, 200.0, 0.0, 8.0), 4.0);     // days 2 to 6
  EXPECT_DOUBLE_EQ(days_below(grid, y, 200.0, 3.0, 5.0), 2.0);
  EXPECT_DOUBLE_EQ(days_below(grid, y, 0.0, 0.0, 8.0), 0.0);       // touching is not below
  EXPECT_DOUBLE_EQ(days_below(grid, y, 500.0, 0.0, 8.0), 8.0);
}

TEST(SignedDistribution, PercentilesSpanBothSigns) {
  SignedDistribution d;
  for (double v : {-8.0, -2.0, 0.0, 1.0, 4.0}) d.add(v);
  d.add(std::nan(""));
  EXPECT_EQ(d.count(), 5);
  EXPECT_DOUBLE_EQ(d.mean(), -1.0);
  EXPECT_DOUBLE_EQ(d.percentile(0.0), -8.0);
  EXPECT_NEAR(d.percentile(25.0), -2.0, 0.02 * 2.0);
  EXPECT_NEAR(d.percentile(50.0), 0.0, 1e-3);
  EXPECT_NEAR(d.percentile(75.0), 1.0, 0.02);
  EXPECT_DOUBLE_EQ(d.percentile(100.0), 4.0);
}

}  // namespace
}  // namespace alemsim
