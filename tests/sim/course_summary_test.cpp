#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "models/reference_ranges.hpp"
#include "sim/plan.hpp"

namespace alemsim {
namespace {

// Outputs declared by role, as a model declares them: the summary finds them by role, not by name.
constexpr OutputQuantity kConcentration{"concentration_ng_per_ml", "C", "ng/mL", QuantityRole::kDrugConcentration, "c"};
constexpr OutputQuantity kCd4{"cd4_cells_per_ul", "CD4", "cells/uL", QuantityRole::kBloodSubset, "cd4", 400.0, true};
const OutputQuantity kConcentrationOnly[] = {kConcentration};

TEST(CourseSummary, ReadsCmaxHalfLifeAndWashoutFromAnExactMonoexponential) {
  // A made-up concentration: rises during the infusions, then falls with a 4.5-day half-life.
  const SimulationPlan plan({Course{0.0, 2, 12.0, 4.0, {}}}, 60.0);
  const auto infusions = plan.infusions();
  const auto grid = plan.grid_day();
  const double end = infusions.back().end_day;
  const double k = std::log(2.0) / 4.5;
  std::vector<double> c(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) c[i] = grid[i] <= end ? 100.0 * grid[i] : 100.0 * end * std::exp(-k * (grid[i] - end));

  const std::vector<std::vector<double>> series{c};
  const auto summary = summarize_courses(plan, kConcentrationOnly, series);
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_DOUBLE_EQ(summary[0].tmax_day, end);
  EXPECT_DOUBLE_EQ(summary[0].cmax_ng_per_ml, 100.0 * end);
  EXPECT_NEAR(summary[0].half_life_day, 4.5, 1e-9);
  EXPECT_NEAR(summary[0].concentration_30d_ng_per_ml, 100.0 * end * std::exp(-k * 30.0), 1e-9);
}

TEST(CourseSummary, FiguresPastTheHorizonAreNaN) {
  const SimulationPlan plan({Course{0.0, 1, 12.0, 4.0, {}}}, 5.0);
  const auto grid = plan.grid_day();
  const std::vector<std::vector<double>> series{std::vector<double>(grid.size(), 1.0)};
  const auto summary = summarize_courses(plan, kConcentrationOnly, series);
  EXPECT_TRUE(std::isnan(summary[0].half_life_day));
  EXPECT_TRUE(std::isnan(summary[0].concentration_30d_ng_per_ml));
}

TEST(CourseSummary, NadirLowerLimitAndProphylaxisFromACellCount) {
  // CD4+ falls linearly from 900 to 50 by day 20, then rises 2 cells/uL/day.
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 400.0);
  const auto grid = plan.grid_day();
  std::vector<double> conc(grid.size(), 0.0), cd4(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double t = grid[i];
    cd4[i] = t <= 20.0 ? 900.0 - 42.5 * t : 50.0 + 2.0 * (t - 20.0);
    conc[i] = t < 5.0 ? 100.0 : 100.0 * std::exp(-(t - 5.0));
  }
  const OutputQuantity outputs[] = {kConcentration, kCd4};
  const std::vector<std::vector<double>> series{conc, cd4};
  const auto summary = summarize_courses(plan, outputs, series);
  ASSERT_EQ(summary[0].subsets.size(), 1u);
  const SubsetCourse& s = summary[0].subsets[0];
  EXPECT_EQ(s.column, "cd4_cells_per_ul");
  EXPECT_DOUBLE_EQ(s.nadir_cells_per_ul, 50.0);
  EXPECT_DOUBLE_EQ(s.nadir_day, 20.0);
  EXPECT_DOUBLE_EQ(s.lln_cells_per_ul, 400.0);
  EXPECT_DOUBLE_EQ(s.lln_regained_day, 20.0 + 175.0);                // 50 + 2 * 175 = 400
  EXPECT_DOUBLE_EQ(summary[0].cd4_200_regained_day, 20.0 + 75.0);    // 50 + 2 * 75 = 200
  EXPECT_DOUBLE_EQ(summary[0].prophylaxis_end_day, 95.0);            // later than 2 months after day 4.17
}

TEST(CourseSummary, CourseWindowsEndAtTheNextCourseAndUnrecoveredCountsAreCensoredThere) {
  // CD4+ falls linearly from 900 to 50 by day 20, then rises 2 cells/uL/day; course 2 on day 200.
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{200.0, 3, 12.0, 4.0, {}}}, 500.0);
  const auto grid = plan.grid_day();
  std::vector<double> conc(grid.size(), 0.0), cd4(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) cd4[i] = grid[i] <= 20.0 ? 900.0 - 42.5 * grid[i] : 50.0 + 2.0 * (grid[i] - 20.0);
  const OutputQuantity outputs[] = {kConcentration, kCd4};
  const auto summary = summarize_courses(plan, outputs, std::vector<std::vector<double>>{conc, cd4});
  ASSERT_EQ(summary.size(), 2u);
  // The last output time before day 200 closes course 1's window.
  const double last_before_200 = *(std::lower_bound(grid.begin(), grid.end(), 200.0) - 1);
  EXPECT_DOUBLE_EQ(summary[0].window_end_day, last_before_200);
  EXPECT_DOUBLE_EQ(summary[1].window_end_day, 300.0);  // day 500, the horizon, from day 200
  const SubsetCourse& first = summary[0].subsets[0];
  EXPECT_DOUBLE_EQ(first.baseline_cells_per_ul, 900.0);
  EXPECT_DOUBLE_EQ(first.start_cells_per_ul, 900.0);
  // 90% of baseline is 810, reached on day 400: past course 1's window, so censored at its end.
  EXPECT_TRUE(std::isnan(first.baseline_regained_day));
  const Recovery censored = summary[0].recovery(first.baseline_regained_day);
  EXPECT_EQ(censored.kind, Recovery::Kind::kCensored);
  EXPECT_DOUBLE_EQ(censored.day, last_before_200);
  const Recovery recovered = summary[0].recovery(summary[0].cd4_200_regained_day);
  EXPECT_EQ(recovered.kind, Recovery::Kind::kRecovered);
  EXPECT_DOUBLE_EQ(recovered.day, 95.0);
  // Course 2 starts at 50 + 2 * 180 = 410, its own nadir there (the made-up count ignores the drug):
  // above 200 throughout (never below), back at 810 on day 400, 200 days into course 2.
  const SubsetCourse& second = summary[1].subsets[0];
  EXPECT_DOUBLE_EQ(second.start_cells_per_ul, 410.0);
  EXPECT_DOUBLE_EQ(second.baseline_cells_per_ul, 900.0);
  EXPECT_DOUBLE_EQ(second.baseline_regained_day, 200.0);
  EXPECT_EQ(summary[1].recovery(summary[1].cd4_200_regained_day).kind, Recovery::Kind::kNeverBelow);
}

