// Lessons in the viewer: finding lesson files by name, the view a lesson starts with, and its text
// split into headings, paragraphs and bullets for the lesson panel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gui/viewer/ui_state.hpp"
#include "io/lesson_file.hpp"

namespace alemsim::gui {

// Where lessons are looked for: scenarios/lessons under the working directory, then the one of the
// source tree the viewer was built from.
std::vector<std::string> lesson_directories();

// The lesson file of `name_or_path`: a path to a lesson file, or a lesson's name (NAME.yaml in a
// lesson directory). Throws ScenarioError naming the lessons there when there is none.
std::string find_lesson(const std::string& name_or_path);

struct LessonEntry {
  std::string name;
  std::string title;  // the file's title, or why it cannot be read
  std::string path;
};
// Every lesson of the first lesson directory that has any (File > Lessons).
std::vector<LessonEntry> available_lessons();

// Sets what the lesson's view names (log axis, time range, unit and origin, plots, fractions) and
// leaves the rest as it is; the time axis fits the data when the view gives no range.
void apply_lesson_view(const LessonView& view, UiState& ui);

enum class BlockKind { kHeading, kParagraph, kBullet };
struct TextBlock {
  BlockKind kind;
  std::string text;
};
// "## " starts a heading, "- " a bullet; other lines continue the block above them (or start a
// paragraph after a heading or a blank line), joined with spaces.
std::vector<TextBlock> lesson_blocks(std::string_view text);

}  // namespace alemsim::gui
