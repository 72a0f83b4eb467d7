// Writing scenario YAML (docs/scenarios.md) that load_scenario() reads back exactly: numbers
// in their shortest exact form, courses under the keys read_course() reads.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "io/variability_overrides.hpp"
#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

// Shortest text that parses back to the same double ("13.89", not yaml-cpp's "13.890000000000001").
std::string exact_number(double value);

// `courses` as a scenario file's `courses` list, one flow mapping per course, missed_days only
// where doses are missed.
YAML::Node courses_yaml(const std::vector<Course>& courses);

// A scenario file's `variability` section for these overrides (io/variability_overrides.hpp);
// correlations as flow mappings. Null when there are none.
YAML::Node variability_yaml(const VariabilityOverrides& overrides);

// `scenario_text` with its `courses` replaced by `courses` and its `horizon_day` by `horizon_day`,
// and its `parameters` and `variability` by those that make `typical_params` and `variability` (the
// differences from the shipped model; the keys are left out when there are none); everything else
// kept (comments are not: the text is parsed and emitted again). Throws ScenarioError naming
// `origin` when the text is not a YAML mapping.
std::string scenario_with_regimen(const std::string& scenario_text, const std::string& origin,
                                  const std::vector<Course>& courses, double horizon_day,
                                  const ModelParams& typical_params, const VariabilityModel& variability);

}  // namespace alemsim
