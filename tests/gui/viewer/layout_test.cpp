// The tiled layout: every panel exactly once, no gaps or overlaps, and room for the drug and three
// cell plots at projector sizes.
#include <gtest/gtest.h>

#include <algorithm>

#include "gui/viewer/layout.hpp"

namespace alemsim::gui {
namespace {

constexpr Panel kEveryPanel[] = {Panel::kRegimen, Panel::kParameters, Panel::kSummary, Panel::kTeaching};

float area(const PanelRect& r) { return r.size.x * r.size.y; }

// The slots and the plots cover the window below the menu bar exactly.
void expect_tiles(const ViewerLayout& l, ImVec2 display, float top) {
  float covered = area(l.plots);
  for (const PanelSlot& slot : l.slots) {
    covered += area(slot.rect);
    EXPECT_GE(slot.rect.pos.y, top);
    EXPECT_LE(slot.rect.pos.x + slot.rect.size.x, display.x);
    EXPECT_LE(slot.rect.pos.y + slot.rect.size.y, display.y);
    EXPECT_FALSE(slot.panels.empty());
  }
  EXPECT_FLOAT_EQ(covered, display.x * (display.y - top));
  EXPECT_EQ(l.plots.pos.y, top);
  EXPECT_EQ(l.plots.pos.y + l.plots.size.y, display.y);
}

void expect_every_panel_once(const ViewerLayout& l, bool lesson) {
  for (Panel p : kEveryPanel) EXPECT_NE(slot_of(l, p), nullptr);
  EXPECT_EQ(slot_of(l, Panel::kLesson) != nullptr, lesson);
  std::size_t panels = 0;
  for (const PanelSlot& slot : l.slots) panels += slot.panels.size();
  EXPECT_EQ(panels, std::size(kEveryPanel) + (lesson ? 1 : 0));
}

TEST(Layout, WideWindowsHaveThreeColumns) {
  const ViewerLayout l = compute_layout(ImVec2(1600, 1000), 22.0f);
  expect_tiles(l, ImVec2(1600, 1000), 22.0f);
  expect_every_panel_once(l, false);
  EXPECT_EQ(slot_of(l, Panel::kRegimen)->rect.size.x, l.plots.pos.x);
  EXPECT_EQ(l.plots.pos.x + l.plots.size.x, slot_of(l, Panel::kSummary)->rect.pos.x);
  EXPECT_GE(l.plots.size.x, 0.4f * 1600.0f);
}

TEST(Layout, AProjectorWindowGetsOneSideColumnAndTwoColumnsOfPlots) {
  for (const bool lesson : {false, true}) {
    const ViewerLayout l = compute_layout(ImVec2(1280, 720), 22.0f, lesson);
    expect_tiles(l, ImVec2(1280, 720), 22.0f);
    expect_every_panel_once(l, lesson);
    EXPECT_EQ(l.plot_columns, 2);
    EXPECT_EQ(slot_of(l, Panel::kRegimen)->rect.size.x, l.plots.pos.x);
    if (lesson) {
      EXPECT_EQ(slot_of(l, Panel::kLesson)->panels.front(), Panel::kLesson);  // the tab shown first
    }
  }
}

TEST(Layout, FullHdHasTwoColumnsOfPlotsAndTheLessonBesideThem) {
  const ViewerLayout l = compute_layout(ImVec2(1920, 1080), 22.0f, true);
  expect_tiles(l, ImVec2(1920, 1080), 22.0f);
  expect_every_panel_once(l, true);
  EXPECT_EQ(l.plot_columns, 2);
  const PanelSlot* lesson = slot_of(l, Panel::kLesson);
  EXPECT_EQ(lesson->panels.size(), 1u);  // never behind a tab in a wide window
  EXPECT_EQ(lesson->rect.pos.x, l.plots.pos.x + l.plots.size.x);
}

}  // namespace
}  // namespace alemsim::gui
