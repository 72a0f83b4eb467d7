#include "gui/viewer/viewer_frame.hpp"

#include <string>

#include <imgui.h>

#include "gui/viewer/layout.hpp"
#include "gui/viewer/panels.hpp"

namespace alemsim::gui {
namespace {

constexpr ImGuiWindowFlags kPanel =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

bool begin_panel(const char* title, const PanelRect& rect, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, kPanel | extra);
}

std::string panel_title(Panel panel, const UiState& ui) {
  switch (panel) {
    case Panel::kLesson:
      return ui.lesson ? "Lesson: " + ui.lesson->file.title : "Lesson";
    case Panel::kRegimen:
      return "Regimen";
    case Panel::kParameters:
      return "Parameters (typical patient)";
    case Panel::kSummary:
      return "Summary";
    case Panel::kTeaching:
      return "Teaching overlays";
  }
  return "";
}

void draw_panel(Panel panel, const Results& results, UiState& ui, Actions& actions) {
  switch (panel) {
    case Panel::kLesson:
      draw_lesson_panel(ui, actions);
      break;
    case Panel::kRegimen:
      draw_regimen_panel(results, ui, actions);
      break;
    case Panel::kParameters:
      draw_parameters_panel(results, ui, actions);
      break;
    case Panel::kSummary:
      draw_summary_panel(results, ui);
      break;
    case Panel::kTeaching:
      draw_teaching_panel(ui);
      break;
  }
}

// One panel in its own window, or several as tabs of one window; a lesson just opened is the tab shown.
void draw_slot(const PanelSlot& slot, std::size_t index, const Results& results, UiState& ui, Actions& actions) {
  if (slot.panels.size() == 1) {
    if (begin_panel(panel_title(slot.panels[0], ui).append("###panel").append(std::to_string(index)).c_str(), slot.rect)) {
      draw_panel(slot.panels[0], results, ui, actions);
    }
    ImGui::End();
    return;
  }
  const std::string window = "###panels" + std::to_string(index);
  if (begin_panel(window.c_str(), slot.rect, ImGuiWindowFlags_NoTitleBar) && ImGui::BeginTabBar("tabs")) {
    for (Panel panel : slot.panels) {
      const bool select = panel == Panel::kLesson && ui.lesson && ui.lesson->select_tab;
      if (ImGui::BeginTabItem(panel_title(panel, ui).append("###").append(std::to_string(static_cast<int>(panel))).c_str(),
                              nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
        ImGui::BeginChild("panel");
        draw_panel(panel, results, ui, actions);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace

void draw_viewer(const Results& results, UiState& ui, Actions& actions) {
  draw_main_menu(results, ui, actions);
  const ViewerLayout layout = compute_layout(ImGui::GetIO().DisplaySize, ImGui::GetFrameHeight(), ui.lesson.has_value());
  ui.plot_columns = layout.plot_columns;
  for (std::size_t i = 0; i < layout.slots.size(); ++i) draw_slot(layout.slots[i], i, results, ui, actions);
  if (ui.lesson) ui.lesson->select_tab = false;
  if (begin_panel("Plots", layout.plots)) {
    ui.plots_min = ImGui::GetWindowPos();
    ui.plots_max = ImVec2(ui.plots_min.x + ImGui::GetWindowWidth(), ui.plots_min.y + ImGui::GetWindowHeight());
    draw_file_error(ui);
    draw_arm_chooser(results, ui, actions);
    draw_plots_panel(results, ui, actions);
  }
  ImGui::End();
}

}  // namespace alemsim::gui
