#include "gui/viewer/layout.hpp"

#include <algorithm>
#include <cmath>

namespace alemsim::gui {

ViewerLayout compute_layout(ImVec2 display, float top) {
  const float height = std::max(display.y - top, 100.0f);
  // Side columns keep room for their tables; the plots get at least 40% of the width.
  const float left = std::clamp(display.x * 0.22f, 330.0f, 420.0f);
  const float right = std::clamp(display.x * 0.26f, 360.0f, 480.0f);
  const float centre = std::max(display.x - left - right, display.x * 0.4f);
  const float regimen_height = std::round(height * 0.5f);
  const float summary_height = std::round(height * 0.58f);
  ViewerLayout l;
  l.regimen = {{0.0f, top}, {left, regimen_height}};
  l.parameters = {{0.0f, top + regimen_height}, {left, height - regimen_height}};
  l.plots = {{left, top}, {centre, height}};
  l.summary = {{left + centre, top}, {display.x - left - centre, summary_height}};
  l.teaching = {{left + centre, top + summary_height}, {display.x - left - centre, height - summary_height}};
  return l;
}

}  // namespace alemsim::gui
