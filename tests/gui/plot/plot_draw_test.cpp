// The plot module on a headless ImGui context: what reaches the draw list, and the mouse.
#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include "gui/plot/plot.hpp"
#include "tests/gui/headless_imgui.hpp"

namespace alemsim::plot {
namespace {

using gui::testing::HeadlessImGui;

struct PlotFixture : ::testing::Test {
  HeadlessImGui imgui{ImVec2(1000, 700)};
  AxisState x_state;
  AxisState y_state;
  std::vector<double> x, lo, mid, hi;

  PlotFixture() {
    for (int i = 0; i <= 100; ++i) {
      x.push_back(i);
      mid.push_back(100.0 + 50.0 * std::sin(i * 0.2));
      lo.push_back(mid.back() - 20.0);
      hi.push_back(mid.back() + 20.0);
    }
  }

  // Draws one plot filling a window; returns what EndPlot reported.
  PlotStats draw(Scale y_scale = Scale::kLinear) {
    PlotStats stats;
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1000, 700));
      ImGui::Begin("plot window", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
      if (BeginPlot("test", "Test quantity", ImVec2(-1, 600), AxisSpec{"Time", "days", Scale::kLinear, &x_state},
                    AxisSpec{"", "ng/mL", y_scale, &y_state})) {
        PlotBand("band", x, lo, hi, ItemStyle{IM_COL32(0, 0, 255, 60)});
        PlotLine("line", x, mid, ItemStyle{IM_COL32(255, 0, 0, 255)});
        PlotRefLineY("LLN", 30.0, ItemStyle{IM_COL32(200, 0, 0, 255)});
        EndPlot();
        stats = LastPlotStats();
      }
      ImGui::End();
    });
    return stats;
  }

  ImVec2 area_centre(const PlotStats& s) const {
    return ImVec2(0.5f * (s.area_min.x + s.area_max.x), 0.5f * (s.area_min.y + s.area_max.y));
  }
};

TEST_F(PlotFixture, BandIsOneQuadPerSegment) {
  const PlotStats s = draw();
  EXPECT_EQ(s.band_quads, 100);
  EXPECT_EQ(s.line_samples, 101);
}

TEST_F(PlotFixture, AxesFitTheDataAndTheReferenceLine) {
  const PlotStats s = draw();
  EXPECT_DOUBLE_EQ(s.x_range.min, 0.0);
  EXPECT_DOUBLE_EQ(s.x_range.max, 100.0);
  EXPECT_EQ(s.y_range.min, 0.0);
  EXPECT_GT(s.y_range.max, 170.0);
  EXPECT_LT(s.y_range.max, 200.0);
  EXPECT_GT(s.area_max.x - s.area_min.x, 800.0f);
}

TEST_F(PlotFixture, LogAxisFitsPositiveDataOnly) {
  lo[3] = 0.0;  // a percentile that reached zero
  const PlotStats s = draw(Scale::kLog10);
  EXPECT_GT(s.y_range.min, 0.0);
  EXPECT_EQ(s.band_quads, 100);
}

TEST_F(PlotFixture, LongSeriesAreDecimatedToThePlotWidth) {
  x.clear();
  mid.clear();
  for (int i = 0; i < 200000; ++i) {
    x.push_back(i * 0.001);
    mid.push_back(std::sin(i * 0.01));
  }
  lo = mid;
  hi = mid;
  const PlotStats s = draw();
  const int width = static_cast<int>(s.area_max.x - s.area_min.x);
  EXPECT_LE(s.line_samples, 2 * (width + 2));
  EXPECT_LE(s.band_quads, 2 * (width + 2));
  EXPECT_GT(s.line_samples, width / 2);
}

TEST_F(PlotFixture, DrawBandQuadsEmitsFourVerticesAndSixIndicesPerQuad) {
  imgui.frame([&] {
    ImGui::Begin("quads");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int vertices = dl->VtxBuffer.Size;
    const int indices = dl->IdxBuffer.Size;
    std::vector<Quad> quads(10000, Quad{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}});
    DrawBandQuads(dl, quads, IM_COL32(0, 0, 255, 80));
    EXPECT_EQ(dl->VtxBuffer.Size - vertices, 40000);
    EXPECT_EQ(dl->IdxBuffer.Size - indices, 60000);
    ImGui::End();
  });
}

TEST_F(PlotFixture, VerticalTextDrawsOneQuadPerVisibleGlyph) {
  imgui.frame([&] {
    ImGui::Begin("text");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int vertices = dl->VtxBuffer.Size;
    AddTextVertical(dl, ImVec2(10, 200), IM_COL32_BLACK, "ng/mL x");
    EXPECT_EQ(dl->VtxBuffer.Size - vertices, 6 * 4);  // the space has no pixels
    ImGui::End();
  });
}

