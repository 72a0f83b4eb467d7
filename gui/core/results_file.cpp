#include "gui/core/results_file.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "gui/core/h5_reader.hpp"
#include "io/hdf5_names.hpp"
#include "models/reference_ranges.hpp"
#include "sim/course_metrics.hpp"
#include "sim/patient.hpp"
#include "sim/threshold_fractions.hpp"

namespace alemsim::gui {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows of /metrics read at a time, so memory stays small for a million patients.
constexpr std::uint64_t kMetricRowsPerRead = 16384;
constexpr std::uint64_t kPercentileRows = std::size(kSummaryPercentiles);

[[noreturn]] void fail(const H5Reader& h5, const std::string& what) {
  throw std::runtime_error(h5.path() + ": " + what + " (not an alemsim results file? layout: docs/output-format.md)");
}

// Names in the engine's order first (so plots and tables read as for a simulation), then the rest
// alphabetically, as a newer alemsim may add names.
template <class KnownNames>
void sort_known_first(std::vector<std::string>& names, const KnownNames& known) {
  const auto rank = [&](const std::string& name) {
    const auto it = std::find(known.begin(), known.end(), name);
    return static_cast<std::size_t>(it - known.begin());
  };
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    return std::pair(rank(a), a) < std::pair(rank(b), b);
  });
}

void stop_if_asked(const H5Reader& h5, const std::stop_token& stop) {
  if (stop.stop_requested()) fail(h5, "reading stopped");
}

// Where the run layout is read from: the root of a run file, or an arm of a study file.
struct Group {
  std::string path;  // "/" or "/arms/002"
  // Path of `name` ("time_day", "summary/cd4_cells_per_ul") in the group.
  std::string at(const std::string& name) const { return (path == "/" ? "" : path) + "/" + name; }
};

std::vector<double> read_time(const H5Reader& h5, const Group& g) {
  const std::string name = g.at(hdf5_names::kTime);
  if (!h5.has(name) && g.path == "/" && h5.has(hdf5_names::kArms)) {
    throw std::runtime_error(h5.path() + ": a study file, with one population per arm: read an arm (/arms/000, ...)");
  }
  if (!h5.has(name)) fail(h5, "no " + name);
  std::vector<double> time = h5.read_vector(name);
  if (time.empty()) fail(h5, name + " is empty");
  for (std::size_t i = 0; i < time.size(); ++i) {
    if (!std::isfinite(time[i]) || (i > 0 && time[i] < time[i - 1])) fail(h5, name + ": expected increasing days");
  }
  return time;
}

QuantityInfo describe_quantity(const H5Reader& h5, const Group& g, const std::string& column) {
  QuantityInfo info{column, column, h5.text_attribute(g.at(hdf5_names::member(hdf5_names::kSummary, column)), hdf5_names::kUnits),
                    std::nullopt};
  for (const OutputQuantity& q : patient_outputs()) {
    if (q.column != column) continue;
    info.label = std::string(q.label);
    info.role = q.role;
    if (info.unit.empty()) info.unit = std::string(q.unit);
  }
  return info;
}

void read_summary(const H5Reader& h5, const Group& g, PopulationSnapshot& s) {
  std::vector<std::string> columns = h5.datasets_in(g.at(hdf5_names::kSummary));
  if (columns.empty()) fail(h5, "no percentile bands in " + g.at(hdf5_names::kSummary));
  std::vector<std::string> engine_columns;
  for (const OutputQuantity& q : patient_outputs()) engine_columns.emplace_back(q.column);
  sort_known_first(columns, engine_columns);
  const std::size_t times = s.grid_day.size();
  for (const std::string& column : columns) {
    const std::string name = g.at(hdf5_names::member(hdf5_names::kSummary, column));
    const auto dims = h5.shape(name, 2);
    if (dims[0] != kPercentileRows || dims[1] != times) {
      fail(h5, name + ": expected 5 percentile rows of " + std::to_string(times) + " times, found " + std::to_string(dims[0]) +
                   " x " + std::to_string(dims[1]));
    }
    const std::vector<double> rows = h5.read_rows(name, 0, kPercentileRows);
    const auto row = [&](std::size_t r) {
      const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(r * times);
      return std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(times));
    };
    s.quantities.push_back(describe_quantity(h5, g, column));
    s.percentiles.push_back({row(0), row(1), row(2), row(3), row(4)});
  }
}

