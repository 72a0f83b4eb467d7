#include "io/scenario_writer.hpp"

#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "io/variability_overrides.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_yaml.hpp"

namespace alemsim {
namespace {

void emit_variability(YAML::Emitter& out, const VariabilityOverrides& v) {
  if (v.empty()) return;
  out << YAML::Key << "variability" << YAML::Value << variability_yaml(v);
}

}  // namespace

std::string scenario_yaml(const Scenario& s) {
  YAML::Emitter out;
  out << YAML::Comment("alemsim scenario, saved by alemsim-viewer (format: docs/scenarios.md)");
  out << YAML::BeginMap;
  if (!s.name.empty()) out << YAML::Key << "name" << YAML::Value << s.name;
  if (!s.description.empty()) out << YAML::Key << "description" << YAML::Value << s.description;
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  out << YAML::Key << "patients" << YAML::Value << s.patients;
  out << YAML::Key << "horizon_day" << YAML::Value << exact_number(s.horizon_day);
  out << YAML::Key << "output" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "step_day" << YAML::Value << exact_number(s.output_step_day);
  out << YAML::EndMap;
  out << YAML::Key << "courses" << YAML::Value << courses_yaml(s.courses);
  bool any_override = false;
  for (const ParamInfo& p : param_table()) {
    const double value = s.typical_params.*p.field;
    if (value == p.typical_value) continue;
    if (!any_override) out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
    any_override = true;
    out << YAML::Key << std::string(p.name) << YAML::Value << exact_number(value)
        << YAML::Comment(std::string(p.unit) + "; default " + exact_number(p.typical_value));
  }
  if (any_override) out << YAML::EndMap;
  emit_variability(out, variability_overrides(s.variability, default_variability()));
  out << YAML::EndMap;
  if (!out.good()) throw std::runtime_error("cannot write the scenario as YAML: " + out.GetLastError());
  return std::string(out.c_str()) + "\n";
}

void save_scenario(const std::string& path, const Scenario& scenario) {
  const std::string text = scenario_yaml(scenario);
  AtomicFile file(path);
  file.stream() << text;
  file.commit();
}

}  // namespace alemsim
