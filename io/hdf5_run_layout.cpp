#include "io/hdf5_run_layout.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "io/hdf5_file.hpp"
#include "io/hdf5_names.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows of series/ written per HDF5 chunk: one patient's series is one row.
constexpr hsize_t kSeriesChunkRows = 16;
constexpr hsize_t kPatientChunk = 4096;

// Patient covariates stored beside the sampled parameters, with their units.
constexpr std::pair<const char*, const char*> kCovariateColumns[] = {
    {"weight_kg", "kg"}, {"female", "1 = female, 0 = male"}, {"age_years", "year"}};
constexpr double Covariates::*kCovariateMembers[] = {&Covariates::weight_kg, &Covariates::female,
                                                     &Covariates::age_years};

void set_units(H5::DataSet& d, std::string_view units) { hdf5::set_text(d, hdf5_names::kUnits, std::string(units)); }

// A 1-D dataset of the curve's steps, one value per event time.
template <class Value>
void write_column(H5::Group& group, const char* name, const std::vector<KaplanMeierStep>& steps, Value KaplanMeierStep::*field,
                  const char* units) {
  std::vector<double> values;
  for (const KaplanMeierStep& s : steps) values.push_back(static_cast<double>(s.*field));
  H5::DataSet d = hdf5::create(group, name, H5::PredType::NATIVE_DOUBLE, {static_cast<hsize_t>(values.size())});
  if (!values.empty()) d.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  set_units(d, units);
}

// One course and threshold: the curve at every event time, and as attributes the counts and the
// quartiles of the time to recovery with their 95% intervals (NaN: not reached in the window).
void write_recovery(H5::Group& group, const RecoveryThreshold& threshold, const RecoveryEstimate& e) {
  const KaplanMeier& km = e.time_to_recovery;
  hdf5::set_text(group, hdf5_names::kDescription, threshold.label);
  hdf5::set_number(group, "patients", static_cast<double>(e.patients));
  hdf5::set_number(group, "never_below", static_cast<double>(e.never_below));
  hdf5::set_number(group, "fell_below", static_cast<double>(km.subjects()));
  hdf5::set_number(group, "recovered", static_cast<double>(km.events()));
  for (const auto& [name, p] : {std::pair{"q25", 0.25}, std::pair{"median", 0.5}, std::pair{"q75", 0.75}}) {
    const SurvivalQuantile q = km.quantile(p);
    hdf5::set_number(group, (std::string(name) + "_day").c_str(), q.estimate);
    hdf5::set_number(group, (std::string(name) + "_lower_95_day").c_str(), q.lower_95);
    hdf5::set_number(group, (std::string(name) + "_upper_95_day").c_str(), q.upper_95);
  }
  const std::vector<KaplanMeierStep> steps = km.curve();
  write_column(group, "time_day", steps, &KaplanMeierStep::time, "day from the course start");
  write_column(group, "at_risk", steps, &KaplanMeierStep::at_risk, "patients");
  write_column(group, "events", steps, &KaplanMeierStep::events, "patients");
  write_column(group, "not_recovered", steps, &KaplanMeierStep::survival, "fraction of those who fell below");
  write_column(group, "std_error", steps, &KaplanMeierStep::std_error, "fraction (Greenwood)");
  write_column(group, "lower_95", steps, &KaplanMeierStep::lower_95, "fraction");
  write_column(group, "upper_95", steps, &KaplanMeierStep::upper_95, "fraction");
}

}  // namespace

RunLayoutWriter::RunLayoutWriter(H5::Group group, const RunLayoutSize& size, std::span<const double> grid_day,
                                 std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics)
    : group_(std::move(group)),
      size_(size),
      times_(grid_day.size()),
      outputs_(outputs.begin(), outputs.end()),
      metrics_(metrics) {
  const auto n = static_cast<hsize_t>(size.patients);
  const auto k = static_cast<hsize_t>(size.keep_series);
  const auto t = static_cast<hsize_t>(times_);
  const auto courses = static_cast<hsize_t>(size.courses);

  H5::DataSet time = hdf5::create(group_, hdf5_names::kTime, H5::PredType::NATIVE_DOUBLE, {t});
  time.write(grid_day.data(), H5::PredType::NATIVE_DOUBLE);
  set_units(time, "day");

  H5::Group series = group_.createGroup(hdf5_names::kSeries);
  group_.createGroup(hdf5_names::kSummary);  // filled by write_summary()
  for (const OutputQuantity& q : outputs) {
    if (k > 0) {
      series_.push_back(hdf5::create(series, std::string(q.column), H5::PredType::NATIVE_FLOAT, {k, t}, {kSeriesChunkRows, t},
                                      size.compress_series));
      set_units(series_.back(), q.unit);
    }
  }
  H5::Group metric_group = group_.createGroup(hdf5_names::kMetrics);
  for (const CourseMetric& metric : metrics) {
    metric_sets_.push_back(
        hdf5::create(metric_group, metric.name, H5::PredType::NATIVE_DOUBLE, {n, courses}, {kPatientChunk, courses}));
    set_units(metric_sets_.back(), metric.unit);
    hdf5::set_text(metric_sets_.back(), hdf5_names::kDescription, metric.description);
  }
  H5::Group params = group_.createGroup(hdf5_names::kParameters);
  for (const ParamInfo& p : param_table()) {
    parameters_.push_back(hdf5::create(params, std::string(p.name), H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}));
    set_units(parameters_.back(), p.unit);
  }
  for (const auto& [name, unit] : kCovariateColumns) {
    parameters_.push_back(hdf5::create(params, name, H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}));
    set_units(parameters_.back(), unit);
  }
  status_ = hdf5::create(group_, hdf5_names::kStatus, H5::PredType::NATIVE_INT8, {n}, {kPatientChunk});
  set_units(status_, "0 = simulated, 1 = failed (invalid sampled parameters or solver failure)");
}

