#include "sim/io/study_hdf5.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <H5Cpp.h>
#include <fmt/format.h>
#include <unistd.h>

#include "sim/io/hdf5_output.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {
namespace {

void set_text(H5::H5Object& object, const char* name, const std::string& value) {
  const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
}

void set_number(H5::H5Object& object, const char* name, double value) {
  object.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_DOUBLE, &value);
}

// Percentiles kSummaryPercentiles as float64 [5], with the exact mean and count as attributes.
template <class Distribution>
void write_distribution(H5::Group& group, const StudyOutcome& outcome, const Distribution& d) {
  const hsize_t n = std::size(kSummaryPercentiles);
  std::vector<double> values;
  for (double p : kSummaryPercentiles) values.push_back(d.percentile(p));
  H5::DataSet set = group.createDataSet(outcome.name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &n));
  set.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  set_text(set, "units", outcome.unit);
  set_text(set, "description", outcome.description);
  set_number(set, "mean", d.mean());
  set_number(set, "count", static_cast<double>(d.count()));
}

}  // namespace

void write_study_hdf5(const std::string& path, const StudyFile& study, const std::vector<ArmSummary>& arms) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  H5::Exception::dontPrint();
  try {
    {
      H5::H5File file(temp, H5F_ACC_TRUNC);
      H5::Group root = file.openGroup("/");
      const StudyDesign& d = study.design;
      set_text(root, "study", study.text);
      set_text(root, "study_path", study.path);
      set_text(root, "scenario", study.base.text);
      set_text(root, "scenario_path", study.base.path);
      set_text(root, "seed", std::to_string(d.seed));
      set_text(root, "alemsim_version", alemsim_version());
      set_text(root, "reference_arm", d.arms[d.reference_arm].name);
      set_number(root, "patients", static_cast<double>(d.patients));
      set_number(root, "outcome_course", static_cast<double>(d.outcome_course + 1));
      set_number(root, "outcome_window_day", d.outcome_window_day);
      H5::Group groups = file.createGroup("/arms");
      const auto outcomes = study_outcomes();
      for (std::size_t a = 0; a < arms.size(); ++a) {
        // Arm names may hold '/', which HDF5 reads as a path: groups are numbered, the name is an attribute.
        H5::Group arm = groups.createGroup(fmt::format("{:03}", a));
        set_text(arm, "name", arms[a].name);
        set_number(arm, "patients", static_cast<double>(arms[a].patients));
        set_number(arm, "failed", static_cast<double>(arms[a].failed));
        for (std::size_t s = 0; s < d.settings.size(); ++s) {
          set_number(arm, d.settings[s].c_str(), d.arms[a].setting_values[s]);
        }
        H5::Group summary = arm.createGroup("summary");
        H5::Group difference = arm.createGroup("paired_difference");
        for (std::size_t m = 0; m < outcomes.size(); ++m) {
          write_distribution(summary, outcomes[m], arms[a].value[m]);
          write_distribution(difference, outcomes[m], arms[a].difference[m]);
        }
      }
    }
    std::filesystem::rename(temp, path);
  } catch (const H5::Exception& e) {
    std::remove(temp.c_str());
    throw std::runtime_error(path + ": cannot write HDF5 file: " + e.getDetailMsg());
  } catch (const std::filesystem::filesystem_error& e) {
    std::remove(temp.c_str());
    throw std::runtime_error(path + ": cannot write HDF5 file: " + e.what());
  }
}

}  // namespace alemsim
