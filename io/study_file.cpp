#include "io/study_file.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <regex>
#include <set>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include "io/setting_path.hpp"
#include "io/yaml_reader.hpp"
#include "sim/population.hpp"

namespace alemsim {
namespace {

using Reader = YamlReader<ScenarioError>;
// A setting with more values than this (a range or a list) is almost certainly a typo.
constexpr std::size_t kMaxSweepValues = 1000;
// Most arms a study may have: each runs the whole population, so 1000 arms of the default 2000
// patients are already two million patient simulations.
constexpr std::size_t kMaxArms = 1000;

// A setting of the file (io/setting_path.hpp); `field` is where it sits, for errors (e.g.
// "sweep.courses[2].start_day").
SettingPath parse_setting(const Reader& r, const YAML::Node& at, const std::string& text, const std::string& field,
                          std::size_t courses) {
  try {
    return SettingPath::parse(text, courses);
  } catch (const std::invalid_argument& e) {
    r.fail(at, field, e.what());
  }
}

void apply(const Reader& r, const YAML::Node& at, const SettingPath& s, double value, StudyArm& arm) {
  try {
    s.apply(value, {arm.courses, arm.typical_params, arm.variability});
  } catch (const std::invalid_argument& e) {
    r.fail(at, s.text(), e.what());
  }
}

// The values of one sweep entry: a list of numbers or {from, to, step}.
std::vector<double> sweep_values(const Reader& r, const YAML::Node& node, const std::string& field) {
  std::vector<double> values;
  if (node.IsSequence()) {
    if (node.size() > kMaxSweepValues) {
      r.fail(node, field, "expected at most " + std::to_string(kMaxSweepValues) + " values, got " + std::to_string(node.size()));
    }
    for (std::size_t i = 0; i < node.size(); ++i) values.push_back(r.number(node[i], field + "[" + std::to_string(i) + "]"));
  } else if (node.IsMap()) {
    r.check_keys(node, field + ".", {"from", "to", "step"});
    const double from = r.number(r.required(node, "from", field + "."), field + ".from");
    const double to = r.number(r.required(node, "to", field + "."), field + ".to");
    const double step = r.number(r.required(node, "step", field + "."), field + ".step");
    if (step <= 0.0) r.fail(node["step"], field + ".step", "expected a number > 0");
    if (to < from) r.fail(node["to"], field + ".to", "expected a number >= from (" + format_number(from) + ")");
    if ((to - from) / step >= static_cast<double>(kMaxSweepValues)) {
      r.fail(node["step"], field + ".step", "expected at most " + std::to_string(kMaxSweepValues) + " values");
    }
    // Values from + k * step, the end included when the steps land on it up to rounding.
    for (std::size_t k = 0; from + static_cast<double>(k) * step <= to + 1e-9 * step; ++k) {
      values.push_back(from + static_cast<double>(k) * step);
    }
  } else {
    r.fail(node, field, "expected a list of values or {from, to, step}");
  }
  if (values.empty()) r.fail(node, field, "empty sweep: expected at least one value");
  return values;
}

// Checks an arm's regimen as a scenario's courses are checked, naming the arm.
void check_arm(const Reader& r, const YAML::Node& at, const std::string& field, const StudyArm& arm) {
  try {
    validate_regimen(arm.courses);
  } catch (const RegimenError& e) {
    r.fail(at, field, "arm '" + arm.name + "': " + e.what());
  }
}

}  // namespace

StudyFile study_from_text(std::string text, const std::string& path) {
  const Reader r(path);
  StudyFile f;
  f.path = path;
  f.text = std::move(text);
  const YAML::Node root = r.parse(f.text);
  if (!root.IsMap()) r.fail(root, "(top level)", "expected a mapping with keys such as base and sweep");
  r.check_keys(root, "", {"name", "description", "base", "patients", "seed", "reference_arm", "outcome_course",
                          "outcome_window_day", "set", "sweep", "arms"});
  f.name = root["name"] ? r.text(root["name"], "name") : path;

  const YAML::Node base = r.required(root, "base", "");
  const std::filesystem::path base_path = std::filesystem::path(path).parent_path() / r.text(base, "base");
  // The error_code overload: a name the system refuses (too long, say) is "no such file", not an
  // exception without file or field (found by the fuzzer).
  std::error_code ec;
  if (!std::filesystem::is_regular_file(base_path, ec)) r.fail(base, "base", "no scenario file " + base_path.string());
  f.base = load_scenario(base_path.string());

  StudyDesign& d = f.design;
  d.output_step_day = f.base.output_step_day;
  d.seed = f.base.seed;
  d.patients = f.base.patients;
  if (const YAML::Node seed = root["seed"]) {
    const std::int64_t value = r.integer(seed, "seed");
    if (value < 0) r.fail(seed, "seed", "expected a whole number >= 0");
    d.seed = static_cast<std::uint64_t>(value);
  }
  if (const YAML::Node patients = root["patients"]) {
    d.patients = r.integer_in(patients, "patients", 1, kMaxPatients);
  }
  const std::size_t courses = f.base.courses.size();
  const YAML::Node outcome = r.required(root, "outcome_course", "");
  const std::int64_t course = r.integer(outcome, "outcome_course");
  if (course < 1 || course > static_cast<std::int64_t>(courses)) {
    r.fail(outcome, "outcome_course", "expected a course of the base scenario, 1 to " + std::to_string(courses));
  }
  d.outcome_course = static_cast<std::size_t>(course - 1);
  if (const YAML::Node window = root["outcome_window_day"]) {
    d.outcome_window_day = r.number(window, "outcome_window_day");
    if (d.outcome_window_day < 60.0 || d.outcome_window_day > kMaxDay) {
      r.fail(window, "outcome_window_day", "expected a number of days from 60 to " + format_number(kMaxDay) + " (100 years)");
    }
  }

  // Settings applied to every arm before its own.
  StudyArm common;
  common.courses = f.base.courses;
  common.typical_params = f.base.typical_params;
  common.variability = f.base.variability;
  if (const YAML::Node set = root["set"]) {
    r.expect_map(set, "set");
    for (const auto& entry : set) {
      const std::string key = entry.first.as<std::string>();
      const SettingPath s = parse_setting(r, entry.first, key, "set." + key, courses);
      apply(r, entry.second, s, r.number(entry.second, s.text()), common);
    }
  }

  const YAML::Node sweep = root["sweep"];
  const YAML::Node arms = root["arms"];
  if (static_cast<bool>(sweep) == static_cast<bool>(arms)) {
    r.fail(root, sweep ? "arms" : "sweep", "expected exactly one of sweep (settings to vary) or arms (a list)");
  }
  if (sweep) {
    r.expect_map(sweep, "sweep");
    if (sweep.size() == 0) r.fail(sweep, "sweep", "empty sweep: expected at least one setting");
    std::vector<SettingPath> settings;
    std::vector<std::vector<double>> values;
    std::vector<YAML::Node> nodes;
    for (const auto& entry : sweep) {
      const std::string key = entry.first.as<std::string>();
      settings.push_back(parse_setting(r, entry.first, key, "sweep." + key, courses));
      values.push_back(sweep_values(r, entry.second, "sweep." + key));
      nodes.push_back(entry.second);
      d.settings.push_back(key);
    }
    double arm_count = 1.0;
    for (const std::vector<double>& v : values) arm_count *= static_cast<double>(v.size());
    if (arm_count > static_cast<double>(kMaxArms)) {
      r.fail(sweep, "sweep", "the settings' values combine into " + format_number(arm_count) + " arms; expected at most " +
                                 std::to_string(kMaxArms));
    }
    // Cartesian product, the first setting varying slowest.
    std::vector<std::size_t> at(settings.size(), 0);
    for (bool more = true; more;) {
      StudyArm arm = common;
      for (std::size_t i = 0; i < settings.size(); ++i) {
        const double v = values[i][at[i]];
        apply(r, nodes[i], settings[i], v, arm);
        arm.name += (arm.name.empty() ? "" : " ") + settings[i].text() + "=" + format_number(v);
        arm.setting_values.push_back(v);
      }
      check_arm(r, nodes.front(), "sweep", arm);
      d.arms.push_back(std::move(arm));
      more = false;
      for (std::size_t i = settings.size(); i-- > 0;) {
        if (++at[i] < values[i].size()) {
          more = true;
          break;
        }
        at[i] = 0;
      }
    }
  } else {
    if (!arms.IsSequence() || arms.size() == 0) r.fail(arms, "arms", "expected a non-empty list of {name, set}");
    if (arms.size() > kMaxArms) {
      r.fail(arms, "arms", "expected at most " + std::to_string(kMaxArms) + " arms, got " + std::to_string(arms.size()));
    }
    for (std::size_t i = 0; i < arms.size(); ++i) {
      const std::string prefix = "arms[" + std::to_string(i) + "]";
      const YAML::Node node = arms[i];
      r.expect_map(node, prefix);
      r.check_keys(node, prefix + ".", {"name", "set"});
      StudyArm arm = common;
      arm.name = r.text(r.required(node, "name", prefix + "."), prefix + ".name");
      if (const YAML::Node set = node["set"]) {
        r.expect_map(set, prefix + ".set");
        for (const auto& entry : set) {
          const std::string key = entry.first.as<std::string>();
          const SettingPath s = parse_setting(r, entry.first, key, prefix + ".set." + key, courses);
          apply(r, entry.second, s, r.number(entry.second, s.text()), arm);
        }
      }
      check_arm(r, node, prefix, arm);
      d.arms.push_back(std::move(arm));
    }
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < d.arms.size(); ++i) {
    if (!names.insert(d.arms[i].name).second) {
      r.fail(sweep ? sweep : arms[i], sweep ? "sweep" : "arms[" + std::to_string(i) + "].name",
             "arm name '" + d.arms[i].name + "' repeats; every arm needs its own name (a value listed twice?)");
    }
  }

  // Each arm's plan (its horizon is its outcome course's start plus the window) and its virtual
  // population (parameters and variability as set) are checked now, not after the arms before it
  // have run.
  for (std::size_t i = 0; i < d.arms.size(); ++i) {
    try {
      (void)arm_plan(d, d.arms[i]);
      const PatientSampler check(d.arms[i].typical_params, d.arms[i].variability);
    } catch (const PlanError& e) {
      r.fail(sweep ? sweep : arms[i], sweep ? "sweep" : "arms[" + std::to_string(i) + "]",
             "arm '" + d.arms[i].name + "': " + e.what());
    } catch (const std::invalid_argument& e) {
      r.fail(sweep ? sweep : arms[i], sweep ? "sweep" : "arms[" + std::to_string(i) + "]",
             "arm '" + d.arms[i].name + "': " + e.what());
    }
  }

  if (const YAML::Node ref = root["reference_arm"]) {
    const std::string name = r.text(ref, "reference_arm");
    bool found = false;
    for (std::size_t i = 0; i < d.arms.size(); ++i) {
      if (d.arms[i].name == name) {
        d.reference_arm = i;
        found = true;
      }
    }
    if (!found) r.fail(ref, "reference_arm", "no arm is named '" + name + "'");
  }
  return f;
}

StudyFile load_study(const std::string& path) { return study_from_text(Reader(path).read_text(), path); }

}  // namespace alemsim
