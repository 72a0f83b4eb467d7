#include <gtest/gtest.h>

#include "gui/core/reference_data.hpp"
#include "gui/core/scenario_writer.hpp"
#include "gui/core/session.hpp"
#include "gui/core/simulation.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

using namespace std::chrono_literals;

// Error tests start from a valid scenario and break exactly one thing.
TEST(PlanSimulation, AcceptsTheLabelledRegimen) {
  const SimulationPlan plan = plan_simulation(labelled_regimen_scenario());
  EXPECT_EQ(plan.infusions.size(), 8u);
  EXPECT_DOUBLE_EQ(plan.grid_day.back(), 2192.0);
}

TEST(PlanSimulation, RejectsOverlappingCourses) {
  Scenario s = labelled_regimen_scenario();
  s.courses[1].start_day = 2.0;
  EXPECT_THROW(plan_simulation(s), RegimenError);
}

TEST(PlanSimulation, RejectsAHorizonBeforeTheLastInfusion) {
  Scenario s = labelled_regimen_scenario();
  s.horizon_day = 366.0;
  try {
    plan_simulation(s);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("horizon"), std::string::npos) << e.what();
  }
}

TEST(PlanSimulation, RejectsANonPositiveParameter) {
  Scenario s = labelled_regimen_scenario();
  s.typical_params.central_volume_l = 0.0;
  EXPECT_THROW(plan_simulation(s), std::invalid_argument);
}

TEST(PlanSimulation, RejectsAnOutputStepTooFineForTheViewer) {
  Scenario s = labelled_regimen_scenario();
  s.output_step_day = 0.01;
  EXPECT_THROW(plan_simulation(s), std::invalid_argument);
}

TEST(PlanSimulation, RejectsAPopulationTooLargeForMemory) {
  const SimulationPlan plan = plan_simulation(labelled_regimen_scenario());
  EXPECT_NO_THROW(check_population_size(1000, plan));
  EXPECT_THROW(check_population_size(1'000'000, plan), std::invalid_argument);
  EXPECT_THROW(check_population_size(0, plan), std::invalid_argument);
}

TEST(TypicalSnapshot, HoldsEveryEngineOutputAndTheCourseFigures) {
  const Scenario s = labelled_regimen_scenario();
  const TypicalSnapshot t = simulate_typical(s, plan_simulation(s));
  EXPECT_EQ(t.series.size(), patient_outputs().size());
  EXPECT_EQ(t.quantities.size(), patient_outputs().size());
  for (const auto& series : t.series) EXPECT_EQ(series.size(), t.grid_day.size());
  ASSERT_EQ(t.courses.size(), 2u);
  EXPECT_NEAR(t.courses[0].cmax_ng_per_ml, 3014.0, 0.10 * 3014.0);  // label, within the calibration band
}

TEST(Session, InvalidEditKeepsTheLastGoodResultsAndSaysWhy) {
  Session session(1);
  Scenario s = labelled_regimen_scenario();
  s.patients = 20;
  session.update(s, 0);
  ASSERT_TRUE(session.results().typical);
  EXPECT_TRUE(session.results().simulation_error.empty());
  const auto good = session.results().typical;
  s.courses[0].infusion_hours = 30.0;
  session.update(s, 0);
  EXPECT_EQ(session.results().typical, good);
  EXPECT_NE(session.results().simulation_error.find("infusion_hours"), std::string::npos);
}

TEST(Session, PopulationArrivesForTheLatestEdit) {
  Session session(2);
  Scenario s = labelled_regimen_scenario();
  s.patients = 30;
  session.update(s, 2);
  s.typical_params.central_volume_l *= 1.5;
  session.update(s, 2);
  ASSERT_TRUE(session.wait_population(60s));
  const Results& r = session.results();
  ASSERT_TRUE(r.population);
  EXPECT_FALSE(r.population_stale());
  EXPECT_EQ(r.population->patients, 30);
  EXPECT_DOUBLE_EQ(r.typical->params.central_volume_l, s.typical_params.central_volume_l);
}

TEST(Session, TooLargeAPopulationIsReportedNotRun) {
  Session session(1);
  Scenario s = labelled_regimen_scenario();
  s.patients = 10'000'000;
  session.update(s, 0);
  EXPECT_TRUE(session.results().typical);
  EXPECT_NE(session.results().population_error.find("alemsim run"), std::string::npos);
}

TEST(ReferenceData, KeyedByColumnSoAbsentOutputsGetNothing) {
  EXPECT_EQ(reference_series_for("concentration_ng_per_ml").size(), 1u);
  EXPECT_TRUE(reference_lines_for("concentration_ng_per_ml").empty());
  EXPECT_EQ(reference_lines_for("cd4_cells_per_ul").size(), 2u);
  EXPECT_EQ(reference_lines_for("cd19_cells_per_ul").front()->value, 100.0);
  EXPECT_TRUE(reference_lines_for("not_an_output").empty());
  for (const ReferenceSeries& s : reference_series()) {
    EXPECT_EQ(s.day.size(), s.value.size()) << s.column;
    EXPECT_EQ(s.labels.size(), s.value.size()) << s.column;
  }
}

}  // namespace
}  // namespace alemsim::gui
