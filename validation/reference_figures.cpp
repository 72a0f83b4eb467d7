#include "validation/reference_figures.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <system_error>

#include "io/yaml_reader.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "validation/label_figures.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {
namespace {

using Reader = YamlReader<ReferenceFileError>;

constexpr std::string_view kKnownDeviationStatus = "known-deviation";

bool is_id(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool is_cell_count(std::string_view column) {
  for (const OutputQuantity& q : patient_outputs()) {
    if (q.column == column) return q.is_cell_count();
  }
  return false;
}

bool has_lln(std::string_view column) {
  for (const OutputQuantity& q : patient_outputs()) {
    if (q.column == column) return q.has_lln();
  }
  return false;
}

void read_reference(const Reader& r, const YAML::Node& node, const std::string& field, ReferenceFigure& f) {
  if (node.IsScalar()) {
    f.min = f.max = r.number(node, field);
    return;
  }
  if (!node.IsMap()) r.fail(node, field, "expected a number or a mapping with min and/or max");
  r.check_keys(node, field + ".", {"min", "max"});
  if (!node["min"] && !node["max"]) r.fail(node, field, "expected min, max or both");
  if (node["min"]) f.min = r.number(node["min"], field + ".min");
  if (node["max"]) f.max = r.number(node["max"], field + ".max");
  if (f.min > f.max) r.fail(node, field, "expected min <= max");
}

void read_tolerance(const Reader& r, const YAML::Node& node, const std::string& field, ReferenceFigure& f) {
  r.expect_map(node, field);
  r.check_keys(node, field + ".", {"relative", "absolute", "why"});
  for (const auto& [key, target] :
       {std::pair{"relative", &f.tolerance_relative}, std::pair{"absolute", &f.tolerance_absolute}}) {
    if (!node[key]) continue;
    *target = r.number(node[key], field + "." + key);
    if (*target < 0.0) r.fail(node[key], field + "." + key, "expected a number >= 0");
  }
  f.tolerance_why = r.text(r.required(node, "why", field + "."), field + ".why");
}

// Checks that the entry carries exactly the arguments its metric takes, and that they make sense.
void read_arguments(const Reader& r, const YAML::Node& node, const std::string& prefix, bool check_files,
                    ReferenceFigure& f) {
  const MetricInfo& m = *f.metric;
  const auto argument = [&](const char* key, bool needed) -> YAML::Node {
    if (needed) return r.required(node, key, prefix);
    if (node[key]) r.fail(node[key], prefix + key, "metric " + std::string(m.name) + " takes no " + key);
    return node[key];  // undefined: tests false
  };
  const auto label_courses = static_cast<std::int64_t>(label_regimen().size());
  if (const YAML::Node course = argument("course", m.needs_course)) {
    const std::int64_t c = r.integer(course, prefix + "course");
    if (c < 1 || c > label_courses) {
      r.fail(course, prefix + "course",
             "expected a course of the labelled regimen, 1 to " + std::to_string(label_courses));
    }
    f.course = static_cast<int>(c);
  }
  if (const YAML::Node months = argument("months_after", m.needs_months_after)) {
    f.months_after = r.number(months, prefix + "months_after");
    const double day = figure_day(f);
    if (f.months_after <= 0.0 || day > kLabelHorizonDay + 1e-9) {
      r.fail(months, prefix + "months_after",
             "expected a number > 0 that stays within the " + format_number(kLabelHorizonDay) + "-day validation run");
    }
  }
  if (const YAML::Node subset = argument("subset", m.needs_subset)) {
    f.subset = r.text(subset, prefix + "subset");
    if (!is_cell_count(f.subset))
      r.fail(subset, prefix + "subset", "expected a cell-count output such as cd4_cells_per_ul");
    if (m.metric == Metric::kPopulationPercentAtLln && !has_lln(f.subset)) {
      r.fail(subset, prefix + "subset", "no lower limit of normal is defined for " + f.subset);
    }
  }
  if (const YAML::Node scenario = argument("scenario", m.needs_scenario)) {
    const std::filesystem::path folder = std::filesystem::path(r.path()).parent_path();
    f.scenario_path = (folder / r.text(scenario, prefix + "scenario")).lexically_normal().string();
    std::error_code ec;  // a name the system refuses (too long, say) is "no such file" too
    if (check_files && !std::filesystem::is_regular_file(f.scenario_path, ec)) {
      r.fail(scenario, prefix + "scenario", "no such file: " + f.scenario_path);
    }
  }
}

ReferenceFigure read_figure(const Reader& r, const YAML::Node& node, std::size_t index, bool check_files) {
  const std::string prefix = "figures[" + std::to_string(index) + "].";
  r.expect_map(node, prefix.substr(0, prefix.size() - 1));
  r.check_keys(node, prefix,
               {"id", "quantity", "role", "metric", "course", "months_after", "subset", "scenario", "reference", "unit",
                "source", "statement", "tolerance", "status", "note"});
  ReferenceFigure f;
  f.id = r.text(r.required(node, "id", prefix), prefix + "id");
  if (!is_id(f.id))
    r.fail(node["id"], prefix + "id", "expected lower-case letters, digits and '-', got '" + f.id + "'");
  f.quantity = r.text(r.required(node, "quantity", prefix), prefix + "quantity");

  const YAML::Node metric = r.required(node, "metric", prefix);
  f.metric = find_metric(r.text(metric, prefix + "metric"));
  if (f.metric == nullptr) {
    std::string list;
    for (const MetricInfo& m : metric_table()) list += (list.empty() ? "" : ", ") + std::string(m.name);
    r.fail(metric, prefix + "metric", "unknown metric; expected one of: " + list);
  }
  read_arguments(r, node, prefix, check_files, f);
  read_reference(r, r.required(node, "reference", prefix), prefix + "reference", f);

  const YAML::Node unit = r.required(node, "unit", prefix);
  f.unit = r.text(unit, prefix + "unit");
  if (f.unit != f.metric->unit) {
    r.fail(
        unit, prefix + "unit",
        "metric " + std::string(f.metric->name) + " is in '" + std::string(f.metric->unit) + "', got '" + f.unit + "'");
  }
  f.source = r.text(r.required(node, "source", prefix), prefix + "source");
  f.statement = r.text(r.required(node, "statement", prefix), prefix + "statement");
  read_tolerance(r, r.required(node, "tolerance", prefix), prefix + "tolerance", f);

  if (const YAML::Node status = node["status"]) {
    const std::string s = r.text(status, prefix + "status");
    if (s == kKnownDeviationStatus) {
      // Only population figures can be declared known deviations (with a note saying why); a
      // typical-patient figure that fails must fail.
      if (!f.metric->population) r.fail(status, prefix + "status", "only population figures can be " + s);
      f.status = FigureStatus::kKnownDeviation;
    } else if (s != "active") {
      r.fail(status, prefix + "status", "expected active or " + std::string(kKnownDeviationStatus) + ", got '" + s + "'");
    }
  }
  if (const YAML::Node role = node["role"]) {
    const std::string s = r.text(role, prefix + "role");
    if (s == "calibration") {
      f.role = FigureRole::kCalibration;
    } else if (s == "prediction") {
      f.role = FigureRole::kPrediction;
      // A prediction is judged by nothing but its number: it needs no excuse, and has none.
      if (f.status == FigureStatus::kKnownDeviation) {
        r.fail(node["status"], prefix + "status", "a prediction cannot be a known deviation: a miss is shown as one");
      }
    } else if (s != "check") {
      r.fail(role, prefix + "role", "expected calibration, check or prediction, got '" + s + "'");
    }
  }
  if (node["note"]) f.note = r.text(node["note"], prefix + "note");
  return f;
}

}  // namespace

double ReferenceFigure::tolerance_at(double bound) const {
  return std::max(tolerance_absolute, tolerance_relative * std::abs(bound));
}
double ReferenceFigure::accepted_min() const { return min - (std::isfinite(min) ? tolerance_at(min) : 0.0); }
double ReferenceFigure::accepted_max() const { return max + (std::isfinite(max) ? tolerance_at(max) : 0.0); }

ReferenceSet load_reference_figures(const std::string& path) {
  const Reader r(path);
  return reference_figures_from_text(r.read_text(), path, true);
}

const ReferenceFigure& find_figure(const ReferenceSet& set, std::string_view id) {
  for (const ReferenceFigure& f : set.figures) {
    if (f.id == id) return f;
  }
  throw std::invalid_argument(set.path + ": no figure with id '" + std::string(id) + "'");
}

ReferenceSet reference_figures_from_text(const std::string& text, const std::string& origin, bool check_scenario_files) {
  const Reader r(origin);
  const YAML::Node root = r.parse(text);
  if (!root.IsMap()) r.fail(root, "(top level)", "expected a mapping with keys population and figures");
  r.check_keys(root, "", {"population", "figures"});

  ReferenceSet set;
  set.path = origin;
  const YAML::Node population = r.required(root, "population", "");
  r.expect_map(population, "population");
  r.check_keys(population, "population.", {"seed", "patients"});
  const std::int64_t seed = r.integer(r.required(population, "seed", "population."), "population.seed");
  if (seed < 0) r.fail(population["seed"], "population.seed", "expected a whole number >= 0");
  set.seed = static_cast<std::uint64_t>(seed);
  set.patients = r.integer_in(r.required(population, "patients", "population."), "population.patients", 1, kMaxPatients);

  const YAML::Node figures = r.required(root, "figures", "");
  if (!figures.IsSequence() || figures.size() == 0) r.fail(figures, "figures", "expected a non-empty list of figures");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    ReferenceFigure f = read_figure(r, figures[i], i, check_scenario_files);
    if (!ids.insert(f.id).second)
      r.fail(figures[i]["id"], "figures[" + std::to_string(i) + "].id", "duplicate id '" + f.id + "'");
    set.figures.push_back(std::move(f));
  }
  return set;
}

}  // namespace alemsim
