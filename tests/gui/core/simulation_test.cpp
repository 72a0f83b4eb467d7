#include <gtest/gtest.h>

#include "io/shipped_scenarios.hpp"
#include "gui/core/reference_data.hpp"
#include "validation/reference_figures.hpp"
#include "io/scenario_writer.hpp"
#include "gui/core/session.hpp"
#include "gui/core/simulation.hpp"
#include "models/reference_ranges.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

using namespace std::chrono_literals;

// Error tests start from a valid scenario and break exactly one thing.
TEST(PlanSimulation, AcceptsTheLabelledRegimen) {
  const SimulationPlan plan = viewer_plan(labelled_regimen_scenario());
  EXPECT_EQ(plan.infusions().size(), 8u);
  EXPECT_DOUBLE_EQ(plan.grid_day().back(), 2192.0);
}

TEST(PlanSimulation, RejectsOverlappingCourses) {
  Scenario s = labelled_regimen_scenario();
  s.courses[1].start_day = 2.0;
  try {
    viewer_plan(s);
    FAIL() << "expected PlanError";
  } catch (const PlanError& e) {
    EXPECT_EQ(e.field(), PlanError::Field::kCourses);
    EXPECT_EQ(e.course_index(), 1);
  }
}

TEST(PlanSimulation, RejectsAHorizonBeforeTheLastInfusion) {
  Scenario s = labelled_regimen_scenario();
  s.horizon_day = 366.0;
  try {
    viewer_plan(s);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("horizon"), std::string::npos) << e.what();
  }
}

TEST(PlanSimulation, RejectsANonPositiveParameter) {
  Scenario s = labelled_regimen_scenario();
  s.typical_params.central_volume_l = 0.0;
  EXPECT_THROW(viewer_plan(s), std::invalid_argument);
}

TEST(PlanSimulation, RejectsAnOutputStepTooFineForTheViewer) {
  Scenario s = labelled_regimen_scenario();
  s.output_step_day = 0.01;
  EXPECT_THROW(viewer_plan(s), std::invalid_argument);
}

TEST(PlanSimulation, PopulationSizeIsLimitedByOutputTimesNotPatients) {
  Scenario s = labelled_regimen_scenario();
  EXPECT_NO_THROW(check_population_size(1'000'000, viewer_plan(s)));  // streamed: memory does not grow with patients
  EXPECT_THROW(check_population_size(0, viewer_plan(s)), std::invalid_argument);
  s.output_step_day = 0.25;  // 8,800 output times: fine for the typical patient, too many histograms
  const SimulationPlan fine = viewer_plan(s);
  try {
    check_population_size(100, fine);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("output times"), std::string::npos) << e.what();
  }
}

TEST(TypicalSnapshot, HoldsEveryEngineOutputAndTheCourseFigures) {
  const Scenario s = labelled_regimen_scenario();
  const TypicalSnapshot t = simulate_typical(s, viewer_plan(s));
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

TEST(Session, TooFineAGridForAPopulationIsReportedNotRun) {
  Session session(1);
  Scenario s = labelled_regimen_scenario();
  s.output_step_day = 0.25;
  session.update(s, 0);
  EXPECT_TRUE(session.results().typical);
  EXPECT_NE(session.results().population_error.find("alemsim run"), std::string::npos);
}

TEST(Session, APopulationFromAFileIsShownUntilTheNextEdit) {
  Session session(1);
  Scenario s = labelled_regimen_scenario();
  s.patients = 10;
  session.update(s, 0);
  auto from_file = std::make_shared<PopulationSnapshot>();
  from_file->source = "run.h5";
  session.show_population(from_file, &s);
  const Results& r = session.results();
  EXPECT_EQ(r.population, from_file);
  EXPECT_TRUE(r.population_from_file);
  EXPECT_FALSE(r.population_stale());
  EXPECT_FALSE(r.progress.running);
  ASSERT_TRUE(session.wait_population(60s));
  EXPECT_EQ(session.results().population, from_file) << "the cancelled run must not replace the file's population";
  session.update(s, 0);
  ASSERT_TRUE(session.wait_population(60s));
  EXPECT_FALSE(session.results().population_from_file);
  EXPECT_EQ(session.results().population->patients, 10);
}

TEST(ReferenceData, LinesAreTheEnginesThresholds) {
  EXPECT_TRUE(reference_lines_for("concentration_ng_per_ml").empty());
  EXPECT_TRUE(reference_lines_for("not_an_output").empty());
  for (const OutputQuantity& q : patient_outputs()) {
    if (!q.has_lln()) continue;
    bool found = false;
    for (const ReferenceLine* line : reference_lines_for(q.column)) found = found || line->value == q.lln_cells_per_ul;
    EXPECT_TRUE(found) << q.column;
  }
  const auto cd4 = reference_lines_for("cd4_cells_per_ul");
  ASSERT_EQ(cd4.size(), 2u);
  EXPECT_EQ(cd4[0]->label, "LLN 400/µL");
  EXPECT_EQ(cd4[1]->value, kProphylaxisCd4CellsPerUl);
  EXPECT_EQ(reference_lines_for("cd19_cells_per_ul").front()->value, 100.0);
}

TEST(ReferenceData, PublishedPointsSitAtTheirDays) {
  const auto cmax = reference_series_for("concentration_ng_per_ml");
  ASSERT_EQ(cmax.size(), 1u);
  EXPECT_EQ(cmax[0]->value[0], 3014.0);
  EXPECT_NEAR(cmax[0]->day[1], 367.17, 0.01);
  // One series per source: the CARE-MS table (months 1-12 after courses 1 and 2) and the US label
  // (months 1 and 12 after course 1).
  const auto cd4 = reference_series_for("cd4_cells_per_ul");
  ASSERT_EQ(cd4.size(), 2u);
  EXPECT_EQ(cd4[0]->source, "Dubuisson 2018, Table 1");
  EXPECT_DOUBLE_EQ(cd4[0]->day[4], 365.0);      // month 12 after course 1
  EXPECT_DOUBLE_EQ(cd4[0]->day.back(), 730.0);  // month 12 after course 2
  EXPECT_EQ(cd4[0]->course.back(), 2);
  EXPECT_EQ(cd4[0]->value.front(), 50.0);       // CARE-MS month 1
  EXPECT_EQ(cd4[1]->value, (std::vector<double>{40.0, 270.0}));
  // Every figure of that kind in the reference file is drawn, and nothing else.
  std::size_t counts = 0, drawn = 0;
  for (const ReferenceFigure& f : shipped_reference_figures().figures) {
    counts += f.metric->metric == Metric::kCount || f.metric->metric == Metric::kPopulationMeanCount;
  }
  for (const ReferenceSeries& series : reference_series()) drawn += series.column != "concentration_ng_per_ml" ? series.value.size() : 0;
  EXPECT_EQ(drawn, counts);
  for (const ReferenceSeries& series : reference_series()) {
    EXPECT_EQ(series.day.size(), series.value.size()) << series.column;
    EXPECT_EQ(series.labels.size(), series.value.size()) << series.column;
  }
}

}  // namespace
}  // namespace alemsim::gui
