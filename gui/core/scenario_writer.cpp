#include "gui/core/scenario_writer.hpp"

#include <charconv>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "gui/core/variability_overrides.hpp"
#include "sim/io/atomic_file.hpp"

namespace alemsim::gui {
namespace {

// Shortest text that parses back to the same double ("13.89", not yaml-cpp's "13.890000000000001").
std::string exact(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void emit_variability(YAML::Emitter& out, const VariabilityOverrides& v) {
  if (v.empty()) return;
  out << YAML::Key << "variability" << YAML::Value << YAML::BeginMap;
  if (!v.cv.empty()) {
    out << YAML::Key << "cv" << YAML::Value << YAML::BeginMap;
    for (const auto& [parameter, cv] : v.cv) out << YAML::Key << parameter << YAML::Value << exact(cv);
    out << YAML::EndMap;
  }
  if (!v.correlations.empty()) {
    out << YAML::Key << "correlations" << YAML::Value << YAML::BeginSeq;
    for (const EffectCorrelation& c : v.correlations) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "parameters" << YAML::Value << YAML::Flow << YAML::BeginSeq
          << c.first << c.second << YAML::EndSeq << YAML::Key << "rho" << YAML::Value << exact(c.rho) << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!v.covariates.empty()) {
    out << YAML::Key << "covariates" << YAML::Value << YAML::BeginMap;
    for (const auto& [field, value] : v.covariates) out << YAML::Key << field << YAML::Value << exact(value);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

}  // namespace

std::string scenario_yaml(const Scenario& s) {
  YAML::Emitter out;
  out << YAML::Comment("alemsim scenario, saved by alemsim-viewer (format: README.md, Scenario files)");
  out << YAML::BeginMap;
  if (!s.name.empty()) out << YAML::Key << "name" << YAML::Value << s.name;
  if (!s.description.empty()) out << YAML::Key << "description" << YAML::Value << s.description;
  out << YAML::Key << "seed" << YAML::Value << s.seed;
  out << YAML::Key << "patients" << YAML::Value << s.patients;
  out << YAML::Key << "horizon_day" << YAML::Value << exact(s.horizon_day);
  out << YAML::Key << "output" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "step_day" << YAML::Value << exact(s.output_step_day);
  out << YAML::EndMap;
  out << YAML::Key << "courses" << YAML::Value << YAML::BeginSeq;
  for (const Course& c : s.courses) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "start_day" << YAML::Value << exact(c.start_day);
    out << YAML::Key << "infusion_days" << YAML::Value << c.infusion_days;
    out << YAML::Key << "dose_mg_per_day" << YAML::Value << exact(c.dose_mg_per_day);
    out << YAML::Key << "infusion_hours" << YAML::Value << exact(c.infusion_hours);
    if (!c.missed_days.empty()) out << YAML::Key << "missed_days" << YAML::Value << YAML::Flow << c.missed_days;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  bool any_override = false;
  for (const ParamInfo& p : param_table()) {
    const double value = s.typical_params.*p.field;
    if (value == p.typical_value) continue;
    if (!any_override) out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
    any_override = true;
    out << YAML::Key << std::string(p.name) << YAML::Value << exact(value)
        << YAML::Comment(std::string(p.unit) + "; default " + exact(p.typical_value));
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

Scenario labelled_regimen_scenario() {
  Scenario s;
  s.name = "labelled regimen";
  s.description = "SmPC 4.2: 12 mg/day over 4 h, 5 days, then 3 days 12 months later";
  s.courses = {Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}};
  s.horizon_day = 2192.0;
  s.output_step_day = 1.0;
  s.seed = 1;
  s.patients = 200;
  s.typical_params = typical_params();
  s.variability = default_variability();
  return s;
}

}  // namespace alemsim::gui
