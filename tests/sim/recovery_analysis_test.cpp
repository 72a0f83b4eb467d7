#include <cmath>

#include <gtest/gtest.h>

#include "sim/patient.hpp"
#include "sim/recovery_analysis.hpp"

namespace alemsim {
namespace {

// A course summary of the model's outputs with every count's recovery days set to `day` (0: never
// below, NaN: not back within a window ending `window_end_day` after the start).
CourseSummary course_with(int index, double day, double window_end_day) {
  CourseSummary c;
  c.course_index = index;
  c.window_end_day = window_end_day;
  c.cd4_200_regained_day = day;
  for (const OutputQuantity& q : patient_outputs()) {
    if (!q.is_cell_count()) continue;
    SubsetCourse s;
    s.column = q.column;
    s.lln_regained_day = day;
    s.baseline_regained_day = day;
    c.subsets.push_back(s);
  }
  return c;
}

TEST(RecoveryAnalysis, ThresholdsAreCd4At200EachLowerLimitAndEachBaseline) {
  const std::vector<RecoveryThreshold> t = recovery_thresholds(patient_outputs());
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front().name, "cd4_200");
  std::size_t lln = 0, baseline = 0;
  for (const RecoveryThreshold& r : t) {
    lln += r.name.rfind("lln_", 0) == 0;
    baseline += r.name.rfind("baseline_", 0) == 0;
  }
  std::size_t counts = 0, with_lln = 0;
  for (const OutputQuantity& q : patient_outputs()) {
    counts += q.is_cell_count();
    with_lln += q.is_cell_count() && q.has_lln();
  }
  EXPECT_EQ(lln, with_lln);
  EXPECT_EQ(baseline, counts);
  EXPECT_EQ(t.size(), 1 + with_lln + counts);
}

TEST(RecoveryAnalysis, NeverBelowCountedApartRecoveredAsEventsOthersCensoredAtTheWindowEnd) {
  RecoveryAnalysis a(patient_outputs(), 2);
  // Patient 1: course 1 never below, course 2 back on day 40. Patient 2: course 1 back on day 10,
  // course 2 not back by day 300 (the end of its window). Patient 3: course 1 not back by day 200.
  a.add(std::vector<CourseSummary>{course_with(0, 0.0, 364.0), course_with(1, 40.0, 300.0)});
  a.add(std::vector<CourseSummary>{course_with(0, 10.0, 364.0), course_with(1, NAN, 300.0)});
  a.add(std::vector<CourseSummary>{course_with(0, NAN, 200.0)});
  for (std::size_t j = 0; j < a.thresholds().size(); ++j) {
    const RecoveryEstimate& c1 = a.estimate(0, j);
    EXPECT_EQ(c1.patients, 3);
    EXPECT_EQ(c1.never_below, 1);
    EXPECT_EQ(c1.time_to_recovery.subjects(), 2);
    EXPECT_EQ(c1.time_to_recovery.events(), 1);
    EXPECT_EQ(c1.time_to_recovery.last_time(), 200.0);  // censored at its window's end
    ASSERT_EQ(c1.time_to_recovery.curve().size(), 1u);
    EXPECT_EQ(c1.time_to_recovery.curve()[0].time, 10.0);
    EXPECT_EQ(c1.time_to_recovery.curve()[0].survival, 0.5);
    const RecoveryEstimate& c2 = a.estimate(1, j);
    EXPECT_EQ(c2.patients, 2);
    EXPECT_EQ(c2.never_below, 0);
    EXPECT_EQ(c2.time_to_recovery.events(), 1);
    EXPECT_EQ(c2.time_to_recovery.last_time(), 300.0);
  }
}

}  // namespace
}  // namespace alemsim