TEST_F(PlotFixture, HoverReadsOutTimeAndEveryValueWithUnits) {
  const auto plot = [&] {
    if (BeginPlot("test", "Test quantity", ImVec2(-1, 600), AxisSpec{"Time", "days", Scale::kLinear, &x_state},
                  AxisSpec{"", "ng/mL", Scale::kLinear, &y_state})) {
      PlotBand("band", x, lo, hi, ItemStyle{IM_COL32(0, 0, 255, 60)});
      PlotLine("line", x, mid, ItemStyle{IM_COL32(255, 0, 0, 255)});
      EndPlot();
    }
  };
  imgui.window_text(plot);  // the capture window appears; hovering starts with the next frame
  imgui.set_mouse(area_centre(LastPlotStats()));
  imgui.window_text(plot);
  const std::string text = imgui.window_text(plot);  // the tooltip window is open now
  EXPECT_NE(text.find("Time: "), std::string::npos) << text;
  EXPECT_NE(text.find(" days"), std::string::npos) << text;
  EXPECT_NE(text.find("line: "), std::string::npos) << text;
  EXPECT_NE(text.find(" ng/mL"), std::string::npos) << text;
  EXPECT_NE(text.find("band: "), std::string::npos) << text;
  EXPECT_NE(text.find(" to "), std::string::npos) << text;
}

TEST_F(PlotFixture, WheelZoomsTimeAboutTheCursorAndDoubleClickFitsAgain) {
  const PlotStats first = draw();
  const ImVec2 c = area_centre(first);
  imgui.set_mouse(c);
  draw();  // hover first, as a real mouse would
  imgui.set_mouse(c, false, 2.0f);
  draw();
  const PlotStats zoomed = draw();
  EXPECT_FALSE(x_state.auto_fit);
  EXPECT_LT(zoomed.x_range.max - zoomed.x_range.min, 70.0);
  EXPECT_NEAR(0.5 * (zoomed.x_range.min + zoomed.x_range.max), 50.0, 1.0);

  // Double-click: two presses within the double-click time.
  for (int i = 0; i < 2; ++i) {
    imgui.set_mouse(c, true);
    draw();
    imgui.set_mouse(c, false);
    draw();
  }
  const PlotStats fitted = draw();
  EXPECT_TRUE(x_state.auto_fit);
  EXPECT_DOUBLE_EQ(fitted.x_range.max, 100.0);
}

TEST_F(PlotFixture, DraggingPansTime) {
  const PlotStats first = draw();
  const ImVec2 c = area_centre(first);
  imgui.set_mouse(c);
  draw();
  imgui.set_mouse(c, true);
  draw();
  for (int step = 1; step <= 5; ++step) {
    imgui.set_mouse(ImVec2(c.x - 20.0f * static_cast<float>(step), c.y), true);
    draw();
  }
  imgui.set_mouse(ImVec2(c.x - 100.0f, c.y), false);
  const PlotStats panned = draw();
  EXPECT_FALSE(x_state.auto_fit);
  EXPECT_GT(panned.x_range.min, 5.0);  // dragged left: later times come into view
  EXPECT_NEAR(panned.x_range.max - panned.x_range.min, 100.0, 1e-6);
}

TEST_F(PlotFixture, PlotsSharingAnAxisStateZoomTogether) {
  AxisState shared;
  AxisState y1, y2;
  const auto draw_two = [&] {
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1000, 700));
      ImGui::Begin("two", nullptr, ImGuiWindowFlags_NoSavedSettings);
      for (AxisState* y : {&y1, &y2}) {
        if (BeginPlot(y == &y1 ? "a" : "b", "", ImVec2(-1, 300), AxisSpec{"t", "d", Scale::kLinear, &shared},
                      AxisSpec{"", "u", Scale::kLinear, y})) {
          PlotLine("line", x, mid, ItemStyle{});
          EndPlot();
        }
      }
      ImGui::End();
    });
  };
  draw_two();
  shared.range = {10.0, 20.0};
  shared.auto_fit = false;
  draw_two();
  EXPECT_EQ(LastPlotStats().x_range, (Range{10.0, 20.0}));
}

TEST_F(PlotFixture, LegendWrapsAboveThePlotRatherThanDroppingEntries) {
  const auto area_top = [&](float width) {
    float top = 0.0f;
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1000, 700));
      ImGui::Begin("legend", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
      const float frame_top = ImGui::GetCursorScreenPos().y;
      if (BeginPlot("legend", "A long plot title", ImVec2(width, 400), AxisSpec{"t", "d", Scale::kLinear, &x_state},
                    AxisSpec{"", "u", Scale::kLinear, &y_state})) {
        for (const char* name : {"typical patient", "median", "5-95%", "25-75%", "published", "individual patients"}) {
          PlotLine(name, x, mid, ItemStyle{});
        }
        EndPlot();
        top = LastPlotStats().area_min.y - frame_top;
      }
      ImGui::End();
    });
    return top;
  };
  const float wide = area_top(990.0f);
  const float narrow = area_top(320.0f);
  EXPECT_GT(narrow, wide + 2.0f * ImGui::GetFontSize());
}