void RunLayoutWriter::add(std::span<const PatientOutcome> batch) {
  if (batch.empty()) return;
  const auto first = static_cast<hsize_t>(batch.front().index);
  const auto rows = static_cast<hsize_t>(batch.size());
  const std::size_t courses = size_.courses;

  // Series of the first K patients, float32.
  const auto keep = static_cast<hsize_t>(size_.keep_series);
  if (first < keep) {
    const hsize_t kept = std::min(rows, keep - first);
    std::vector<float> block(kept * times_);
    for (std::size_t q = 0; q < series_.size(); ++q) {
      for (hsize_t r = 0; r < kept; ++r) {
        const PatientOutcome& p = batch[r];
        for (std::size_t t = 0; t < times_; ++t) {
          block[r * times_ + t] = p.ok ? static_cast<float>(p.result.series[q][t]) : std::numeric_limits<float>::quiet_NaN();
        }
      }
      hdf5::write_rows(series_[q], first, kept, times_, block.data(), H5::PredType::NATIVE_FLOAT);
    }
  }
  std::vector<double> values(rows * courses);
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    std::fill(values.begin(), values.end(), kNaN);
    for (hsize_t r = 0; r < rows; ++r) {
      if (!batch[r].ok) continue;
      for (const CourseSummary& c : batch[r].result.courses) {
        values[r * courses + static_cast<std::size_t>(c.course_index)] = metrics_[i].value(c);
      }
    }
    hdf5::write_rows(metric_sets_[i], first, rows, courses, values.data(), H5::PredType::NATIVE_DOUBLE);
  }
  const auto table = param_table();
  std::vector<double> column(rows);
  for (std::size_t i = 0; i < table.size(); ++i) {
    for (hsize_t r = 0; r < rows; ++r) column[r] = batch[r].patient.params.*table[i].field;
    hdf5::write_range(parameters_[i], first, rows, column.data(), H5::PredType::NATIVE_DOUBLE);
  }
  for (std::size_t i = 0; i < std::size(kCovariateMembers); ++i) {
    for (hsize_t r = 0; r < rows; ++r) column[r] = batch[r].patient.covariates.*kCovariateMembers[i];
    hdf5::write_range(parameters_[table.size() + i], first, rows, column.data(), H5::PredType::NATIVE_DOUBLE);
  }
  std::vector<std::int8_t> status(rows);
  for (hsize_t r = 0; r < rows; ++r) status[r] = batch[r].ok ? 0 : 1;
  hdf5::write_range(status_, first, rows, status.data(), H5::PredType::NATIVE_INT8);
}

void RunLayoutWriter::write_summary(const PopulationSummary& summary) {
  H5::Group group = group_.openGroup(hdf5_names::kSummary);
  const auto t = static_cast<hsize_t>(times_);
  const auto bands = static_cast<hsize_t>(std::size(kSummaryPercentiles));
  std::vector<double> values(bands * times_);
  for (std::size_t q = 0; q < outputs_.size(); ++q) {
    for (std::size_t b = 0; b < bands; ++b) {
      const auto row = summary.series().percentile(q, kSummaryPercentiles[b]);
      std::copy(row.begin(), row.end(), values.begin() + static_cast<std::ptrdiff_t>(b * times_));
    }
    H5::DataSet d = hdf5::create(group, std::string(outputs_[q].column), H5::PredType::NATIVE_DOUBLE, {bands, t});
    d.write(values.data(), H5::PredType::NATIVE_DOUBLE);
    set_units(d, outputs_[q].unit);
    hdf5::set_text(d, hdf5_names::kPercentiles, "5, 25, 50, 75, 95 (rows); binned to within +-1%, see docs/output-format.md");
  }
  const ThresholdFractions& fractions = summary.fractions_below();
  H5::Group below = group_.createGroup(hdf5_names::kFractionsBelow);
  for (std::size_t j = 0; j < fractions.thresholds().size(); ++j) {
    for (std::size_t i = 0; i < times_; ++i) {
      const Proportion p = fractions.below(j, i);
      values[i] = p.estimate;
      values[times_ + i] = p.lower_95;
      values[2 * times_ + i] = p.upper_95;
    }
    H5::DataSet d = hdf5::create(below, fractions.thresholds()[j].name, H5::PredType::NATIVE_DOUBLE, {3, t});
    d.write(values.data(), H5::PredType::NATIVE_DOUBLE);
    set_units(d, "fraction of the simulated patients");
    hdf5::set_text(d, hdf5_names::kDescription,
                   fractions.thresholds()[j].label + "; rows: fraction, Wilson 95% interval lower, upper");
  }
  const RecoveryAnalysis& recovery = summary.recovery();
  group_.createGroup(hdf5_names::kSurvival);
  for (std::size_t k = 0; k < recovery.courses(); ++k) {
    H5::Group course = group_.createGroup(hdf5_names::survival_course_group(k));
    for (std::size_t j = 0; j < recovery.thresholds().size(); ++j) {
      H5::Group g = course.createGroup(recovery.thresholds()[j].name);
      write_recovery(g, recovery.thresholds()[j], recovery.estimate(k, j));
    }
  }
}

}  // namespace alemsim
