#include <cfloat>
#include <string>

#include <imgui.h>

#include "gui/viewer/panels.hpp"

namespace alemsim::gui {
namespace {

// "002  courses[2].start_day=790.8 (reference)".
std::string arm_label(const StudyArms& study, std::size_t index) {
  return arm_number(study.arms[index]) + "  " + study.arms[index].name + (index == study.reference_arm ? " (reference)" : "");
}

}  // namespace

void draw_arm_chooser(const Results& results, const UiState& ui, Actions& actions) {
  if (!ui.study) return;
  const OpenStudy& study = *ui.study;
  const std::size_t shown = study.shown;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Study arm");
  ImGui::SameLine();
  // Previous and next step through a sweep in order, e.g. course 3 a month later each time.
  ImGui::BeginDisabled(shown == 0);
  if (ImGui::ArrowButton("##previous arm", ImGuiDir_Left)) actions.open_arm = shown - 1;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(shown + 1 >= study.file.arms.size());
  if (ImGui::ArrowButton("##next arm", ImGuiDir_Right)) actions.open_arm = shown + 1;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##arm", arm_label(study.file, shown).c_str(), ImGuiComboFlags_HeightLarge)) {
    for (std::size_t i = 0; i < study.file.arms.size(); ++i) {
      if (ImGui::Selectable(arm_label(study.file, i).c_str(), i == shown) && i != shown) actions.open_arm = i;
      if (i == shown) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("The arms of %s: each its own regimen, on the same virtual patients.\n"
                      "Open one from the command line with --arm N (N as numbered here).",
                      study.file.path.c_str());
  }
  if (!results.population_from_file) {
    ImGui::TextDisabled("The plots show the edited scenario, not the arm as stored: choose an arm to read it again.");
  }
}

}  // namespace alemsim::gui