TEST_F(PlotFixture, OverlappingLabelsAreHiddenNotStacked) {
  PlotStats stats;
  imgui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 700));
    ImGui::Begin("labels", nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (BeginPlot("labels", "", ImVec2(-1, 500), AxisSpec{"t", "d", Scale::kLinear, &x_state},
                  AxisSpec{"", "u", Scale::kLinear, &y_state})) {
      PlotLine("line", x, mid, ItemStyle{});
      PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);
      PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);  // mirrored to the left
      PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);  // below the point, right
      PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);  // below, left
      for (int i = 0; i < 4; ++i) PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);  // a line further
      PlotText("Cmax 3107 ng/mL", 50.0, 100.0, ImVec2(10, -20), IM_COL32_BLACK);  // no room left
      PlotText("far away", 5.0, 20.0, ImVec2(10, -20), IM_COL32_BLACK);
      EndPlot();
      stats = LastPlotStats();
    }
    ImGui::End();
  });
  EXPECT_EQ(stats.texts_hidden, 1);
}

TEST_F(PlotFixture, ReferenceLineLabelsAreDrawnOverTheDataAndUnderMarkers) {
  constexpr ImU32 kRef = IM_COL32(200, 0, 0, 255);
  constexpr ImU32 kLine = IM_COL32(0, 0, 255, 255);
  constexpr ImU32 kMarker = IM_COL32(0, 160, 0, 255);
  const double marker_x = 90.0, marker_y = 100.0;  // under the label, at the right end of the line
  int last_ref = -1, last_line = -1, first_marker = -1;
  imgui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 700));
    ImGui::Begin("order", nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (BeginPlot("order", "", ImVec2(-1, 500), AxisSpec{"t", "d", Scale::kLinear, &x_state},
                  AxisSpec{"", "u", Scale::kLinear, &y_state})) {
      PlotMarkers("", std::span(&marker_x, 1), std::span(&marker_y, 1), Marker::kDiamond, ItemStyle{kMarker, 1.5f, false});
      PlotRefLineY("LLN 100/uL", 100.0, ItemStyle{kRef, 1.5f, false});  // queued before the data, as the viewer does
      PlotLine("line", x, mid, ItemStyle{kLine, 4.0f, false});
      EndPlot();
    }
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < dl->VtxBuffer.Size; ++i) {
      if (dl->VtxBuffer[i].col == kRef) last_ref = i;
      if (dl->VtxBuffer[i].col == kLine) last_line = i;
      if (dl->VtxBuffer[i].col == kMarker && first_marker < 0) first_marker = i;
    }
    ImGui::End();
  });
  ASSERT_GE(last_line, 0);
  EXPECT_GT(last_ref, last_line) << "the label's glyphs must come after the curve in the draw list";
  EXPECT_GT(first_marker, last_ref) << "published points must stay visible over labels";
}

// Horizontal extent of the label backgrounds (the light boxes behind plot labels) in the last plot.
struct LabelSpan {
  float min_x = 1e9f, max_x = -1e9f;
};

TEST_F(PlotFixture, AReferenceLineLabelMovesLeftOfAPublishedPointAtItsRightEnd) {
  constexpr ImU32 kLabelBackground = IM_COL32(255, 255, 255, 215);
  const auto label_span = [&](bool with_marker) {
    const double marker_x = 98.0, marker_y = 33.0;  // just above the line's right end, where its label goes
    LabelSpan span;
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1000, 700));
      ImGui::Begin("placement", nullptr, ImGuiWindowFlags_NoSavedSettings);
      if (BeginPlot("placement", "", ImVec2(-1, 500), AxisSpec{"t", "d", Scale::kLinear, &x_state},
                    AxisSpec{"", "u", Scale::kLinear, &y_state})) {
        PlotLine("line", x, mid, ItemStyle{IM_COL32_BLACK, 1.5f, false});
        PlotRefLineY("LLN 30", 30.0, ItemStyle{IM_COL32(200, 0, 0, 255), 1.5f, false});
        if (with_marker) PlotMarkers("", std::span(&marker_x, 1), std::span(&marker_y, 1), Marker::kDiamond, ItemStyle{IM_COL32(0, 160, 0, 255), 1.5f, false});
        EndPlot();
      }
      const ImDrawList* dl = ImGui::GetWindowDrawList();
      for (const ImDrawVert& v : dl->VtxBuffer) {
        if (v.col != kLabelBackground) continue;
        span.min_x = std::min(span.min_x, v.pos.x);
        span.max_x = std::max(span.max_x, v.pos.x);
      }
      ImGui::End();
    });
    return span;
  };
  const LabelSpan free = label_span(false);
  const LabelSpan moved = label_span(true);
  EXPECT_GT(free.min_x, 800.0f) << "at the right end when nothing is there";
  EXPECT_LT(moved.max_x, 300.0f) << "at the left end when a point is at the right";
}

}  // namespace
}  // namespace alemsim::plot
