#include "sim/io/hdf5_output.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include <H5Cpp.h>
#include <unistd.h>

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows of /series written per HDF5 chunk: one patient's series is one row.
constexpr hsize_t kSeriesChunkRows = 16;
constexpr hsize_t kPatientChunk = 4096;

void set_text(H5::H5Object& object, const char* name, const std::string& value) {
  const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
}

void set_units(H5::DataSet& d, std::string_view units) { set_text(d, "units", std::string(units)); }

// A 2-D dataset [rows, columns] written a block of rows at a time.
void write_rows(H5::DataSet& d, hsize_t first_row, hsize_t rows, hsize_t columns, const void* data,
                const H5::PredType& memory_type) {
  H5::DataSpace file_space = d.getSpace();
  const hsize_t start[2] = {first_row, 0};
  const hsize_t count[2] = {rows, columns};
  file_space.selectHyperslab(H5S_SELECT_SET, count, start);
  const H5::DataSpace memory_space(2, count);
  d.write(data, memory_type, memory_space, file_space);
}

H5::DataSet create(H5::Group& group, const std::string& name, const H5::PredType& type, std::vector<hsize_t> dims,
                   std::vector<hsize_t> chunk) {
  H5::DSetCreatPropList props;
  if (!chunk.empty()) {
    for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = std::max<hsize_t>(1, std::min(chunk[i], dims[i]));
    props.setChunk(static_cast<int>(chunk.size()), chunk.data());
  }
  const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
  return group.createDataSet(name, type, space, props);
}

}  // namespace

struct Hdf5Writer::Impl {
  std::string path;
  std::string temp_path;
  RunInfo info;
  std::size_t times = 0;
  std::vector<OutputQuantity> outputs;
  std::vector<CourseMetric> metrics;
  std::unique_ptr<H5::H5File> file;  // created in the constructor's try block
  std::vector<H5::DataSet> series;     // [quantity], float32 [K, T]
  std::vector<H5::DataSet> metric_sets;  // [metric], float64 [N, courses]
  std::vector<H5::DataSet> parameters;   // [param_table() then covariates], float64 [N]
  H5::DataSet status;                    // int8 [N]
  bool finished = false;
};

Hdf5Writer::Hdf5Writer(const std::string& path, const RunInfo& info, std::span<const double> grid_day,
                       std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.path = path;
  m.temp_path = path + ".tmp-" + std::to_string(::getpid());
  m.info = info;
  m.times = grid_day.size();
  m.outputs.assign(outputs.begin(), outputs.end());
  m.metrics = metrics;
  H5::Exception::dontPrint();
  try {
    m.file = std::make_unique<H5::H5File>(m.temp_path, H5F_ACC_TRUNC);
    H5::Group root = m.file->openGroup("/");
    set_text(root, "scenario", info.scenario_text);
    set_text(root, "scenario_path", info.scenario_path);
    set_text(root, "seed", std::to_string(info.seed));
    set_text(root, "alemsim_version", alemsim_version());
    set_text(root, "git_commit", alemsim_git_commit());
    set_text(root, "layout", "docs/output-format.md");

    const auto n = static_cast<hsize_t>(info.patients);
    const auto k = static_cast<hsize_t>(info.keep_series);
    const auto t = static_cast<hsize_t>(m.times);
    const auto courses = static_cast<hsize_t>(info.courses);

    H5::DataSet time = create(root, "time_day", H5::PredType::NATIVE_DOUBLE, {t}, {});
    time.write(grid_day.data(), H5::PredType::NATIVE_DOUBLE);
    set_units(time, "day");

    H5::Group series = m.file->createGroup("series");
    H5::Group summary = m.file->createGroup("summary");
    for (const OutputQuantity& q : outputs) {
      if (k > 0) {
        m.series.push_back(create(series, std::string(q.column), H5::PredType::NATIVE_FLOAT, {k, t}, {kSeriesChunkRows, t}));
        set_units(m.series.back(), q.unit);
      }
    }
    H5::Group metric_group = m.file->createGroup("metrics");
    for (const CourseMetric& metric : metrics) {
      m.metric_sets.push_back(create(metric_group, metric.name, H5::PredType::NATIVE_DOUBLE, {n, courses}, {kPatientChunk, courses}));
      set_units(m.metric_sets.back(), metric.unit);
      set_text(m.metric_sets.back(), "description", metric.description);
    }
    H5::Group params = m.file->createGroup("parameters");
    for (const ParamInfo& p : param_table()) {
      m.parameters.push_back(create(params, std::string(p.name), H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}));
      set_units(m.parameters.back(), p.unit);
    }
    for (const auto& [name, unit] : {std::pair{"weight_kg", "kg"}, std::pair{"female", "1 = female, 0 = male"},
                                     std::pair{"age_years", "year"}}) {
      m.parameters.push_back(create(params, name, H5::PredType::NATIVE_DOUBLE, {n}, {kPatientChunk}));
      set_units(m.parameters.back(), unit);
    }
    m.status = create(root, "status", H5::PredType::NATIVE_INT8, {n}, {kPatientChunk});
    set_units(m.status, "0 = simulated, 1 = failed (invalid sampled parameters or solver failure)");
    (void)summary;
  } catch (const H5::Exception& e) {
    std::remove(m.temp_path.c_str());
    throw std::runtime_error(path + ": cannot create HDF5 file: " + e.getDetailMsg());
  }
}

