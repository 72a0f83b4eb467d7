#include "io/hdf5_output.hpp"

#include <optional>
#include <stdexcept>

#include "io/hdf5_file.hpp"
#include "io/hdf5_names.hpp"
#include "io/hdf5_run_layout.hpp"

namespace alemsim {

// A run file is the run layout in the root group, with the run's provenance as root attributes.
struct Hdf5Writer::Impl {
  std::string path;
  std::optional<hdf5::AtomicH5File> file;  // removed again unless finish() succeeds
  std::optional<RunLayoutWriter> layout;
};

Hdf5Writer::Hdf5Writer(const std::string& path, const RunInfo& info, std::span<const double> grid_day,
                       std::span<const OutputQuantity> outputs, const std::vector<CourseMetric>& metrics)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.path = path;
  try {
    m.file.emplace(path);
    H5::Group root = m.file->file().openGroup("/");
    hdf5::set_text(root, hdf5_names::kScenario, info.scenario_text);
    hdf5::set_text(root, hdf5_names::kScenarioPath, info.scenario_path);
    hdf5::set_provenance(root, info.seed);
    m.layout.emplace(root, RunLayoutSize{info.patients, info.keep_series, info.courses, info.compress_series}, grid_day, outputs, metrics);
  } catch (const H5::Exception& e) {
    throw std::runtime_error(path + ": cannot create HDF5 file: " + e.getDetailMsg());
  }
}

Hdf5Writer::~Hdf5Writer() = default;

void Hdf5Writer::add(std::span<const PatientOutcome> batch) {
  try {
    impl_->layout->add(batch);
  } catch (const H5::Exception& e) {
    throw std::runtime_error(impl_->path + ": writing HDF5 failed: " + e.getDetailMsg());
  }
}

void Hdf5Writer::finish(const PopulationSummary& summary) {
  try {
    impl_->layout->write_summary(summary);
    impl_->layout.reset();  // its datasets must be closed before the file is
    impl_->file->commit();
  } catch (const H5::Exception& e) {
    throw std::runtime_error(impl_->path + ": writing HDF5 failed: " + e.getDetailMsg());
  }
}

}  // namespace alemsim