// /fractions_below/<threshold>, [3, T] each, when the file has them (files written before they were
// stored have none). The labels are the engine's for the thresholds it knows.
void read_fractions_below(const H5Reader& h5, const Group& g, PopulationSnapshot& s) {
  const std::string group = g.at(hdf5_names::kFractionsBelow);
  if (!h5.has(group)) return;
  const std::vector<CountThreshold> known = count_thresholds(patient_outputs());
  const std::size_t times = s.grid_day.size();
  std::vector<std::string> thresholds = h5.datasets_in(group);
  std::vector<std::string> known_names;
  for (const CountThreshold& t : known) known_names.push_back(t.name);
  sort_known_first(thresholds, known_names);  // in the engine's order, as a live population has them
  for (const std::string& threshold : thresholds) {
    const std::string name = g.at(hdf5_names::member(hdf5_names::kFractionsBelow, threshold));
    const auto dims = h5.shape(name, 2);
    if (dims[0] != 3 || dims[1] != times) {
      fail(h5, name + ": expected 3 rows of " + std::to_string(times) + " times, found " + std::to_string(dims[0]) + " x " +
                   std::to_string(dims[1]));
    }
    const std::vector<double> rows = h5.read_rows(name, 0, 3);
    const auto row = [&](std::size_t r) {
      const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(r * times);
      return std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(times));
    };
    std::string label = threshold;
    for (const CountThreshold& t : known) label = t.name == threshold ? t.label : label;
    s.fractions_below.push_back({threshold, label, row(0), row(1), row(2)});
  }
}

// The first `count` patients whose series are stored and not NaN (a failed patient's row is NaN).
void read_traces(const H5Reader& h5, const Group& g, int count, PopulationSnapshot& s, const std::stop_token& stop) {
  s.traces.assign(s.quantities.size(), {});
  std::vector<std::string> datasets(s.quantities.size());
  std::uint64_t stored = std::numeric_limits<std::uint64_t>::max();
  for (std::size_t q = 0; q < s.quantities.size(); ++q) {
    const std::string name = g.at(hdf5_names::member(hdf5_names::kSeries, s.quantities[q].column));
    if (!h5.has(name)) continue;
    const auto dims = h5.shape(name, 2);
    if (dims[1] != s.grid_day.size()) fail(h5, name + ": expected " + std::to_string(s.grid_day.size()) + " times per row");
    datasets[q] = name;
    stored = std::min(stored, dims[0]);
  }
  if (stored == std::numeric_limits<std::uint64_t>::max()) return;
  int kept = 0;
  for (std::uint64_t row = 0; row < stored && kept < count; ++row) {
    stop_if_asked(h5, stop);
    std::vector<std::vector<double>> rows(s.quantities.size());
    bool simulated = true;
    for (std::size_t q = 0; q < datasets.size(); ++q) {
      if (datasets[q].empty()) continue;
      rows[q] = h5.read_rows(datasets[q], row, 1);
      simulated = simulated && std::any_of(rows[q].begin(), rows[q].end(), [](double v) { return !std::isnan(v); });
    }
    if (!simulated) continue;
    for (std::size_t q = 0; q < datasets.size(); ++q) {
      if (!datasets[q].empty()) s.traces[q].push_back(std::move(rows[q]));
    }
    ++kept;
  }
}

// Per course: the metric's distribution, and for the total lymphocytes at months 6 and 12 the
// fraction at or above the LLN, as PopulationSummary reports them for a run.
void read_metrics(const H5Reader& h5, const Group& g, PopulationSnapshot& s, const std::stop_token& stop) {
  std::vector<std::string> names = h5.datasets_in(g.at(hdf5_names::kMetrics));
  std::vector<std::string> engine_names;
  for (const CourseMetric& m : course_metrics(patient_outputs())) engine_names.push_back(m.name);
  sort_known_first(names, engine_names);
  const double lymphocyte_lln = output_with_role(QuantityRole::kTotalLymphocytes).lln_cells_per_ul;
  std::uint64_t courses = 0;
  for (const std::string& name : names) courses = std::max(courses, h5.shape(g.at(hdf5_names::member(hdf5_names::kMetrics, name)), 2)[1]);
  if (courses > kMaxCourses) {
    fail(h5, g.at(hdf5_names::kMetrics) + ": " + std::to_string(courses) + " courses; a scenario has at most " +
                 std::to_string(kMaxCourses));
  }
  s.course_metrics.assign(courses, {});
  s.lln_fractions.assign(courses, {});
  for (auto& f : s.lln_fractions) f.fill(kNaN);

  for (const std::string& name : names) {
    const std::string path = g.at(hdf5_names::member(hdf5_names::kMetrics, name));
    const auto dims = h5.shape(path, 2);
    std::vector<StreamingDistribution> by_course(dims[1]);
    std::vector<std::int64_t> at_lln(dims[1], 0);
    for (std::uint64_t first = 0; first < dims[0]; first += kMetricRowsPerRead) {
      stop_if_asked(h5, stop);
      const std::uint64_t rows = std::min(kMetricRowsPerRead, dims[0] - first);
      const std::vector<double> values = h5.read_rows(path, first, rows);
      for (std::uint64_t i = 0; i < values.size(); ++i) {
        by_course[i % dims[1]].add(values[i]);
        if (values[i] >= lymphocyte_lln) ++at_lln[i % dims[1]];
      }
    }
    s.metrics.push_back({name, h5.text_attribute(path, hdf5_names::kUnits), h5.text_attribute(path, hdf5_names::kDescription)});
    for (std::uint64_t k = 0; k < courses; ++k) {
      s.course_metrics[k].push_back(k < dims[1] ? metric_spread(by_course[k]) : MetricSpread{kNaN, kNaN, kNaN, 0, 0});
    }
    for (std::size_t month = 0; month < std::size(kLlnCheckMonths); ++month) {
      if (name != lymphocytes_at_month_metric(kLlnCheckMonths[month])) continue;
      for (std::uint64_t k = 0; k < dims[1]; ++k) {
        const std::int64_t known = by_course[k].count();
        s.lln_fractions[k][month] = known > 0 ? static_cast<double>(at_lln[k]) / static_cast<double>(known) : kNaN;
      }
    }
  }
}

