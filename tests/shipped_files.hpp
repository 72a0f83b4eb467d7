// The files shipped in scenarios/: scenario files, and the study files (study-*.yaml) that vary them.
// Tests that load "every shipped scenario" must not pick up a study file, which is not one.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace alemsim::test {

inline bool is_study_file(const std::filesystem::path& file) {
  return file.extension() == ".yaml" && file.filename().string().starts_with("study-");
}

// Sorted, so a failure names the same file first on every machine.
inline std::vector<std::filesystem::path> shipped_yaml(const std::filesystem::path& folder, bool studies) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".yaml" && is_study_file(entry.path()) == studies) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::vector<std::filesystem::path> shipped_scenarios(const std::filesystem::path& scenarios_folder) {
  return shipped_yaml(scenarios_folder, false);
}

inline std::vector<std::filesystem::path> shipped_studies(const std::filesystem::path& scenarios_folder) {
  return shipped_yaml(scenarios_folder, true);
}

}  // namespace alemsim::test
