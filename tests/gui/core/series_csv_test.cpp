#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "io/shipped_scenarios.hpp"
#include "gui/core/series_csv.hpp"
#include "gui/core/simulation.hpp"
#include "io/scenario_writer.hpp"

namespace alemsim::gui {
namespace {

TEST(SeriesCsv, HasTypicalAndPercentileColumnsForEveryQuantity) {
  Scenario s = labelled_regimen_scenario();
  s.horizon_day = 400.0;
  const SimulationPlan plan = viewer_plan(s);
  const TypicalSnapshot typical = simulate_typical(s, plan);
  PopulationSnapshot population;
  population.grid_day = typical.grid_day;
  population.quantities = typical.quantities;
  for (const auto& series : typical.series) population.percentiles.push_back({series, series, series, series, series});

  std::ostringstream out;
  write_plotted_series_csv(out, typical, &population);
  std::istringstream in(out.str());
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("time_day,concentration_ng_per_ml_typical,concentration_ng_per_ml_p05,", 0), 0u) << header;
  EXPECT_NE(header.find("concentration_ng_per_ml_p95"), std::string::npos);
  const std::size_t columns = 1 + typical.quantities.size() * 6;
  EXPECT_EQ(static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1, columns);
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_EQ(rows, typical.grid_day.size());

  population.grid_day.pop_back();  // another scenario's population: left out
  std::ostringstream typical_only;
  write_plotted_series_csv(typical_only, typical, &population);
  EXPECT_EQ(typical_only.str().find("_p05"), std::string::npos);
}

}  // namespace
}  // namespace alemsim::gui
