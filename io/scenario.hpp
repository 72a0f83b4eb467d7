// Scenario files (YAML): what a researcher edits. Format documented in docs/scenarios.md.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/variability.hpp"
#include "sim/plan.hpp"
#include "sim/regimen.hpp"

namespace alemsim {

struct Scenario {
  std::string path;                  // file it was read from; empty for scenario_from_text()
  std::string name;
  std::string description;
  std::vector<Course> courses;
  double horizon_day = 0.0;          // simulate from day 0 to here
  double output_step_day = 1.0;      // regular output grid spacing (infusion bounds are always added)
  std::uint64_t seed = 1;            // random-effects seed for population runs
  std::int64_t patients = 1;         // virtual patients in a population run
  ModelParams typical_params{};         // shipped typical values with the file's overrides applied
  VariabilityModel variability;         // shipped variability with the file's overrides applied
  std::string text;                     // the file as read, for provenance in results files
};

// A scenario file that cannot be used. what() is one line: "FILE:LINE:COL: FIELD: what was expected".
class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and checks a scenario file. Throws ScenarioError for a missing, empty or malformed file,
// an unknown key, a value of the wrong type or out of range, overlapping courses, or a horizon that
// ends before the last infusion.
Scenario load_scenario(const std::string& path);

// Reads and checks scenario text kept elsewhere (e.g. the `scenario` attribute of a results file)
// with the same checks as load_scenario(). Errors name `origin` (e.g. "run.h5:/scenario") in place of
// a file; the result has an empty path, as it belongs to no file, and is named `origin` when the
// text has no name.
Scenario scenario_from_text(const std::string& text, const std::string& origin);

// The scenario's regimen, horizon and output step as the engine simulates them (plus any extra
// output times). Throws PlanError for a scenario that load_scenario() would reject (one edited in
// memory, e.g. in the viewer).
SimulationPlan simulation_plan(const Scenario& scenario, std::span<const double> extra_times_day = {});

}  // namespace alemsim
