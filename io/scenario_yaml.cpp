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

std::string scenario_with_regimen(const std::string& scenario_text, const std::string& origin,
                                  const std::vector<Course>& courses, double horizon_day) {
  const YamlReader<ScenarioError> r(origin);
  YAML::Node root = r.parse(scenario_text);
  r.expect_map(root, "(top level)");
  // Assigning to existing keys keeps their place, so the text reads in the order it was written.
  root["courses"] = courses_yaml(courses);
  root["horizon_day"] = exact_number(horizon_day);
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace alemsim
