// Reading a scenario kept as text (the `scenario` attribute of a results file) with the same loader
// and the same checks as a scenario file.
#pragma once

#include <string>

#include "sim/io/scenario.hpp"

namespace alemsim::gui {

// Throws ScenarioError as load_scenario() does, with `origin` (e.g. "run.h5:/scenario") in place of
// a file name. The result has an empty path: it belongs to no file the viewer may overwrite.
Scenario scenario_from_text(const std::string& text, const std::string& origin);

}  // namespace alemsim::gui
