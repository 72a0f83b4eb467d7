#include "io/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "io/yaml_reader.hpp"

#include "sim/memory_budget.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {
namespace {

using Reader = YamlReader<ScenarioError>;

Course read_course(const Reader& r, const YAML::Node& node, std::size_t index) {
  const std::string prefix = "courses[" + std::to_string(index) + "].";
  r.expect_map(node, prefix.substr(0, prefix.size() - 1));
  r.check_keys(node, prefix, {"start_day", "infusion_days", "dose_mg_per_day", "infusion_hours", "missed_days"});
  Course c;
  c.start_day = r.number(r.required(node, "start_day", prefix), prefix + "start_day");
  const std::int64_t days = r.integer(r.required(node, "infusion_days", prefix), prefix + "infusion_days");
  if (days < 1 || days > 31) r.fail(node["infusion_days"], prefix + "infusion_days", "expected a whole number from 1 to 31");
  c.infusion_days = static_cast<int>(days);
  c.dose_mg_per_day = r.number(r.required(node, "dose_mg_per_day", prefix), prefix + "dose_mg_per_day");
  c.infusion_hours = r.number(r.required(node, "infusion_hours", prefix), prefix + "infusion_hours");
  if (const YAML::Node missed = node["missed_days"]) {
    if (!missed.IsSequence()) r.fail(missed, prefix + "missed_days", "expected a list of course days, e.g. [2]");
    for (std::size_t k = 0; k < missed.size(); ++k) {
      const std::int64_t day = r.integer(missed[k], prefix + "missed_days[" + std::to_string(k) + "]");
      if (day < 1 || day > c.infusion_days) {
        r.fail(missed[k], prefix + "missed_days[" + std::to_string(k) + "]",
               "expected a day of the course from 1 to " + std::to_string(c.infusion_days));
      }
      c.missed_days.push_back(static_cast<int>(day));
    }
  }
  return c;
}

// variability:
//   cv: {parameter: CV, ...}                 replaces or adds random effects (CV 0 removes one)
//   correlations: [{parameters: [a, b], rho: 0.3}, ...]   replaces or adds correlations
//   covariates: {weight_kg_median: 70, ...}  any CovariateModel field
void read_variability(const Reader& r, const YAML::Node& node, VariabilityModel& v) {
  r.expect_map(node, "variability");
  r.check_keys(node, "variability.", {"cv", "correlations", "covariates"});
  if (const YAML::Node cv = node["cv"]) {
    r.expect_map(cv, "variability.cv");
    for (const auto& entry : cv) {
      const auto name = entry.first.as<std::string>();
      const std::string field = "variability.cv." + name;
      if (find_param(name) == nullptr) r.fail(entry.first, field, "unknown parameter (names: models/model.md)");
      const double value = r.number(entry.second, field);
      if (value < 0.0 || value > kMaxCv) r.fail(entry.second, field, "expected a CV from 0 to 2 (200%)");
      auto it = std::find_if(v.effects.begin(), v.effects.end(), [&](const RandomEffect& e) { return e.parameter == name; });
      if (it == v.effects.end()) {
        v.effects.push_back({name, value, "scenario " + r.path()});
      } else {
        it->cv = value;
        it->source = "scenario " + r.path();
      }
    }
  }
  if (const YAML::Node correlations = node["correlations"]) {
    if (!correlations.IsSequence()) r.fail(correlations, "variability.correlations", "expected a list of {parameters: [a, b], rho: r}");
    for (std::size_t i = 0; i < correlations.size(); ++i) {
      const YAML::Node c = correlations[i];
      const std::string prefix = "variability.correlations[" + std::to_string(i) + "].";
      r.expect_map(c, prefix.substr(0, prefix.size() - 1));
      r.check_keys(c, prefix, {"parameters", "rho"});
      const YAML::Node pair = r.required(c, "parameters", prefix);
      if (!pair.IsSequence() || pair.size() != 2) r.fail(pair, prefix + "parameters", "expected two parameter names");
      const std::string a = r.text(pair[0], prefix + "parameters[0]");
      const std::string b = r.text(pair[1], prefix + "parameters[1]");
      const double rho = r.number(r.required(c, "rho", prefix), prefix + "rho");
      if (rho < -1.0 || rho > 1.0) r.fail(c["rho"], prefix + "rho", "expected a number from -1 to 1");
      auto it = std::find_if(v.correlations.begin(), v.correlations.end(), [&](const EffectCorrelation& e) {
        return (e.first == a && e.second == b) || (e.first == b && e.second == a);
      });
      if (it == v.correlations.end()) {
        v.correlations.push_back({a, b, rho, "scenario " + r.path()});
      } else {
        it->rho = rho;
        it->source = "scenario " + r.path();
      }
    }
  }
  if (const YAML::Node covariates = node["covariates"]) {
    r.expect_map(covariates, "variability.covariates");
    for (const auto& entry : covariates) {
      const auto name = entry.first.as<std::string>();
      const CovariateField* field = nullptr;
      for (const CovariateField& f : kCovariateFields) field = name == f.name ? &f : field;
      if (field == nullptr) {
        std::string list;
        for (const CovariateField& f : kCovariateFields) list += (list.empty() ? "" : ", ") + std::string(f.name);
        r.fail(entry.first, "variability.covariates." + name, "unknown key; expected one of: " + list);
      }
      v.covariates.*field->member = r.number(entry.second, "variability.covariates." + name);
    }
  }
}

// Reads and checks scenario text; `r` names where it came from in errors.
Scenario parse_scenario(const Reader& r, std::string text) {
  const YAML::Node root = r.parse(text);
  if (!root.IsMap()) r.fail(root, "(top level)", "expected a mapping with keys such as courses and horizon_day");
  // Study files sit beside the scenarios they vary: say what to do with one rather than list keys.
  if (root["base"] && !root["courses"]) {
    r.fail(root["base"], "base", "this is a study file (docs/studies.md); run it with 'alemsim study'");
  }
  r.check_keys(root, "",
               {"name", "description", "seed", "patients", "horizon_day", "output", "courses", "parameters", "variability"});

  Scenario s;
  s.text = std::move(text);
  s.name = root["name"] ? r.text(root["name"], "name") : r.path();
  if (root["description"]) s.description = r.text(root["description"], "description");

  const YAML::Node courses = r.required(root, "courses", "");
  if (!courses.IsSequence() || courses.size() == 0) r.fail(courses, "courses", "expected a non-empty list of courses");
  for (std::size_t i = 0; i < courses.size(); ++i) s.courses.push_back(read_course(r, courses[i], i));
  const YAML::Node horizon = r.required(root, "horizon_day", "");
  s.horizon_day = r.number(horizon, "horizon_day");
  YAML::Node step = root;  // where a bad output step is reported: the key if given, else the file
  if (const YAML::Node output = root["output"]) {
    r.expect_map(output, "output");
    r.check_keys(output, "output.", {"step_day"});
    if (output["step_day"]) {
      step.reset(output["step_day"]);  // rebinds; operator= would write into the document
      s.output_step_day = r.number(step, "output.step_day");
    }
  }
  // The engine's own checks of regimen, horizon and step, reported at the line they concern; and
  // the memory a population's summary at these output times would need (the viewer and every
  // population run build one).
  try {
    const SimulationPlan plan = simulation_plan(s);
    require_summary_memory(patient_outputs().size(), plan.grid_day().size());
  } catch (const MemoryBudgetError& e) {
    r.fail(step, "output.step_day", e.what());
  } catch (const PlanError& e) {
    switch (e.field()) {
      case PlanError::Field::kCourses:
        r.fail(e.course_index() >= 0 ? courses[static_cast<std::size_t>(e.course_index())] : courses, "", e.what());
      case PlanError::Field::kHorizon:
        r.fail(horizon, "horizon_day", e.what());
      case PlanError::Field::kOutputStep:
        r.fail(step, "output.step_day", e.what());
      case PlanError::Field::kExtraTimes:
      case PlanError::Field::kSolver:
        break;  // a scenario sets neither
    }
    throw;
  }

  if (const YAML::Node seed = root["seed"]) {
    const std::int64_t value = r.integer(seed, "seed");
    if (value < 0) r.fail(seed, "seed", "expected a whole number >= 0");
    s.seed = static_cast<std::uint64_t>(value);
  }
  if (const YAML::Node patients = root["patients"]) {
    s.patients = r.integer_in(patients, "patients", 1, kMaxPatients);
  }

  s.typical_params = typical_params();
  if (const YAML::Node overrides = root["parameters"]) {
    r.expect_map(overrides, "parameters");
    for (const auto& entry : overrides) {
      const auto key = entry.first.as<std::string>();
      const ParamInfo* info = find_param(key);
      if (info == nullptr) {
        std::string list;
        for (const ParamInfo& p : param_table()) list += (list.empty() ? "" : ", ") + std::string(p.name);
        r.fail(entry.first, "parameters." + key, "unknown parameter; expected one of: " + list);
      }
      const double value = r.number(entry.second, "parameters." + key);
      if (const std::string problem = implausible_value(*info, value); !problem.empty()) {
        r.fail(entry.second, "parameters." + key, problem);
      }
      s.typical_params.*info->field = value;
    }
  }

  s.variability = default_variability();
  if (const YAML::Node variability = root["variability"]) read_variability(r, variability, s.variability);
  try {
    // Builds the covariance factor: a matrix that is not positive definite fails here, at load time.
    const PatientSampler check(s.typical_params, s.variability);
  } catch (const std::invalid_argument& e) {
    r.fail(root["variability"] ? root["variability"] : root, "", e.what());
  }
  return s;
}

}  // namespace

Scenario load_scenario(const std::string& path) {
  const Reader r(path);
  Scenario s = parse_scenario(r, r.read_text());
  s.path = path;
  return s;
}

Scenario scenario_from_text(const std::string& text, const std::string& origin) {
  return parse_scenario(Reader(origin), text);
}

SimulationPlan simulation_plan(const Scenario& scenario, std::span<const double> extra_times_day) {
  return SimulationPlan(scenario.courses, scenario.horizon_day, scenario.output_step_day, extra_times_day);
}

}  // namespace alemsim
