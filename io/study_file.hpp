// Study files (YAML): arms as variations of a base scenario. Format documented in docs/studies.md.
#pragma once

#include <string>

#include "io/scenario.hpp"
#include "sim/study.hpp"

namespace alemsim {

struct StudyFile {
  std::string path;
  std::string name;
  std::string text;     // the file as read
  Scenario base;        // the base scenario the arms vary
  StudyDesign design;
};

// Reads and checks a study file and its base scenario. Throws ScenarioError with one line
// "FILE:LINE:COL: FIELD: what was expected" for a missing base, an unknown key or setting, an empty
// sweep, repeated arm names, an unknown reference arm, or an arm whose regimen is not valid.
StudyFile load_study(const std::string& path);

// The same for study text said to come from `path` (its base is read relative to it): for tests and
// the fuzzer, which have the text but no file.
StudyFile study_from_text(std::string text, const std::string& path);

}  // namespace alemsim
