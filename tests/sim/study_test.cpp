#include <bit>
#include <cmath>
#include <cstdint>
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

// Every patient's outcomes in every arm, [arm][patient][outcome], as run_study computes them.
std::vector<std::vector<std::vector<double>>> per_patient_outcomes(const StudyDesign& d) {
  std::vector<std::vector<std::vector<double>>> out(d.arms.size());
  StudyObserver observer;
  observer.batch = [&](const ArmRun& arm, std::span<const PatientOutcome> batch) {
    for (const PatientOutcome& p : batch) {
      out[arm.arm].push_back(patient_study_outcomes(p, arm.plan.grid_day(), d.outcome_course, arm.outcome_end_day));
    }
  };
  run_study(d, {}, observer);
  return out;
}

// Bit for bit, patient by patient. Summaries cannot show this: a difference of 1e-13 falls in the
// zero bin of a percentile and rounds away in a printed mean.
void expect_bit_identical(const std::vector<std::vector<double>>& arm, const std::vector<std::vector<double>>& ref) {
  ASSERT_EQ(arm.size(), ref.size());
  for (std::size_t p = 0; p < arm.size(); ++p) {
    for (std::size_t m = 0; m < arm[p].size(); ++m) {
      EXPECT_EQ(std::bit_cast<std::uint64_t>(arm[p][m]), std::bit_cast<std::uint64_t>(ref[p][m]))
          << "patient " << p << ", " << study_outcomes()[m].name << ": " << arm[p][m] << " vs " << ref[p][m];
    }
  }
}

