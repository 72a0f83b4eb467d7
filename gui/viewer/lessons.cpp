#include "gui/viewer/lessons.hpp"

#include <filesystem>
#include <system_error>

#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

namespace fs = std::filesystem;

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

TimeUnit time_unit_named(const std::string& name) {
  for (TimeUnit unit : kTimeUnits) {
    if (name == time_unit_name(unit)) return unit;
  }
  return TimeUnit::kAuto;  // the lesson reader accepts only these names
}

}  // namespace

std::vector<std::string> lesson_directories() { return {"scenarios/lessons", ALEMSIM_LESSONS_DIR}; }

std::string find_lesson(const std::string& name_or_path) {
  std::error_code error;
  if (fs::is_regular_file(name_or_path, error)) return name_or_path;
  for (const std::string& dir : lesson_directories()) {
    const fs::path path = fs::path(dir) / (name_or_path + ".yaml");
    if (fs::is_regular_file(path, error)) return path.string();
  }
  std::string names;
  for (const LessonEntry& lesson : available_lessons()) names += (names.empty() ? "" : ", ") + lesson.name;
  throw ScenarioError("no lesson '" + name_or_path + "'; the lessons are: " + (names.empty() ? "(none found)" : names));
}

std::vector<LessonEntry> available_lessons() {
  for (const std::string& dir : lesson_directories()) {
    std::vector<LessonEntry> lessons;
    for (const std::string& name : list_lessons(dir)) {
      LessonEntry entry{name, "", (fs::path(dir) / (name + ".yaml")).string()};
      try {
        entry.title = load_lesson(entry.path).title;
      } catch (const ScenarioError& e) {
        entry.title = std::string("cannot be read: ") + e.what();
      }
      lessons.push_back(std::move(entry));
    }
    if (!lessons.empty()) return lessons;
  }
  return {};
}

void apply_lesson_view(const LessonView& view, UiState& ui) {
  PlotSettings& p = ui.plots;
  if (view.log_concentration) {
    p.log_concentration = *view.log_concentration;
    p.value_axes[std::string(output_with_role(QuantityRole::kDrugConcentration).column)].auto_fit = true;
  }
  if (view.time_day) {
    p.time_axis = {{(*view.time_day)[0], (*view.time_day)[1]}, false};
  } else {
    p.time_axis.auto_fit = true;
  }
  if (view.time_unit) p.time.unit = time_unit_named(*view.time_unit);
  if (view.time_from_course) p.time.origin_course = *view.time_from_course - 1;
  if (view.plots.empty()) {
    p.choice.reset();
  } else {
    p.choice.show_only(view.plots);
  }
  if (view.fractions) p.show_fractions = *view.fractions;
  for (auto& [column, axis] : p.value_axes) axis.auto_fit = true;
}

std::vector<TextBlock> lesson_blocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  bool open = false;  // the last block takes continuation lines
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty()) {
      open = false;
    } else if (line.starts_with("## ")) {
      blocks.push_back({BlockKind::kHeading, std::string(trimmed(line.substr(3)))});
      open = false;
    } else if (line.starts_with("- ")) {
      blocks.push_back({BlockKind::kBullet, std::string(trimmed(line.substr(2)))});
      open = true;
    } else if (open) {
      blocks.back().text += ' ';
      blocks.back().text += line;
    } else {
      blocks.push_back({BlockKind::kParagraph, std::string(line)});
      open = true;
    }
  }
  return blocks;
}

}  // namespace alemsim::gui
