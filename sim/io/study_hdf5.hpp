// Study results as HDF5 (layout: docs/output-format.md, "Study files"), written under a temporary
// name and renamed into place when complete.
#pragma once

#include <string>
#include <vector>

#include "sim/io/study_file.hpp"
#include "sim/study.hpp"

namespace alemsim {

// Throws std::runtime_error naming the path if the file cannot be written; leaves no file then.
void write_study_hdf5(const std::string& path, const StudyFile& study, const std::vector<ArmSummary>& arms);

}  // namespace alemsim
