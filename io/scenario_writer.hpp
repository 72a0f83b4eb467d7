// Saving the scenario being edited in the scenario file format (docs/scenarios.md), so that
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

}  // namespace alemsim
