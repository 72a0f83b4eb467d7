#include <cmath>

#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "sim/output_grid.hpp"

namespace alemsim {
namespace {

TEST(CourseSummary, ReadsCmaxHalfLifeAndWashoutFromAnExactMonoexponential) {
  // A made-up concentration: rises during the infusions, then falls with a 4.5-day half-life.
  const auto infusions = expand_regimen({Course{0.0, 2, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(60.0, 1.0, infusions, course_summary_times(infusions));
  const double end = infusions.back().end_day;
  const double k = std::log(2.0) / 4.5;
  std::vector<double> c(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) c[i] = grid[i] <= end ? 100.0 * grid[i] : 100.0 * end * std::exp(-k * (grid[i] - end));

  const auto summary = summarize_courses(infusions, grid, c);
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_DOUBLE_EQ(summary[0].tmax_day, end);
  EXPECT_DOUBLE_EQ(summary[0].cmax_ng_per_ml, 100.0 * end);
  EXPECT_NEAR(summary[0].half_life_day, 4.5, 1e-9);
  EXPECT_NEAR(summary[0].concentration_30d_ng_per_ml, 100.0 * end * std::exp(-k * 30.0), 1e-9);
}

TEST(CourseSummary, FiguresPastTheHorizonAreNaN) {
  const auto infusions = expand_regimen({Course{0.0, 1, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(5.0, 1.0, infusions, course_summary_times(infusions));
  const std::vector<double> c(grid.size(), 1.0);
  const auto summary = summarize_courses(infusions, grid, c);
  EXPECT_TRUE(std::isnan(summary[0].half_life_day));
  EXPECT_TRUE(std::isnan(summary[0].concentration_30d_ng_per_ml));
}

}  // namespace
}  // namespace alemsim
