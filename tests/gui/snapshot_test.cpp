#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "gui/core/course_figures.hpp"
#include "gui/core/population_worker.hpp"
#include "gui/core/scenario_writer.hpp"
#include "gui/core/simulation.hpp"
#include "models/variability.hpp"
#include "sim/population.hpp"
#include "sim/statistics.hpp"

namespace alemsim::gui {
namespace {

using namespace std::chrono_literals;

Scenario short_label(std::int64_t patients) {
  Scenario s = labelled_regimen_scenario();
  s.horizon_day = 400.0;
  s.patients = patients;
  s.seed = 7;
  return s;
}

TEST(EngineQuantities, FollowPatientOutputs) {
  const auto q = engine_quantities();
  ASSERT_EQ(q.size(), patient_outputs().size());
  for (std::size_t i = 0; i < q.size(); ++i) EXPECT_EQ(q[i].column, patient_outputs()[i].column);
  EXPECT_EQ(find_quantity(q, "concentration_ng_per_ml"), 0);
  EXPECT_EQ(find_quantity(q, "no_such_column"), -1);
}

TEST(PopulationSnapshot, PercentilesAreTheEnginesType7Percentiles) {
  const Scenario s = short_label(31);
  const SimulationPlan plan = plan_simulation(s);
  const auto patients = simulate_population(s.typical_params, variability_table(), s.seed, s.patients, plan.infusions, plan.grid_day);
  const PopulationSnapshot snap = make_population_snapshot(plan.grid_day, engine_quantities(), patients, 5);
  ASSERT_EQ(snap.percentiles.size(), engine_quantities().size());
  for (std::size_t q = 0; q < snap.percentiles.size(); ++q) {
    for (std::size_t t : {std::size_t{0}, std::size_t{5}, plan.grid_day.size() / 2, plan.grid_day.size() - 1}) {
      std::vector<double> values;
      for (const auto& p : patients) values.push_back(p.result.series[q][t]);
      EXPECT_DOUBLE_EQ(snap.percentiles[q].p05[t], percentile(values, 5.0));
      EXPECT_DOUBLE_EQ(snap.percentiles[q].p25[t], percentile(values, 25.0));
      EXPECT_DOUBLE_EQ(snap.percentiles[q].p50[t], percentile(values, 50.0));
      EXPECT_DOUBLE_EQ(snap.percentiles[q].p75[t], percentile(values, 75.0));
      EXPECT_DOUBLE_EQ(snap.percentiles[q].p95[t], percentile(values, 95.0));
    }
    EXPECT_EQ(snap.traces[q].size(), 5u);
  }
  EXPECT_EQ(snap.patients, 31);
  EXPECT_EQ(snap.failed, 0);
}

TEST(PopulationSnapshot, CourseSpreadsMatchTheCommandLineSummary) {
  const Scenario s = short_label(40);
  const SimulationPlan plan = plan_simulation(s);
  const auto patients = simulate_population(s.typical_params, variability_table(), s.seed, s.patients, plan.infusions, plan.grid_day);
  const PopulationSnapshot snap = make_population_snapshot(plan.grid_day, engine_quantities(), patients, 0);
  ASSERT_EQ(snap.course_spreads.size(), 2u);
  std::vector<double> cmax;
  for (const auto& p : patients) cmax.push_back(p.result.courses[1].cmax_ng_per_ml);
  const Spread expected = spread(cmax);
  EXPECT_DOUBLE_EQ(snap.course_spreads[1][0].mean, expected.mean);
  EXPECT_DOUBLE_EQ(snap.course_spreads[1][0].p95, expected.p95);
  EXPECT_EQ(course_figures()[0].label, "Cmax");
}

TEST(PopulationSnapshot, FailedPatientsAreLeftOutAndCounted) {
  const Scenario s = short_label(4);
  const SimulationPlan plan = plan_simulation(s);
  auto patients = simulate_population(s.typical_params, variability_table(), s.seed, s.patients, plan.infusions, plan.grid_day);
  patients[1].ok = false;
  patients[1].error = "solver failed at t = 3 day";
  patients[1].result.series[0].assign(plan.grid_day.size(), 1e9);  // must not reach the percentiles
  const PopulationSnapshot snap = make_population_snapshot(plan.grid_day, engine_quantities(), patients, 10);
  EXPECT_EQ(snap.failed, 1);
  EXPECT_EQ(snap.first_error, "solver failed at t = 3 day");
  EXPECT_LT(snap.percentiles[0].p95[10], 1e6);
  EXPECT_EQ(snap.traces[0].size(), 3u);
  for (auto& p : patients) p.ok = false;
  EXPECT_THROW(make_population_snapshot(plan.grid_day, engine_quantities(), patients, 0), std::invalid_argument);
}

TEST(PopulationWorker, GivesExactlyTheEnginesPopulation) {
  const Scenario s = short_label(37);
  const SimulationPlan plan = plan_simulation(s);
  PopulationWorker worker(2);
  const std::uint64_t generation = worker.submit({s.typical_params, plan.infusions, plan.grid_day, s.seed, s.patients, 3});
  ASSERT_TRUE(worker.wait_idle(60s));
  const auto snap = worker.latest();
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->generation, generation);
  const auto patients = simulate_population(s.typical_params, variability_table(), s.seed, s.patients, plan.infusions, plan.grid_day);
  const PopulationSnapshot expected = make_population_snapshot(plan.grid_day, engine_quantities(), patients, 3);
  for (std::size_t q = 0; q < expected.percentiles.size(); ++q) {
    EXPECT_EQ(snap->percentiles[q].p05, expected.percentiles[q].p05);
    EXPECT_EQ(snap->percentiles[q].p50, expected.percentiles[q].p50);
    EXPECT_EQ(snap->percentiles[q].p95, expected.percentiles[q].p95);
    EXPECT_EQ(snap->traces[q], expected.traces[q]);
  }
  const PopulationProgress progress = worker.progress();
  EXPECT_FALSE(progress.running);
  EXPECT_EQ(progress.done, 37);
  EXPECT_EQ(progress.total, 37);
}

TEST(PopulationWorker, ANewerRequestReplacesARunningOne) {
  Scenario big = labelled_regimen_scenario();
  big.patients = 2000;
  const SimulationPlan big_plan = plan_simulation(big);
  const Scenario small = short_label(9);
  const SimulationPlan small_plan = plan_simulation(small);
  PopulationWorker worker(1);
  worker.submit({big.typical_params, big_plan.infusions, big_plan.grid_day, big.seed, big.patients, 0});
  const std::uint64_t second = worker.submit({small.typical_params, small_plan.infusions, small_plan.grid_day, small.seed, small.patients, 0});
  ASSERT_TRUE(worker.wait_idle(60s));
  ASSERT_TRUE(worker.latest());
  EXPECT_EQ(worker.latest()->generation, second);
  EXPECT_EQ(worker.latest()->patients, 9);
}

TEST(PopulationWorker, StopsPromptlyWhenDestroyedMidRun) {
  Scenario big = labelled_regimen_scenario();
  big.patients = 5000;
  const SimulationPlan plan = plan_simulation(big);
  const auto start = std::chrono::steady_clock::now();
  {
    PopulationWorker worker(1);
    worker.submit({big.typical_params, plan.infusions, plan.grid_day, big.seed, big.patients, 0});
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace alemsim::gui
