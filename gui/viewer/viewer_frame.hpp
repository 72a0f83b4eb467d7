// The whole viewer for one frame: menu bar, the five panels in their tiled places, and a banner for
// the last file error.
#pragma once

#include "gui/core/session.hpp"
#include "gui/viewer/ui_state.hpp"

namespace alemsim::gui {

// Call between ImGui::NewFrame() and ImGui::Render(); lays out for ImGui::GetIO().DisplaySize.
void draw_viewer(const Results& results, UiState& ui, Actions& actions);

}  // namespace alemsim::gui
