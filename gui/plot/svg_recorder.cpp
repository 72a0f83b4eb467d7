#include "gui/plot/svg_recorder.hpp"

#include <cstdio>

namespace alemsim::plot {
namespace {

// ImGui sizes a font by its line height (ascent + descent), CSS by its em: DejaVu Sans's line is
// 1.164 em (ascent 0.928, descent 0.236), so text of ImGui size 16 is CSS size 13.7.
constexpr float kEmPerLineHeight = 1.0f / 1.164f;

std::string number(float v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(v));
  return buffer;
}

// fill="rgb(..)" fill-opacity=".."; "none" for a fully transparent colour.
std::string paint(const char* what, ImU32 color) {
  const unsigned r = (color >> IM_COL32_R_SHIFT) & 0xFF, g = (color >> IM_COL32_G_SHIFT) & 0xFF,
                 b = (color >> IM_COL32_B_SHIFT) & 0xFF, a = (color >> IM_COL32_A_SHIFT) & 0xFF;
  if (a == 0) return std::string(" ") + what + "=\"none\"";
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, " %s=\"rgb(%u,%u,%u)\"", what, r, g, b);
  std::string out = buffer;
  if (a != 255) {
    std::snprintf(buffer, sizeof buffer, " %s-opacity=\"%.3f\"", what, a / 255.0);
    out += buffer;
  }
  return out;
}

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string points_attribute(std::span<const ImVec2> points) {
  std::string out;
  for (const ImVec2& p : points) out += number(p.x) + "," + number(p.y) + " ";
  return out;
}

}  // namespace

void SvgRecorder::line(ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  body_ += "<line x1=\"" + number(a.x) + "\" y1=\"" + number(a.y) + "\" x2=\"" + number(b.x) + "\" y2=\"" + number(b.y) + "\"" +
           paint("stroke", color) + " stroke-width=\"" + number(thickness) + "\"/>\n";
}

void SvgRecorder::polyline(std::span<const ImVec2> points, ImU32 color, float thickness) {
  if (points.size() < 2) return;
  body_ += "<polyline points=\"" + points_attribute(points) + "\" fill=\"none\"" + paint("stroke", color) +
           " stroke-width=\"" + number(thickness) + "\" stroke-linejoin=\"round\"/>\n";
}

void SvgRecorder::rect(ImVec2 min, ImVec2 max, ImU32 color) {
  body_ += "<rect x=\"" + number(min.x) + "\" y=\"" + number(min.y) + "\" width=\"" + number(max.x - min.x) + "\" height=\"" +
           number(max.y - min.y) + "\" fill=\"none\"" + paint("stroke", color) + "/>\n";
}

void SvgRecorder::rect_filled(ImVec2 min, ImVec2 max, ImU32 color, float rounding) {
  body_ += "<rect x=\"" + number(min.x) + "\" y=\"" + number(min.y) + "\" width=\"" + number(max.x - min.x) + "\" height=\"" +
           number(max.y - min.y) + "\"" + (rounding > 0.0f ? " rx=\"" + number(rounding) + "\"" : std::string()) +
           paint("fill", color) + "/>\n";
}

void SvgRecorder::polygon(std::span<const ImVec2> points, ImU32 fill, ImU32 stroke) {
  // Without an outline it is a piece of a band: crisp edges, so neighbouring pieces meet without
  // the seams anti-aliasing would draw between them (as DrawBandQuads avoids on screen).
  body_ += "<polygon points=\"" + points_attribute(points) + "\"" + paint("fill", fill) +
           (stroke != 0 ? paint("stroke", stroke) : std::string(" shape-rendering=\"crispEdges\"")) + "/>\n";
}

void SvgRecorder::circle(ImVec2 centre, float radius, ImU32 fill, ImU32 stroke) {
  body_ += "<circle cx=\"" + number(centre.x) + "\" cy=\"" + number(centre.y) + "\" r=\"" + number(radius) + "\"" +
           paint("fill", fill) + (stroke != 0 ? paint("stroke", stroke) : std::string()) + "/>\n";
}

void SvgRecorder::text(ImVec2 top_left, ImU32 color, std::string_view text) {
  body_ += "<text x=\"" + number(top_left.x) + "\" y=\"" + number(top_left.y + ascent_) + "\"" + paint("fill", color) + ">" +
           escaped(text) + "</text>\n";
}

void SvgRecorder::text_vertical(ImVec2 bottom_left, ImU32 color, std::string_view text) {
  body_ += "<text transform=\"translate(" + number(bottom_left.x) + "," + number(bottom_left.y) + ") rotate(-90)\" x=\"0\" y=\"" +
           number(ascent_) + "\"" + paint("fill", color) + ">" + escaped(text) + "</text>\n";
}

void SvgRecorder::push_clip(ImVec2 min, ImVec2 max) {
  const std::string id = "clip" + std::to_string(clips_++);
  body_ += "<clipPath id=\"" + id + "\"><rect x=\"" + number(min.x) + "\" y=\"" + number(min.y) + "\" width=\"" +
           number(max.x - min.x) + "\" height=\"" + number(max.y - min.y) + "\"/></clipPath>\n<g clip-path=\"url(#" + id + ")\">\n";
  ++open_groups_;
}

void SvgRecorder::pop_clip() {
  if (open_groups_ == 0) return;
  body_ += "</g>\n";
  --open_groups_;
}

std::string SvgRecorder::document(float width, float height) const {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width) +
                    "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + number(width) + " " + number(height) +
                    "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"" + number(font_px_ * kEmPerLineHeight) + "\">\n" +
                    "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body_;
  for (int i = 0; i < open_groups_; ++i) out += "</g>\n";
  return out + "</svg>\n";
}

}  // namespace alemsim::plot
