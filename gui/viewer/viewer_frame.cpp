#include "gui/viewer/viewer_frame.hpp"

#include <imgui.h>

#include "gui/viewer/layout.hpp"
#include "gui/viewer/panels.hpp"

namespace alemsim::gui {
namespace {

constexpr ImGuiWindowFlags kPanel =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

bool begin_panel(const char* title, const PanelRect& rect) {
  ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, kPanel);
}

}  // namespace

void draw_viewer(const Results& results, UiState& ui, Actions& actions) {
  draw_main_menu(results, ui, actions);
  const ViewerLayout layout = compute_layout(ImGui::GetIO().DisplaySize, ImGui::GetFrameHeight());

  if (begin_panel("Regimen", layout.regimen)) draw_regimen_panel(results, ui, actions);
  ImGui::End();
  if (begin_panel("Parameters (typical patient)", layout.parameters)) draw_parameters_panel(results, ui, actions);
  ImGui::End();
  if (begin_panel("Plots", layout.plots)) {
    ui.plots_min = ImGui::GetWindowPos();
    ui.plots_max = ImVec2(ui.plots_min.x + ImGui::GetWindowWidth(), ui.plots_min.y + ImGui::GetWindowHeight());
    draw_file_error(ui);
    draw_arm_chooser(results, ui, actions);
    draw_plots_panel(results, ui, actions);
  }
  ImGui::End();
  if (begin_panel("Summary", layout.summary)) draw_summary_panel(results, ui);
  ImGui::End();
  if (begin_panel("Teaching overlays", layout.teaching)) draw_teaching_panel(ui);
  ImGui::End();
}

}  // namespace alemsim::gui
