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

// A value rounded to float precision (7 significant digits) and stored as float64: for figures
// whose own accuracy is far coarser (binned percentiles, ±1%; interval bounds), the 29 low mantissa
// bits are then zero, which the shuffle and deflate filters store in next to nothing (a study's
// percentile bands: 7.7 MB to about 3 MB), while readers keep the documented float64.
double to_stored_precision(double v) { return static_cast<double>(static_cast<float>(v)); }

// The rows of a stored Kaplan–Meier curve, one column per event time (docs/output-format.md).
constexpr const char* kCurveRows = "time_day, at_risk, events, not_recovered, std_error, lower_95, upper_95";

// One course and threshold: a [7, E] dataset of the curve at its E event times, with the counts and
// the quartiles of the time to recovery with their 95% intervals as attributes (NaN: not reached).
void write_recovery(H5::Group& course, const RecoveryThreshold& threshold, const RecoveryEstimate& e) {
  const KaplanMeier& km = e.time_to_recovery;
  const std::vector<KaplanMeierStep> steps = km.curve();
  const std::size_t n = steps.size();
  std::vector<double> rows(7 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const KaplanMeierStep& st = steps[i];
    const double column[] = {st.time, static_cast<double>(st.at_risk), static_cast<double>(st.events), st.survival,
                             st.std_error, st.lower_95, st.upper_95};
    for (std::size_t r = 0; r < 7; ++r) rows[r * n + i] = column[r];
  }
  const auto columns = static_cast<hsize_t>(n);
  // Compressed in one chunk; a curve without events is an empty dataset, which cannot be chunked.
  H5::DataSet d = columns > 0 ? hdf5::create(course, threshold.name, H5::PredType::NATIVE_DOUBLE, {7, columns}, {7, columns}, true)
                              : hdf5::create(course, threshold.name, H5::PredType::NATIVE_DOUBLE, {7, 0});
  if (n > 0) d.write(rows.data(), H5::PredType::NATIVE_DOUBLE);
  set_units(d, "rows: day from the course start, patients, patients, fraction of those who fell below (x4)");
  hdf5::set_text(d, hdf5_names::kDescription, threshold.label);
  hdf5::set_text(d, hdf5_names::kRows, kCurveRows);
  hdf5::set_number(d, "patients", static_cast<double>(e.patients));
  hdf5::set_number(d, "never_below", static_cast<double>(e.never_below));
  hdf5::set_number(d, "fell_below", static_cast<double>(km.subjects()));
  hdf5::set_number(d, "recovered", static_cast<double>(km.events()));
  for (const auto& [name, p] : {std::pair{"q25", 0.25}, std::pair{"median", 0.5}, std::pair{"q75", 0.75}}) {
    const SurvivalQuantile q = km.quantile(p);
    hdf5::set_number(d, (std::string(name) + "_day").c_str(), q.estimate);
    hdf5::set_number(d, (std::string(name) + "_lower_95_day").c_str(), q.lower_95);
    hdf5::set_number(d, (std::string(name) + "_upper_95_day").c_str(), q.upper_95);
  }
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
        hdf5::create(metric_group, metric.name, H5::PredType::NATIVE_DOUBLE, {n, courses}, {kPatientChunk, courses}, true));
    set_units(metric_sets_.back(), metric.unit);
    hdf5::set_text(metric_sets_.back(), hdf5_names::kDescription, metric.description);
  }
  H5::Group params = group_.createGroup(hdf5_names::kParameters);
  for (const ParamInfo& p : param_table()) {
    parameters_.push_back(hdf5::create(params, std::string(p.name), H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}, true));
    set_units(parameters_.back(), p.unit);
  }
  for (const auto& [name, unit] : kCovariateColumns) {
    parameters_.push_back(hdf5::create(params, name, H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}, true));
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
      std::transform(row.begin(), row.end(), values.begin() + static_cast<std::ptrdiff_t>(b * times_), to_stored_precision);
    }
    H5::DataSet d = hdf5::create(group, std::string(outputs_[q].column), H5::PredType::NATIVE_DOUBLE, {bands, t}, {bands, t},
                                 true);
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
      values[times_ + i] = to_stored_precision(p.lower_95);
      values[2 * times_ + i] = to_stored_precision(p.upper_95);
    }
    H5::DataSet d = hdf5::create(below, fractions.thresholds()[j].name, H5::PredType::NATIVE_DOUBLE, {3, t}, {3, t}, true);
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
      write_recovery(course, recovery.thresholds()[j], recovery.estimate(k, j));
    }
  }
}

}  // namespace alemsim
