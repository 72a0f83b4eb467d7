#include "io/lesson_file.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include "io/yaml_reader.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
using Reader = YamlReader<ScenarioError>;

constexpr const char* kTimeUnits[] = {"automatic", "days", "weeks", "months", "years"};
constexpr std::size_t kMaxVariants = 12;  // buttons in the lesson panel

bool boolean(const Reader& r, const YAML::Node& node, const std::string& field) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) r.fail(node, field, "expected true or false, got " + Reader::describe(node));
  return value;
}

LessonView read_view(const Reader& r, const YAML::Node& node) {
  r.expect_map(node, "view");
  r.check_keys(node, "view.", {"log_concentration", "time_day", "time_unit", "time_from_course", "plots", "fractions"});
  LessonView v;
  if (node["log_concentration"]) v.log_concentration = boolean(r, node["log_concentration"], "view.log_concentration");
  if (node["fractions"]) v.fractions = boolean(r, node["fractions"], "view.fractions");
  if (const YAML::Node t = node["time_day"]) {
    if (!t.IsSequence() || t.size() != 2) r.fail(t, "view.time_day", "expected [FROM, TO] in days");
    const double from = r.number(t[0], "view.time_day[0]");
    const double to = r.number(t[1], "view.time_day[1]");
    if (!(to > from)) r.fail(t, "view.time_day", "expected FROM < TO");
    v.time_day = std::array{from, to};
  }
  if (const YAML::Node u = node["time_unit"]) {
    const std::string unit = r.text(u, "view.time_unit");
    if (std::find(std::begin(kTimeUnits), std::end(kTimeUnits), unit) == std::end(kTimeUnits)) {
      r.fail(u, "view.time_unit", "expected automatic, days, weeks, months or years, got '" + unit + "'");
    }
    v.time_unit = unit;
  }
  if (const YAML::Node c = node["time_from_course"]) v.time_from_course = static_cast<int>(r.integer_in(c, "view.time_from_course", 0, 100));
  if (const YAML::Node p = node["plots"]) {
    if (!p.IsSequence() || p.size() == 0) r.fail(p, "view.plots", "expected a list of output columns");
    for (std::size_t i = 0; i < p.size(); ++i) v.plots.push_back(r.text(p[i], "view.plots[" + std::to_string(i) + "]"));
  }
  return v;
}

}  // namespace

Lesson load_lesson(const std::string& path) {
  const Reader r(path);
  const YAML::Node root = r.load();
  r.expect_map(root, "");
  r.check_keys(root, "", {"title", "text", "variants", "view"});
  Lesson lesson;
  lesson.path = path;
  lesson.name = fs::path(path).stem().string();
  lesson.title = r.text(r.required(root, "title", ""), "title");
  lesson.text = r.text(r.required(root, "text", ""), "text");
  const YAML::Node variants = r.required(root, "variants", "");
  if (!variants.IsSequence() || variants.size() == 0 || variants.size() > kMaxVariants) {
    r.fail(variants, "variants", "expected a list of 1 to " + std::to_string(kMaxVariants) + " {name, scenario}");
  }
  const fs::path folder = fs::path(path).parent_path();
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const std::string field = "variants[" + std::to_string(i) + "]";
    const YAML::Node v = variants[i];
    r.expect_map(v, field);
    r.check_keys(v, field + ".", {"name", "scenario"});
    LessonVariant variant;
    variant.name = r.text(r.required(v, "name", field + "."), field + ".name");
    const YAML::Node scenario = r.required(v, "scenario", field + ".");
    variant.scenario_path = (folder / r.text(scenario, field + ".scenario")).lexically_normal().string();
    std::error_code error;
    if (!fs::is_regular_file(variant.scenario_path, error)) {
      r.fail(scenario, field + ".scenario", "no scenario file at " + variant.scenario_path);
    }
    lesson.variants.push_back(std::move(variant));
  }
  if (root["view"]) lesson.view = read_view(r, root["view"]);
  return lesson;
}

std::vector<std::string> list_lessons(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".yaml") names.push_back(it->path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace alemsim
