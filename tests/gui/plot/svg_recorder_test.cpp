#include <gtest/gtest.h>

#include "gui/plot/svg_recorder.hpp"

namespace alemsim::plot {
namespace {

TEST(SvgRecorder, WritesAWellFormedDocumentWithColoursOpacityAndEscapedText) {
  SvgRecorder svg(16.0f, 12.0f);
  svg.push_clip(ImVec2(10, 10), ImVec2(110, 60));
  svg.line(ImVec2(0, 0), ImVec2(10, 5), IM_COL32(215, 85, 20, 255), 2.0f);
  const ImVec2 band[4] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  svg.polygon(band, IM_COL32(66, 133, 244, 51), 0);
  svg.pop_clip();
  svg.text(ImVec2(5, 20), IM_COL32(0, 0, 0, 255), "CD4+ < 200 & \"LLN\"");
  svg.text_vertical(ImVec2(2, 80), IM_COL32(0, 0, 0, 255), "ng/mL");
  const std::string doc = svg.document(200, 100);
  EXPECT_EQ(doc.rfind("<?xml", 0), 0u);
  EXPECT_NE(doc.find("width=\"200.00\" height=\"100.00\" viewBox=\"0 0 200.00 100.00\""), std::string::npos);
  EXPECT_NE(doc.find("stroke=\"rgb(215,85,20)\" stroke-width=\"2.00\""), std::string::npos);
  EXPECT_NE(doc.find("fill=\"rgb(66,133,244)\" fill-opacity=\"0.200\" shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(doc.find(">CD4+ &lt; 200 &amp; &quot;LLN&quot;</text>"), std::string::npos) << doc;
  EXPECT_NE(doc.find("y=\"32.00\""), std::string::npos);  // the baseline: top + ascent
  EXPECT_NE(doc.find("transform=\"translate(2.00,80.00) rotate(-90)\""), std::string::npos);
  EXPECT_NE(doc.find("clip-path=\"url(#clip0)\""), std::string::npos);
  EXPECT_EQ(doc.substr(doc.size() - 7), "</svg>\n");
}

TEST(SvgRecorder, AnUnclosedClipIsClosedAndATransparentColourPaintsNothing) {
  SvgRecorder svg(16.0f, 12.0f);
  svg.push_clip(ImVec2(0, 0), ImVec2(1, 1));
  svg.rect_filled(ImVec2(0, 0), ImVec2(1, 1), IM_COL32(0, 0, 0, 0));
  const std::string doc = svg.document(10, 10);
  EXPECT_NE(doc.find("fill=\"none\""), std::string::npos);
  EXPECT_NE(doc.find("</g>\n</svg>"), std::string::npos);
}

}  // namespace
}  // namespace alemsim::plot