TEST(CourseSummary, ProphylaxisLastsAtLeastTwoMonths) {
  const SimulationPlan plan({Course{0.0, 3, 12.0, 4.0, {}}}, 200.0);
  const auto grid = plan.grid_day();
  const OutputQuantity outputs[] = {kConcentration, kCd4};
  const std::vector<std::vector<double>> series{std::vector<double>(grid.size(), 1.0),
                                                std::vector<double>(grid.size(), 500.0)};
  const auto summary = summarize_courses(plan, outputs, series);
  EXPECT_EQ(summary[0].cd4_200_regained_day, 0.0) << "never below 200";
  EXPECT_NEAR(summary[0].prophylaxis_end_day, 2.0 + 4.0 / 24.0 + 2.0 * 365.0 / 12.0, 1e-9) << "2 months of 365/12 days";
}

TEST(CourseSummary, FindsOutputsByRoleWhateverTheirNames) {
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}}, 400.0);
  const auto grid = plan.grid_day();
  std::vector<double> conc(grid.size(), 0.0), cd4(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    conc[i] = grid[i] < 5.0 ? 100.0 : 0.0;
    cd4[i] = grid[i] <= 20.0 ? 900.0 - 42.5 * grid[i] : 50.0 + 2.0 * (grid[i] - 20.0);
  }
  // Renamed outputs, concentration second: the figures must not change.
  const OutputQuantity renamed[] = {{"helper_t", "T", "cells/uL", QuantityRole::kBloodSubset, "t", 400.0, true},
                                    {"drug", "D", "ng/mL", QuantityRole::kDrugConcentration, "d"}};
  const std::vector<std::vector<double>> series{cd4, conc};
  const auto summary = summarize_courses(plan, renamed, series);
  EXPECT_DOUBLE_EQ(summary[0].cmax_ng_per_ml, 100.0);
  ASSERT_EQ(summary[0].subsets.size(), 1u);
  EXPECT_EQ(summary[0].subsets[0].column, "helper_t");
  EXPECT_DOUBLE_EQ(summary[0].cd4_200_regained_day, 95.0);
  const OutputQuantity no_drug[] = {renamed[0]};
  EXPECT_THROW(summarize_courses(plan, no_drug, std::vector<std::vector<double>>{cd4}), std::invalid_argument);
}

}  // namespace
}  // namespace alemsim
