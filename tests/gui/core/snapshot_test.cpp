#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "io/shipped_scenarios.hpp"
#include "gui/core/population_worker.hpp"
#include "io/scenario_writer.hpp"
#include "gui/core/simulation.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

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

// The population as `alemsim run` computes it: run_population into a PopulationSummary.
struct EngineRun {
  std::vector<PatientOutcome> outcomes;
  PopulationSummary summary;
};

EngineRun engine_run(const Scenario& s, const SimulationPlan& plan) {
  const PatientSampler sampler(s.typical_params, s.variability);
  PopulationRunOptions options;
  options.seed = s.seed;
  options.patients = s.patients;
  EngineRun run{simulate_population(sampler, plan, options),
                PopulationSummary(patient_outputs(), plan.grid_day().size(), s.courses.size())};
  run.summary.add(run.outcomes, 1);
  return run;
}

PopulationRequest request_for(const Scenario& s, const SimulationPlan& plan, int traces) {
  return {s.typical_params, s.variability, plan, s.seed, s.patients, traces};
}

TEST(EngineQuantities, FollowPatientOutputs) {
  const auto q = engine_quantities();
  ASSERT_EQ(q.size(), patient_outputs().size());
  for (std::size_t i = 0; i < q.size(); ++i) EXPECT_EQ(q[i].column, patient_outputs()[i].column);
  EXPECT_EQ(find_quantity(q, "concentration_ng_per_ml"), 0);
  EXPECT_EQ(find_quantity(q, "no_such_column"), -1);
}

TEST(PopulationSnapshot, HoldsTheSummarysPercentilesAndCourseMetrics) {
  const Scenario s = short_label(31);
  const SimulationPlan plan = viewer_plan(s);
  const EngineRun run = engine_run(s, plan);
  const PopulationSnapshot snap = make_population_snapshot(plan.grid_day(), run.summary, 2, "");
  ASSERT_EQ(snap.percentiles.size(), patient_outputs().size());
  for (std::size_t q = 0; q < snap.percentiles.size(); ++q) {
    EXPECT_EQ(snap.percentiles[q].p05, run.summary.series().percentile(q, 5.0));
    EXPECT_EQ(snap.percentiles[q].p50, run.summary.series().percentile(q, 50.0));
    EXPECT_EQ(snap.percentiles[q].p95, run.summary.series().percentile(q, 95.0));
  }
  ASSERT_EQ(snap.metrics.size(), run.summary.metrics().size());
  const int cmax = find_metric(snap.metrics, "cmax_ng_per_ml");
  ASSERT_GE(cmax, 0);
  ASSERT_EQ(snap.course_metrics.size(), 2u);
  const StreamingDistribution& expected = run.summary.metric(static_cast<std::size_t>(cmax), 1);
  EXPECT_EQ(snap.course_metrics[1][static_cast<std::size_t>(cmax)].mean, expected.mean());
  EXPECT_EQ(snap.course_metrics[1][static_cast<std::size_t>(cmax)].p95, expected.percentile(95.0));
  EXPECT_EQ(snap.course_metrics[1][static_cast<std::size_t>(cmax)].count, 31);
  // Month 12 after course 2 (day 730) lies past the 400-day horizon.
  EXPECT_TRUE(std::isnan(snap.lln_fractions[1][1]));
  EXPECT_EQ(snap.lln_fractions[0][0], run.summary.fraction_at_lln(0, 0));
  EXPECT_EQ(snap.patients, 31);
  EXPECT_EQ(snap.failed, 0);
  // The fractions below each threshold at every output time, with their intervals.
  const ThresholdFractions& below = run.summary.fractions_below();
  ASSERT_EQ(snap.fractions_below.size(), below.thresholds().size());
  EXPECT_EQ(snap.fractions_below[0].name, "cd4_below_200");
  for (std::size_t t = 0; t < plan.grid_day().size(); t += 37) {
    EXPECT_EQ(snap.fractions_below[0].fraction[t], below.below(0, t).estimate);
    EXPECT_EQ(snap.fractions_below[0].upper[t], below.below(0, t).upper_95);
  }
}

