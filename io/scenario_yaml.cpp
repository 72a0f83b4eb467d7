#include "io/scenario_yaml.hpp"

#include <charconv>

#include "io/scenario.hpp"
#include "io/yaml_reader.hpp"

namespace alemsim {

std::string exact_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

YAML::Node courses_yaml(const std::vector<Course>& courses) {
  YAML::Node list(YAML::NodeType::Sequence);
  for (const Course& c : courses) {
    YAML::Node course;
    course.SetStyle(YAML::EmitterStyle::Flow);
    course["start_day"] = exact_number(c.start_day);
    course["infusion_days"] = c.infusion_days;
    course["dose_mg_per_day"] = exact_number(c.dose_mg_per_day);
    course["infusion_hours"] = exact_number(c.infusion_hours);
    if (!c.missed_days.empty()) {
      YAML::Node missed(c.missed_days);
      missed.SetStyle(YAML::EmitterStyle::Flow);
      course["missed_days"] = missed;
    }
    list.push_back(course);
  }
  return list;
}

YAML::Node variability_yaml(const VariabilityOverrides& v) {
  YAML::Node node;
  for (const auto& [parameter, cv] : v.cv) node["cv"][parameter] = exact_number(cv);
  for (const EffectCorrelation& c : v.correlations) {
    YAML::Node pair;
    pair.push_back(c.first);
    pair.push_back(c.second);
    pair.SetStyle(YAML::EmitterStyle::Flow);
    YAML::Node entry;
    entry.SetStyle(YAML::EmitterStyle::Flow);
    entry["parameters"] = pair;
    entry["rho"] = exact_number(c.rho);
    node["correlations"].push_back(entry);
  }
  for (const auto& [field, value] : v.covariates) node["covariates"][field] = exact_number(value);
  return node;
}

std::string scenario_with_regimen(const std::string& scenario_text, const std::string& origin,
                                  const std::vector<Course>& courses, double horizon_day,
                                  const ModelParams& typical_params, const VariabilityModel& variability) {
  const YamlReader<ScenarioError> r(origin);
  YAML::Node root = r.parse(scenario_text);
  r.expect_map(root, "(top level)");
  // Assigning to existing keys keeps their place, so the text reads in the order it was written.
  root["courses"] = courses_yaml(courses);
  root["horizon_day"] = exact_number(horizon_day);
  YAML::Node parameters;
  for (const ParamInfo& p : param_table()) {
    const double value = typical_params.*p.field;
    if (value != p.typical_value) parameters[std::string(p.name)] = exact_number(value);
  }
  if (parameters.size() > 0) {
    root["parameters"] = parameters;
  } else {
    root.remove("parameters");
  }
  const YAML::Node v = variability_yaml(variability_overrides(variability, default_variability()));
  if (v.size() > 0) {
    root["variability"] = v;
  } else {
    root.remove("variability");
  }
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace alemsim
