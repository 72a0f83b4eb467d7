#include "io/study_hdf5.hpp"

#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "io/hdf5_file.hpp"
#include "io/hdf5_names.hpp"
#include "io/hdf5_output.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/scenario_yaml.hpp"

namespace alemsim {
namespace {

// Percentiles kSummaryPercentiles as float64 [5], with the exact mean and count as attributes.
template <class Distribution>
void write_distribution(H5::Group& group, const StudyOutcome& outcome, const Distribution& d) {
  std::vector<double> values;
  for (double p : kSummaryPercentiles) values.push_back(d.percentile(p));
  H5::DataSet set = hdf5::create(group, outcome.name, H5::PredType::NATIVE_DOUBLE, {values.size()});
  set.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  hdf5::set_text(set, hdf5_names::kUnits, outcome.unit);
  hdf5::set_text(set, hdf5_names::kDescription, outcome.description);
  hdf5::set_number(set, hdf5_names::kMean, d.mean());
  hdf5::set_number(set, hdf5_names::kCount, static_cast<double>(d.count()));
}

}  // namespace

struct StudyHdf5Writer::Impl {
  std::string path;
  StudyDesign design;
  std::string base_scenario_text;  // the base scenario as read, which each arm's `scenario` varies
  std::string base_scenario_path;
  std::int64_t keep_series = 0;
  bool compress_series = false;
  std::optional<hdf5::AtomicH5File> file;  // removed again unless finish() succeeds
  std::optional<RunLayoutWriter> arm;      // the arm being written
  bool write_failed = false;  // then the file cannot be closed: AtomicH5File::abandon()

  [[noreturn]] void fail() {
    write_failed = true;
    throw std::runtime_error(path + ": writing the output file failed (disk full?)");
  }
};

StudyHdf5Writer::StudyHdf5Writer(const std::string& path, const StudyFile& study, std::int64_t keep_series,
                                 bool compress_series)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  const StudyDesign& d = study.design;
  m.path = path;
  m.design = d;
  m.base_scenario_text = study.base.text;
  m.base_scenario_path = study.base.path;
  m.keep_series = keep_series;
  m.compress_series = compress_series;
  try {
    m.file.emplace(path);
    H5::Group root = m.file->file().openGroup("/");
    hdf5::set_text(root, hdf5_names::kStudy, study.text);
    hdf5::set_text(root, hdf5_names::kStudyPath, study.path);
    hdf5::set_text(root, hdf5_names::kScenario, study.base.text);
    hdf5::set_text(root, hdf5_names::kScenarioPath, study.base.path);
    hdf5::set_provenance(root, d.seed);
    hdf5::set_text(root, hdf5_names::kReferenceArm, d.arms[d.reference_arm].name);
    hdf5::set_number(root, hdf5_names::kPatients, static_cast<double>(d.patients));
    hdf5::set_number(root, hdf5_names::kKeepSeries, static_cast<double>(keep_series));
    hdf5::set_number(root, hdf5_names::kOutcomeCourse, static_cast<double>(d.outcome_course + 1));
    hdf5::set_number(root, hdf5_names::kOutcomeWindowDay, d.outcome_window_day);
    m.file->file().createGroup(hdf5_names::kArms);
  } catch (const H5::Exception& e) {
    if (m.file) m.file->abandon();  // a file that failed to write cannot be closed
    (void)impl_.release();          // nor its datasets (AtomicH5File::abandon())
    throw std::runtime_error(path + ": cannot create HDF5 file: " + e.getDetailMsg());
  }
}

StudyHdf5Writer::~StudyHdf5Writer() {
  if (impl_ && impl_->write_failed) {
    impl_->file->abandon();
    (void)impl_.release();  // its datasets cannot be closed either (AtomicH5File::abandon())
  }
}

void StudyHdf5Writer::begin_arm(const ArmRun& arm, std::span<const OutputQuantity> outputs,
                                const std::vector<CourseMetric>& metrics) {
  Impl& m = *impl_;
  try {
    H5::Group group = m.file->file().createGroup(hdf5_names::arm_group(arm.arm));
    const StudyArm& spec = m.design.arms[arm.arm];
    hdf5::set_text(group, hdf5_names::kName, spec.name);
    for (std::size_t s = 0; s < m.design.settings.size(); ++s) {
      hdf5::set_number(group, m.design.settings[s].c_str(), spec.setting_values[s]);
    }
    hdf5::set_number(group, hdf5_names::kHorizonDay, arm.plan.horizon_day());
    // The regimen the arm simulated as a scenario, so the group reads like a run file on its own.
    hdf5::set_text(group, hdf5_names::kScenario, scenario_with_regimen(m.base_scenario_text, m.base_scenario_path,
                                                            arm.plan.courses(), arm.plan.horizon_day(),
                                                            spec.typical_params, spec.variability));
    const RunLayoutSize size{m.design.patients, m.keep_series, arm.plan.courses().size(), m.compress_series};
    m.arm.emplace(group, size, arm.plan.grid_day(), outputs, metrics);
  } catch (const H5::Exception&) {
    m.fail();
  }
}

void StudyHdf5Writer::add(std::span<const PatientOutcome> batch) {
  try {
    impl_->arm->add(batch);
  } catch (const H5::Exception&) {
    impl_->fail();
  }
}

void StudyHdf5Writer::end_arm(const PopulationSummary& summary) {
  Impl& m = *impl_;
  try {
    m.arm->write_summary(summary);
    m.file->file().flush(H5F_SCOPE_GLOBAL);  // a full disk fails here, where it can be reported
  } catch (const H5::Exception&) {
    m.fail();
  }
  m.arm.reset();
}

void StudyHdf5Writer::finish(const std::vector<ArmSummary>& arms) {
  Impl& m = *impl_;
  const auto outcomes = study_outcomes();
  try {
    for (std::size_t a = 0; a < arms.size(); ++a) {
      H5::Group group = m.file->file().openGroup(hdf5_names::arm_group(a));
      hdf5::set_number(group, hdf5_names::kPatients, static_cast<double>(arms[a].patients));
      hdf5::set_number(group, hdf5_names::kFailed, static_cast<double>(arms[a].failed));
      H5::Group values = group.createGroup(hdf5_names::kOutcomes);
      H5::Group difference = group.createGroup(hdf5_names::kPairedDifference);
      for (std::size_t o = 0; o < outcomes.size(); ++o) {
        write_distribution(values, outcomes[o], arms[a].value[o]);
        write_distribution(difference, outcomes[o], arms[a].difference[o]);
      }
    }
    m.file->file().flush(H5F_SCOPE_GLOBAL);
  } catch (const H5::Exception&) {
    m.fail();
  }
  m.file->commit();
}

}  // namespace alemsim