TEST(PopulationSnapshot, FailedPatientsAreCountedAndNoSuccessIsAnError) {
  const Scenario s = short_label(4);
  const SimulationPlan plan = viewer_plan(s);
  EngineRun run = engine_run(s, plan);
  run.outcomes[1].ok = false;
  PopulationSummary summary(patient_outputs(), plan.grid_day().size(), 2);
  summary.add(run.outcomes, 1);
  const PopulationSnapshot snap = make_population_snapshot(plan.grid_day(), summary, 2, "solver failed at t = 3 day");
  EXPECT_EQ(snap.failed, 1);
  EXPECT_EQ(snap.patients, 4);
  EXPECT_EQ(snap.first_error, "solver failed at t = 3 day");
  for (auto& p : run.outcomes) p.ok = false;
  PopulationSummary none(patient_outputs(), plan.grid_day().size(), 2);
  none.add(run.outcomes, 1);
  EXPECT_THROW(make_population_snapshot(plan.grid_day(), none, 2, "x"), std::invalid_argument);
}

TEST(PopulationWorker, GivesExactlyTheEnginesPopulation) {
  const Scenario s = short_label(37);
  const SimulationPlan plan = viewer_plan(s);
  PopulationWorker worker(2);
  const std::uint64_t generation = worker.submit(request_for(s, plan, 3));
  ASSERT_TRUE(worker.wait_idle(60s));
  const auto snap = worker.latest();
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->generation, generation);
  const EngineRun run = engine_run(s, plan);
  for (std::size_t q = 0; q < patient_outputs().size(); ++q) {
    EXPECT_EQ(snap->percentiles[q].p05, run.summary.series().percentile(q, 5.0));
    EXPECT_EQ(snap->percentiles[q].p50, run.summary.series().percentile(q, 50.0));
    EXPECT_EQ(snap->percentiles[q].p95, run.summary.series().percentile(q, 95.0));
    ASSERT_EQ(snap->traces[q].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(snap->traces[q][i], run.outcomes[i].result.series[q]);
  }
  for (std::size_t m = 0; m < snap->metrics.size(); ++m) {
    EXPECT_EQ(snap->course_metrics[0][m].count, run.summary.metric(m, 0).count()) << snap->metrics[m].name;
  }
  const PopulationProgress progress = worker.progress();
  EXPECT_FALSE(progress.running);
  EXPECT_EQ(progress.done, 37);
  EXPECT_EQ(progress.total, 37);
}

TEST(PopulationWorker, ReportsABadVariabilityAsTheRequestsError) {
  Scenario s = short_label(5);
  s.variability.correlations.push_back({"central_volume_l", "no_such_parameter", 0.5, "test"});
  PopulationWorker worker(1);
  const std::uint64_t generation = worker.submit(request_for(s, viewer_plan(s), 0));
  ASSERT_TRUE(worker.wait_idle(60s));
  EXPECT_FALSE(worker.latest());
  const auto [error_generation, error] = worker.last_error();
  EXPECT_EQ(error_generation, generation);
  EXPECT_NE(error.find("no_such_parameter"), std::string::npos) << error;
}

TEST(PopulationWorker, ANewerRequestReplacesARunningOne) {
  Scenario big = labelled_regimen_scenario();
  big.patients = 2000;
  const Scenario small = short_label(9);
  PopulationWorker worker(1);
  worker.submit(request_for(big, viewer_plan(big), 0));
  const std::uint64_t second = worker.submit(request_for(small, viewer_plan(small), 0));
  ASSERT_TRUE(worker.wait_idle(60s));
  ASSERT_TRUE(worker.latest());
  EXPECT_EQ(worker.latest()->generation, second);
  EXPECT_EQ(worker.latest()->patients, 9);
}

TEST(PopulationWorker, CancelStopsARunAndKeepsNothing) {
  Scenario big = labelled_regimen_scenario();
  big.patients = 5000;
  PopulationWorker worker(1);
  worker.submit(request_for(big, viewer_plan(big), 0));
  std::this_thread::sleep_for(20ms);
  const auto start = std::chrono::steady_clock::now();
  worker.cancel();
  ASSERT_TRUE(worker.wait_idle(60s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_FALSE(worker.latest());
  EXPECT_LT(worker.progress().done, 5000);
}

TEST(PopulationWorker, StopsPromptlyWhenDestroyedMidRun) {
  Scenario big = labelled_regimen_scenario();
  big.patients = 5000;
  const SimulationPlan plan = viewer_plan(big);
  const auto start = std::chrono::steady_clock::now();
  {
    PopulationWorker worker(1);
    worker.submit(request_for(big, plan, 0));
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace alemsim::gui
