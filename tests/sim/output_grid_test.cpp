#include <gtest/gtest.h>

#include "sim/output_grid.hpp"
#include "sim/simulate.hpp"

namespace alemsim {
namespace {

TEST(OutputGrid, ContainsEveryInfusionBoundAndTheHorizon) {
  const auto infusions = expand_regimen({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}});
  const auto grid = build_output_grid(400.5, 1.0, infusions, std::vector<double>{2.5, 1000.0});
  EXPECT_DOUBLE_EQ(grid.front(), 0.0);
  EXPECT_DOUBLE_EQ(grid.back(), 400.5);
  EXPECT_TRUE(std::is_sorted(grid.begin(), grid.end()));
  EXPECT_EQ(std::adjacent_find(grid.begin(), grid.end()), grid.end()) << "no duplicates";
  for (const Infusion& inf : infusions) {
    EXPECT_NO_THROW(grid_index_of(grid, inf.start_day));
    EXPECT_NO_THROW(grid_index_of(grid, inf.end_day));
  }
  EXPECT_NO_THROW(grid_index_of(grid, 2.5));
  EXPECT_THROW(grid_index_of(grid, 1000.0), std::invalid_argument) << "times past the horizon are dropped";
  // 0..400 daily (401), horizon, 8 infusion ends off the daily grid, extra 2.5.
  EXPECT_EQ(grid.size(), 401u + 1u + 8u + 1u);
}

TEST(OutputGrid, RejectsNonPositiveStepOrHorizon) {
  EXPECT_THROW(build_output_grid(10.0, 0.0, {}), std::invalid_argument);
  EXPECT_THROW(build_output_grid(0.0, 1.0, {}), std::invalid_argument);
}

}  // namespace
}  // namespace alemsim
