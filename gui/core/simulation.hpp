// Turning the scenario being edited into simulations: checks, infusions and output grid, and the
// typical patient (fast enough to re-run on every slider change: well under a millisecond per year
// of daily output).
#pragma once

#include <cstdint>
#include <vector>

#include "gui/core/snapshot.hpp"
#include "io/scenario.hpp"

namespace alemsim::gui {

// Most memory a population's percentile histograms may take in the viewer. They cost quantities x
// LogBins::count() x 4 bytes, about 33 kB, per output time whatever the number of patients, so this
// allows about 8,000 output times (the 6-year labelled regimen at a daily step has 2,200).
inline constexpr std::int64_t kMaxHistogramBytes = std::int64_t{256} << 20;

// Most output times the viewer simulates (a 30-year horizon at a daily step fits).
inline constexpr double kMaxGridPoints = 20'000;

// The engine's plan of the scenario being edited (regimen, horizon, output step: the checks the
// scenario loader makes), the parameters checked, and the viewer's size limit. Throws
// std::invalid_argument with a message meant for the user, naming what to change.
SimulationPlan viewer_plan(const Scenario& scenario);

// Throws SolverError when the integration fails.
TypicalSnapshot simulate_typical(const Scenario& scenario, const SimulationPlan& plan);

// Throws std::invalid_argument when `patients` < 1 or the plan's output times would need more than
// kMaxHistogramBytes of percentile histograms.
void check_population_size(std::int64_t patients, const SimulationPlan& plan);

}  // namespace alemsim::gui
