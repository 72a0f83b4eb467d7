// The SVG twin of the plot module's drawing: while recording, every shape and text a plot draws on
// ImGui's draw list is also written here as an SVG element, in the same pixel coordinates, so a
// figure exported for slides is the vector version of what is on screen. No ImGui state is read.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <imgui.h>

namespace alemsim::plot {

class SvgRecorder {
 public:
  // `ascent`: pixels from the top of a line of text to its baseline; `font_px`: the font size.
  SvgRecorder(float font_px, float ascent) : font_px_(font_px), ascent_(ascent) {}

  void line(ImVec2 a, ImVec2 b, ImU32 color, float thickness);
  void polyline(std::span<const ImVec2> points, ImU32 color, float thickness);
  void rect(ImVec2 min, ImVec2 max, ImU32 color);
  void rect_filled(ImVec2 min, ImVec2 max, ImU32 color, float rounding = 0.0f);
  void polygon(std::span<const ImVec2> points, ImU32 fill, ImU32 stroke);  // stroke 0: none
  void circle(ImVec2 centre, float radius, ImU32 fill, ImU32 stroke);
  void text(ImVec2 top_left, ImU32 color, std::string_view text);
  // Reads bottom to top, its line's top at bottom_left.x (AddTextVertical).
  void text_vertical(ImVec2 bottom_left, ImU32 color, std::string_view text);
  void push_clip(ImVec2 min, ImVec2 max);
  void pop_clip();

  // The whole document, `width` x `height` pixels, on a white background.
  std::string document(float width, float height) const;

 private:
  float font_px_;
  float ascent_;
  std::string body_;
  int clips_ = 0;
  int open_groups_ = 0;
};

}  // namespace alemsim::plot
