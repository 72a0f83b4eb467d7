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
  bool write_failed = false;  // then the file cannot be closed: AtomicH5File::abandon()
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
    if (!info.settings.empty()) {
      std::string lines;
      for (const std::string& s : info.settings) lines += s + "\n";
      hdf5::set_text(root, hdf5_names::kSettings, lines);
    }
    hdf5::set_provenance(root, info.seed);
    m.layout.emplace(root, RunLayoutSize{info.patients, info.keep_series, info.courses, info.compress_series}, grid_day, outputs, metrics);
  } catch (const H5::Exception& e) {
    if (m.file) m.file->abandon();  // a file that failed to write cannot be closed
    (void)impl_.release();          // nor its datasets (AtomicH5File::abandon())
    throw std::runtime_error(path + ": cannot create HDF5 file: " + e.getDetailMsg());
  }
}

Hdf5Writer::~Hdf5Writer() {
  if (impl_ && impl_->write_failed) {
    impl_->file->abandon();
    (void)impl_.release();  // its datasets cannot be closed either (AtomicH5File::abandon())
  }
}

void Hdf5Writer::add(std::span<const PatientOutcome> batch) {
  try {
    impl_->layout->add(batch);
  } catch (const H5::Exception&) {
    impl_->write_failed = true;
    throw std::runtime_error(impl_->path + ": writing the output file failed (disk full?)");
  }
}

void Hdf5Writer::finish(const PopulationSummary& summary) {
  try {
    impl_->layout->write_summary(summary);
    impl_->file->file().flush(H5F_SCOPE_GLOBAL);  // a full disk fails here, where it can be reported
    impl_->layout.reset();  // its datasets must be closed before the file is
  } catch (const H5::Exception&) {
    impl_->write_failed = true;
    throw std::runtime_error(impl_->path + ": writing the output file failed (disk full?)");
  }
  impl_->file->commit();
}

bool results_file_abandoned() { return hdf5::any_file_abandoned(); }

}  // namespace alemsim
