// Saving the scenario being edited in the scenario file format (README.md#scenario-files), so that
// load_scenario() reads back exactly the same scenario.
#pragma once

#include <string>

#include "sim/io/scenario.hpp"

namespace alemsim::gui {

// The scenario as YAML. Numbers are written in their shortest exact form; parameters only where they
// differ from the typical values of param_table(), each with its unit and default as a comment.
std::string scenario_yaml(const Scenario& scenario);

// Writes scenario_yaml() to `path` atomically. Throws std::runtime_error naming the path.
void save_scenario(const std::string& path, const Scenario& scenario);

// The labelled regimen (SmPC 4.2: 5 x 12 mg from day 0, 3 x 12 mg from day 365, 4 h infusions),
// 6 years, 200 patients: what the viewer shows when started without a file.
Scenario labelled_regimen_scenario();

// Opens a file given to the viewer. Throws ScenarioError (bad scenario) or std::runtime_error
// (a file type the viewer cannot read) with a one-line message for the window.
Scenario open_scenario_file(const std::string& path);

}  // namespace alemsim::gui
