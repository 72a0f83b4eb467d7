#include "gui/viewer/layout.hpp"

#include <algorithm>
#include <cmath>

namespace alemsim::gui {

ViewerLayout compute_layout(ImVec2 display, float top, bool lesson_open) {
  const float height = std::max(display.y - top, 100.0f);
  ViewerLayout l;
  const auto column = [&](float x, float width, float top_share, std::vector<Panel> upper, std::vector<Panel> lower) {
    const float upper_height = std::round(height * top_share);
    l.slots.push_back({{{x, top}, {width, upper_height}}, std::move(upper)});
    l.slots.push_back({{{x, top + upper_height}, {width, height - upper_height}}, std::move(lower)});
  };
  if (display.x >= kWideLayoutWidth) {
    // Side columns keep room for their tables; the plots get the rest.
    const float left = std::clamp(display.x * 0.22f, 330.0f, 420.0f);
    const float right = std::clamp(display.x * 0.26f, 360.0f, 480.0f);
    const float centre = display.x - left - right;
    column(0.0f, left, 0.5f, {Panel::kRegimen}, {Panel::kParameters});
    l.plots = {{left, top}, {centre, height}};
    if (lesson_open) {
      column(left + centre, right, 0.5f, {Panel::kLesson}, {Panel::kSummary, Panel::kTeaching});
    } else {
      column(left + centre, right, 0.58f, {Panel::kSummary}, {Panel::kTeaching});
    }
  } else {
    const float side = std::clamp(display.x * 0.28f, 300.0f, 400.0f);
    std::vector<Panel> upper = {Panel::kRegimen, Panel::kTeaching};
    if (lesson_open) upper.insert(upper.begin(), Panel::kLesson);
    column(0.0f, side, 0.5f, std::move(upper), {Panel::kParameters, Panel::kSummary});
    l.plots = {{side, top}, {std::max(display.x - side, 100.0f), height}};
  }
  l.plot_columns = l.plots.size.x >= 2.0f * kMinPlotColumnWidth ? 2 : 1;
  return l;
}

const PanelSlot* slot_of(const ViewerLayout& layout, Panel panel) {
  for (const PanelSlot& slot : layout.slots) {
    if (std::find(slot.panels.begin(), slot.panels.end(), panel) != slot.panels.end()) return &slot;
  }
  return nullptr;
}

}  // namespace alemsim::gui