Hdf5Writer::~Hdf5Writer() {
  if (!impl_->finished) {
    try {
      if (impl_->file) impl_->file->close();
    } catch (const H5::Exception&) {
      // Closing a file that failed to write: removing it below is all that is left to do.
    }
    std::remove(impl_->temp_path.c_str());
  }
}

void Hdf5Writer::add(std::span<const PatientOutcome> batch) {
  if (batch.empty()) return;
  Impl& m = *impl_;
  const auto first = static_cast<hsize_t>(batch.front().index);
  const auto rows = static_cast<hsize_t>(batch.size());
  const auto courses = m.info.courses;
  try {
    // Series of the first K patients, float32.
    const auto keep = static_cast<hsize_t>(m.info.keep_series);
    if (first < keep) {
      const hsize_t kept = std::min(rows, keep - first);
      std::vector<float> block(kept * m.times);
      for (std::size_t q = 0; q < m.series.size(); ++q) {
        for (hsize_t r = 0; r < kept; ++r) {
          const PatientOutcome& p = batch[r];
          for (std::size_t t = 0; t < m.times; ++t) {
            block[r * m.times + t] = p.ok ? static_cast<float>(p.result.series[q][t]) : std::numeric_limits<float>::quiet_NaN();
          }
        }
        write_rows(m.series[q], first, kept, m.times, block.data(), H5::PredType::NATIVE_FLOAT);
      }
    }
    std::vector<double> values(rows * courses);
    for (std::size_t i = 0; i < m.metrics.size(); ++i) {
      std::fill(values.begin(), values.end(), kNaN);
      for (hsize_t r = 0; r < rows; ++r) {
        if (!batch[r].ok) continue;
        for (const CourseSummary& c : batch[r].result.courses) {
          values[r * courses + static_cast<std::size_t>(c.course_index)] = m.metrics[i].value(c);
        }
      }
      write_rows(m.metric_sets[i], first, rows, courses, values.data(), H5::PredType::NATIVE_DOUBLE);
    }
    const auto table = param_table();
    std::vector<double> column(rows);
    const auto write_column = [&](H5::DataSet& d) {
      H5::DataSpace file_space = d.getSpace();
      file_space.selectHyperslab(H5S_SELECT_SET, &rows, &first);
      d.write(column.data(), H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &rows), file_space);
    };
    for (std::size_t i = 0; i < table.size(); ++i) {
      for (hsize_t r = 0; r < rows; ++r) column[r] = batch[r].patient.params.*table[i].field;
      write_column(m.parameters[i]);
    }
    const double Covariates::*covariate_fields[] = {&Covariates::weight_kg, &Covariates::female, &Covariates::age_years};
    for (std::size_t i = 0; i < std::size(covariate_fields); ++i) {
      for (hsize_t r = 0; r < rows; ++r) column[r] = batch[r].patient.covariates.*covariate_fields[i];
      write_column(m.parameters[table.size() + i]);
    }
    std::vector<std::int8_t> status(rows);
    for (hsize_t r = 0; r < rows; ++r) status[r] = batch[r].ok ? 0 : 1;
    H5::DataSpace file_space = m.status.getSpace();
    file_space.selectHyperslab(H5S_SELECT_SET, &rows, &first);
    m.status.write(status.data(), H5::PredType::NATIVE_INT8, H5::DataSpace(1, &rows), file_space);
  } catch (const H5::Exception& e) {
    throw std::runtime_error(m.path + ": writing HDF5 failed: " + e.getDetailMsg());
  }
}

void Hdf5Writer::finish(const PopulationSummary& summary) {
  Impl& m = *impl_;
  try {
    H5::Group group = m.file->openGroup("summary");
    const auto t = static_cast<hsize_t>(m.times);
    const auto bands = static_cast<hsize_t>(std::size(kSummaryPercentiles));
    std::vector<double> values(bands * m.times);
    for (std::size_t q = 0; q < m.outputs.size(); ++q) {
      for (std::size_t b = 0; b < bands; ++b) {
        const auto row = summary.series().percentile(q, kSummaryPercentiles[b]);
        std::copy(row.begin(), row.end(), values.begin() + static_cast<std::ptrdiff_t>(b * m.times));
      }
      H5::DataSet d = create(group, std::string(m.outputs[q].column), H5::PredType::NATIVE_DOUBLE, {bands, t}, {});
      d.write(values.data(), H5::PredType::NATIVE_DOUBLE);
      set_units(d, m.outputs[q].unit);
      set_text(d, "percentiles", "5, 25, 50, 75, 95 (rows); binned to within +-1%, see docs/output-format.md");
    }
    m.file->close();
  } catch (const H5::Exception& e) {
    throw std::runtime_error(m.path + ": writing HDF5 failed: " + e.getDetailMsg());
  }
  if (std::rename(m.temp_path.c_str(), m.path.c_str()) != 0) {
    throw std::runtime_error(m.path + ": cannot move the finished output into place");
  }
  m.finished = true;
}

}  // namespace alemsim
