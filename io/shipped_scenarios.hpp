// Scenarios compiled into the program from their one definition in scenarios/, so that what needs
// them works from any folder: the labelled regimen opens the viewer and is what the validation
// simulates.
#pragma once

#include "io/scenario.hpp"

namespace alemsim {

// scenarios/label.yaml as this program was built with it (SmPC 4.2: 5 x 12 mg from day 0, 3 x 12 mg
// from day 365, 4 h infusions; six years). Its path is empty, as for scenario_from_text().
Scenario labelled_regimen_scenario();

}  // namespace alemsim
