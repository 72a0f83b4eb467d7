// Where the panels go: a tiled layout recomputed from the window size every frame, so nothing hides
// behind anything and a screenshot at a given size always looks the same.
#pragma once

#include <imgui.h>

namespace alemsim::gui {

struct PanelRect {
  ImVec2 pos;
  ImVec2 size;
};

// Left column: Regimen above Parameters. Centre: Plots. Right column: Summary above Teaching.
struct ViewerLayout {
  PanelRect regimen, parameters, plots, summary, teaching;
};

// `top` is the height taken by the main menu bar.
ViewerLayout compute_layout(ImVec2 display, float top);

}  // namespace alemsim::gui
