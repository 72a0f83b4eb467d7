// The arms of a study file (docs/output-format.md, "Study results"), so the viewer can list them and
// read one with read_results_file(path, trace_count, arm.group). A run file has none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace alemsim::gui {

struct StudyArmEntry {
  std::string group;  // "/arms/002": where read_results_file() reads the arm
  std::string name;   // the arm's `name` attribute, e.g. "courses[2].start_day=790.8"
};

struct StudyArms {
  std::string path;                  // the file listed
  bool study = false;                // a study file (it has /arms), not a run file
  std::vector<StudyArmEntry> arms;   // in the study's order (/arms/000 first); empty for a run file
  std::size_t reference_arm = 0;     // index in `arms` of the root's `reference_arm`; 0 when absent
};

// "002" for /arms/002: how the viewer numbers an arm, as --arm takes it.
std::string arm_number(const StudyArmEntry& arm);

// Lists the arms of `path`. Throws std::runtime_error naming the file for a missing file, a file that
// is not HDF5, or a study file without arms.
StudyArms list_study_arms(const std::string& path);

// Arm `index` (0-based) of `arms`. Throws std::runtime_error naming the file, how many arms it has and
// the index asked for, or saying it is a run file.
const StudyArmEntry& study_arm(const StudyArms& arms, long long index);

}  // namespace alemsim::gui
