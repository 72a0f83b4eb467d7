#include "gui/core/embedded_scenario.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace alemsim::gui {
namespace {

// Replaces every occurrence of `from` in `text` by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

// Removes the file when it goes out of scope, whatever load_scenario() throws.
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

Scenario scenario_from_text(const std::string& text, const std::string& origin) {
  // sim/io reads scenarios from files only; a private temporary file keeps its loader the one place
  // that decides what a valid scenario is.
  static std::atomic<int> counter{0};
  const TemporaryFile file{std::filesystem::temp_directory_path() /
                           ("alemsim-viewer-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".yaml")};
  {
    std::ofstream out(file.path, std::ios::binary);
    out << text;
    if (!out.flush()) throw ScenarioError(origin + ": cannot write a temporary copy to read it");
  }
  try {
    Scenario s = load_scenario(file.path.string());
    if (s.name == file.path.string()) s.name = origin;
    s.path.clear();
    return s;
  } catch (const ScenarioError& e) {
    throw ScenarioError(replace_all(e.what(), file.path.string(), origin));
  }
}

}  // namespace alemsim::gui
