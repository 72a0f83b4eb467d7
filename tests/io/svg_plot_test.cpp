// The report's SVG plotter: round ticks, escaping, clipping to the axes, and refusal of bad panels.
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/svg_plot.hpp"

namespace alemsim::svg {
namespace {

Panel panel_with_line() {
  Panel p;
  p.title = "CD4+ <T> & cells";
  p.x_label = "months";
  p.y_label = "cells/µL";
  p.x_max = 24.0;
  p.y_max = 1000.0;
  p.lines.push_back({"typical patient", {0.0, 12.0, 24.0}, {980.0, 60.0, 300.0}, kBlue, false, 2.0});
  return p;
}

TEST(SvgPlot, TicksAreRoundAndCoverTheRange) {
  EXPECT_EQ(nice_ticks(0.0, 1000.0), (std::vector<double>{0, 200, 400, 600, 800, 1000}));
  EXPECT_EQ(nice_ticks(0.0, 15.0), (std::vector<double>{0, 5, 10, 15}));
  const auto small = nice_ticks(0.0, 0.5);
  EXPECT_DOUBLE_EQ(small.front(), 0.0);
  EXPECT_NEAR(small.back(), 0.5, 1e-12);
}

TEST(SvgPlot, RendersACompleteDocumentWithEscapedText) {
  const std::vector<Panel> panels{panel_with_line()};
  const std::string svg = render(panels);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("CD4+ &lt;T&gt; &amp; cells"), std::string::npos);
  EXPECT_EQ(svg.find("<T>"), std::string::npos);
  EXPECT_NE(svg.find("clip-path=\"url(#plot0)\""), std::string::npos) << "lines are clipped to the axes";
  EXPECT_NE(svg.find("typical patient"), std::string::npos) << "legend";
}

TEST(SvgPlot, ANonPositiveValueOnALogAxisBreaksTheLine) {
  Panel p = panel_with_line();
  p.log_y = true;
  p.y_min = 0.1;
  p.lines[0].y = {100.0, 0.0, 10.0};
  const std::vector<Panel> panels{p};
  const std::string svg = render(panels);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
}

TEST(SvgPlot, RefusesPanelsThatCannotBeDrawn) {
  Panel empty_range = panel_with_line();
  empty_range.x_max = empty_range.x_min;
  Panel ragged = panel_with_line();
  ragged.lines[0].y.pop_back();
  Panel log_from_zero = panel_with_line();
  log_from_zero.log_y = true;
  Panel bars = panel_with_line();
  bars.points.push_back({"reference", {1.0}, {50.0}, {20.0}, {}, kVermillion, Marker::kCircle});
  for (const Panel& p : {empty_range, ragged, log_from_zero, bars}) {
    const std::vector<Panel> panels{p};
    EXPECT_THROW(render(panels), std::invalid_argument);
  }
}

}  // namespace
}  // namespace alemsim::svg

namespace alemsim::svg {
namespace {

TEST(SvgPlot, NamedCategoriesReplaceNumericTicks) {
  Panel p;
  p.x_categories = {"typical <1>", "high & late"};
  p.x_min = -0.5;
  p.x_max = 1.5;
  p.points.push_back({"median", {0.0, 1.0}, {1.0, 2.0}, {}, {}});
  const std::string out = render(std::span(&p, 1));
  EXPECT_NE(out.find(">typical &lt;1&gt;</text>"), std::string::npos);
  EXPECT_NE(out.find(">high &amp; late</text>"), std::string::npos);
  EXPECT_EQ(out.find(">0.5</text>"), std::string::npos);  // no numeric x ticks
}

}  // namespace
}  // namespace alemsim::svg