void read_status(const H5Reader& h5, const Group& g, PopulationSnapshot& s) {
  if (!h5.has(g.at(hdf5_names::kStatus))) return;
  const std::vector<double> status = h5.read_vector(g.at(hdf5_names::kStatus));
  s.patients = static_cast<std::int64_t>(status.size());
  s.failed = std::count_if(status.begin(), status.end(), [](double v) { return v != 0.0; });
  if (s.failed > 0) s.first_error = "the solver failed for these patients when the file was written (see " + g.at(hdf5_names::kStatus) + ")";
}

// The group's own scenario (an arm's holds the arm's regimen); the seed is the root's, as every arm
// of a study shares its virtual patients.
void read_scenario(const H5Reader& h5, const Group& g, const PopulationSnapshot& s, ResultsFile& out) {
  const std::string text = h5.text_attribute(g.path, hdf5_names::kScenario);
  if (text.empty()) {
    out.scenario_error = g.path == "/" ? "the file holds no scenario (root attribute 'scenario')"
                                       : "the file holds no scenario for " + g.path +
                                             " (its attribute 'scenario', which older study files lack)";
    return;
  }
  try {
    Scenario scenario = scenario_from_text(text, h5.path() + ":" + g.at(hdf5_names::kScenario));
    const std::string seed = h5.text_attribute("/", hdf5_names::kSeed);
    if (!seed.empty()) scenario.seed = std::stoull(seed);
    if (s.patients > 0) scenario.patients = s.patients;
    out.scenario = std::move(scenario);
  } catch (const std::exception& e) {
    out.scenario_error = e.what();
  }
}

}  // namespace

bool is_results_file_name(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  return extension == ".h5" || extension == ".hdf5";
}

ResultsFile read_results_file(const std::string& path, int trace_count, const std::string& group, std::stop_token stop) {
  const auto start = std::chrono::steady_clock::now();
  if (group.empty() || group.front() != '/' || (group != "/" && group.back() == '/')) {
    throw std::invalid_argument("read_results_file: group '" + group + "': expected an absolute path such as /arms/002");
  }
  const H5Reader h5(path);
  const Group g{group};
  if (!h5.has(group)) fail(h5, "no group " + group);
  ResultsFile out;
  PopulationSnapshot& s = out.population;
  s.grid_day = read_time(h5, g);
  read_summary(h5, g, s);
  read_fractions_below(h5, g, s);
  stop_if_asked(h5, stop);
  read_traces(h5, g, trace_count, s, stop);
  read_metrics(h5, g, s, stop);
  read_status(h5, g, s);
  read_scenario(h5, g, s, out);
  const std::string seed = h5.text_attribute("/", hdf5_names::kSeed);
  const std::string version = h5.text_attribute("/", hdf5_names::kVersion);
  const std::string arm = h5.text_attribute(group, hdf5_names::kName);
  const std::string shown = group == "/" ? path : path + ", " + group + (arm.empty() ? "" : " '" + arm + "'");
  s.source = shown + ": " + (s.patients > 0 ? std::to_string(s.patients) + " virtual patients" : std::string("population")) +
             (seed.empty() ? "" : ", seed " + seed) + (version.empty() ? "" : ", alemsim " + version);
  s.compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace alemsim::gui
