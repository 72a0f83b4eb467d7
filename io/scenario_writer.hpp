// Saving the scenario being edited in the scenario file format (README.md#scenario-files), so that
// load_scenario() reads back exactly the same scenario.
#pragma once

#include <string>

#include "io/scenario.hpp"

namespace alemsim {

// The scenario as YAML. Numbers are written in their shortest exact form; parameters only where they
// differ from the typical values of param_table(), each with its unit and default as a comment;
// variability only where it differs from default_variability().
std::string scenario_yaml(const Scenario& scenario);

// Writes scenario_yaml() to `path` atomically. Throws std::runtime_error naming the path.
void save_scenario(const std::string& path, const Scenario& scenario);

// The labelled regimen (SmPC 4.2: 5 x 12 mg from day 0, 3 x 12 mg from day 365, 4 h infusions),
// 6 years, 200 patients: what the viewer shows when started without a file.
Scenario labelled_regimen_scenario();

}  // namespace alemsim
