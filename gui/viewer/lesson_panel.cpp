#include <string>

#include <imgui.h>

#include "gui/viewer/lessons.hpp"
#include "gui/viewer/panels.hpp"

namespace alemsim::gui {

void draw_lesson_panel(UiState& ui, Actions& actions) {
  if (!ui.lesson) {
    ImGui::TextWrapped("No lesson is open: File > Lessons.");
    return;
  }
  const OpenLesson& lesson = *ui.lesson;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(lesson.file.title.c_str());
  ImGui::PopTextWrapPos();
  if (lesson.file.variants.size() > 1) {
    ImGui::TextDisabled("Show:");
    for (std::size_t i = 0; i < lesson.file.variants.size(); ++i) {
      const std::string& name = lesson.file.variants[i].name;
      const float width = ImGui::CalcTextSize(name.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
      if (i > 0) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + width > ImGui::GetContentRegionMax().x) ImGui::NewLine();
      }
      const bool shown = i == lesson.variant;
      if (shown) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button((name + "##variant").c_str())) actions.open_variant = i;
      if (shown) ImGui::PopStyleColor();
    }
  }
  ImGui::Separator();
  for (const TextBlock& block : lesson_blocks(lesson.file.text)) {
    switch (block.kind) {
      case BlockKind::kHeading:
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.33f, 0.75f, 1.0f));
        ImGui::TextWrapped("%s", block.text.c_str());
        ImGui::PopStyleColor();
        break;
      case BlockKind::kParagraph:
        ImGui::TextWrapped("%s", block.text.c_str());
        break;
      case BlockKind::kBullet:
        ImGui::Bullet();
        ImGui::TextWrapped("%s", block.text.c_str());
        break;
    }
  }
}

}  // namespace alemsim::gui
