// Where the panels go: a tiled layout recomputed from the window size every frame, so nothing hides
// behind anything and a screenshot at a given size always looks the same.
#pragma once

#include <vector>

#include <imgui.h>

namespace alemsim::gui {

struct PanelRect {
  ImVec2 pos;
  ImVec2 size;
};

enum class Panel { kLesson, kRegimen, kParameters, kSummary, kTeaching };

// A place in the layout and the panels it holds: one panel, or several as tabs (the first is the
// one shown until the user picks another tab).
struct PanelSlot {
  PanelRect rect;
  std::vector<Panel> panels;
};

struct ViewerLayout {
  PanelRect plots;
  std::vector<PanelSlot> slots;  // the side panels, top to bottom, left column first
  int plot_columns = 1;          // plots side by side in the plots panel
};

// Windows at least kWideLayoutWidth wide: Regimen above Parameters on the left, the plots in the
// centre, Summary above Teaching on the right (with a lesson open, the lesson above Summary and
// Teaching as tabs). Narrower windows (a 1280x720 projector): one side column, the lesson (when
// open), Regimen and Teaching as tabs above Parameters and Summary as tabs, so the plots get two
// columns. Two columns of plots whenever the plots panel is wide enough for two readable plots.
inline constexpr float kWideLayoutWidth = 1600.0f;
inline constexpr float kMinPlotColumnWidth = 440.0f;

// `top` is the height taken by the main menu bar.
ViewerLayout compute_layout(ImVec2 display, float top, bool lesson_open = false);

// The slot holding `panel` (nullptr when the layout has none).
const PanelSlot* slot_of(const ViewerLayout& layout, Panel panel);

}  // namespace alemsim::gui