// What a user reads: every paired difference is exactly zero.
void expect_zero_differences(const ArmSummary& a) {
  for (std::size_t m = 0; m < a.difference.size(); ++m) {
    if (a.difference[m].count() > 0) {
      EXPECT_EQ(a.difference[m].mean(), 0.0) << study_outcomes()[m].name;
    }
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

TEST(Study, ArmsThatChangeAModelParameterGiveTheSamePatientsWithThatChange) {
  StudyArm typical = arm("propensity 1", 12.0, 4000.0);
  StudyArm high = typical;
  high.name = "propensity 3";
  high.typical_params.ada_propensity = 3.0;
  const StudyDesign d = design({typical, high});
  std::vector<std::vector<SampledPatient>> patients(2);
  StudyObserver observer;
  observer.batch = [&](const ArmRun& a, std::span<const PatientOutcome> batch) {
    for (const PatientOutcome& p : batch) patients[a.arm].push_back(p.patient);
  };
  const auto arms = run_study(d, {}, observer);
  ASSERT_EQ(patients[0].size(), patients[1].size());
  for (std::size_t i = 0; i < patients[0].size(); ++i) {
    const SampledPatient &a = patients[0][i], &b = patients[1][i];
    // Paired: the same random effect and covariate draws, so every parameter but the one set is
    // the same, and that one is 3 times the first arm's (a log-normal effect scales the typical value).
    EXPECT_EQ(a.covariates.weight_kg, b.covariates.weight_kg);
    EXPECT_EQ(a.params.central_volume_l, b.params.central_volume_l);
    EXPECT_EQ(a.params.linear_clearance_l_per_day, b.params.linear_clearance_l_per_day);
    EXPECT_DOUBLE_EQ(b.params.ada_propensity, 3.0 * a.params.ada_propensity);
  }
  // More antibody before course 3 in every patient.
  const std::size_t titer = outcome("ada_titer_at_start");
  EXPECT_GT(arms[1].difference[titer].percentile(0.0), 0.0);
}

TEST(Study, ACourseAfterTheHorizonDoesNotAct) {
  // The horizon is day 730 + 200; course 4 at day 930 (on the horizon) or 3000 is never given.
  const StudyDesign d = design({arm("course 4 at 3000", 12.0, 3000.0), arm("course 4 at 930", 12.0, 930.0)});
  EXPECT_EQ(arm_courses(d, d.arms[1]).size(), 3u);
  const auto outcomes = per_patient_outcomes(d);
  expect_bit_identical(outcomes[1], outcomes[0]);
  const auto arms = run_study(d, {});
  expect_zero_differences(arms[1]);
  EXPECT_EQ(arms[1].value[outcome("cmax_ng_per_ml")].count(), d.patients);
}

TEST(Study, ACourseOnTheHorizonUpToRoundingDoesNotAct) {
  // 1e-10 day before the horizon is the horizon for the output grid, which merges times closer than
  // 1e-9 day: such a course is left out too, rather than ending the outcome window 1e-10 day early
  // and cutting the arm's last solver segment there (differences of about 1e-13 in days below 200).
  const StudyDesign d = design({arm("none", 12.0, 3000.0), arm("on the horizon", 12.0, 930.0 - 1e-10)});
  EXPECT_EQ(arm_courses(d, d.arms[1]).size(), 3u);
  const auto outcomes = per_patient_outcomes(d);
  expect_bit_identical(outcomes[1], outcomes[0]);
}

TEST(Study, TheDoseOfACourseAfterTheOutcomeCourseDoesNotAct) {
  // Course 4 on day 800 ends course 3's window; how much of it is given cannot act on course 3. The
  // solver restarts at every infusion bound and its steps depend only on the piece's ends, so both
  // arms integrate up to day 800 by the very same operations.
  StudyArm high = arm("course 4: 24 mg x 5 days over 2 h", 12.0, 800.0);
  high.courses[3].dose_mg_per_day = 24.0;
  high.courses[3].infusion_days = 5;
  high.courses[3].infusion_hours = 2.0;
  const StudyDesign d = design({arm("course 4: 12 mg x 3 days", 12.0, 800.0), high});
  EXPECT_EQ(arm_courses(d, d.arms[1]).size(), 4u);
  const auto outcomes = per_patient_outcomes(d);
  expect_bit_identical(outcomes[1], outcomes[0]);
  expect_zero_differences(run_study(d, {})[1]);
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
  const auto outcomes = per_patient_outcomes(same);
  expect_bit_identical(outcomes[1], outcomes[0]);
  // And the patients do differ from one another, so zero differences are not trivial.
  const auto arms = run_study(same, {});
  EXPECT_GT(arms[0].value[outcome("nadir_cd4_cells_per_ul")].percentile(100.0),
            arms[0].value[outcome("nadir_cd4_cells_per_ul")].percentile(0.0));
}

TEST(Study, ACourseStillInfusingAtTheWindowEndIsSimulatedToItsEnd) {
  // Course 4 starts half a day before course 3's outcome window ends: the arm is simulated to the
  // end of its last infusion, and the outcomes still end with the window.
  const StudyDesign d = design({arm("course 4 at 3000", 12.0, 3000.0), arm("course 4 at the end", 12.0, 929.5)});
  const SimulationPlan plan = arm_plan(d, d.arms[1]);
  EXPECT_EQ(plan.courses().size(), 4u);
  EXPECT_DOUBLE_EQ(arm_horizon_day(d, d.arms[1]), 930.0);
  EXPECT_DOUBLE_EQ(plan.horizon_day(), plan.infusions().back().end_day);
  EXPECT_GT(plan.horizon_day(), 930.0);
  const auto arms = run_study(d, {});
  EXPECT_EQ(arms[1].failed, 0);
}

TEST(Study, ObserverSeesEveryArmAndPatientInRunOrder) {
  StudyDesign d = design({arm("a", 12.0, 4000.0), arm("b", 24.0, 4000.0), arm("c", 12.0, 800.0)});
  d.reference_arm = 1;
  std::vector<std::size_t> begun, ended;
  std::vector<std::int64_t> next_patient(d.arms.size(), 0);
  StudyObserver observer;
  observer.begin_arm = [&](const ArmRun& a) {
    begun.push_back(a.arm);
    EXPECT_DOUBLE_EQ(a.plan.grid_day().back(), a.outcome_end_day);
    EXPECT_EQ(a.plan.courses().size(), arm_courses(d, d.arms[a.arm]).size());
  };
  observer.batch = [&](const ArmRun& a, std::span<const PatientOutcome> batch) {
    for (const PatientOutcome& p : batch) EXPECT_EQ(p.index, next_patient[a.arm]++);
    EXPECT_EQ(batch.front().result.series.at(0).size(), a.plan.grid_day().size());
  };
  observer.end_arm = [&](const ArmRun& a) { ended.push_back(a.arm); };
  run_study(d, {.threads = 1, .batch_size = 4}, observer);
  EXPECT_EQ(begun, (std::vector<std::size_t>{1, 0, 2}));  // reference arm first
  EXPECT_EQ(ended, begun);
  EXPECT_EQ(next_patient, (std::vector<std::int64_t>(3, d.patients)));
}

TEST(Study, CmaxRisesWithDoseForEveryPatient) {
  const StudyDesign d = design({arm("12 mg", 12.0, 4000.0), arm("24 mg", 24.0, 4000.0)});
  const auto arms = run_study(d, {});
  const std::size_t cmax = outcome("cmax_ng_per_ml");
  EXPECT_GT(arms[1].difference[cmax].percentile(0.0), 0.0);  // smallest per-patient difference
  EXPECT_GT(arms[1].value[cmax].mean(), arms[0].value[cmax].mean());
  // The titer before course 3 cannot depend on course 3's dose.
  const std::size_t ada = outcome("ada_titer_at_start");
  const auto outcomes = per_patient_outcomes(d);
  for (std::size_t p = 0; p < outcomes[0].size(); ++p) EXPECT_EQ(outcomes[1][p][ada], outcomes[0][p][ada]) << p;
  EXPECT_EQ(arms[1].difference[ada].mean(), 0.0);
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
