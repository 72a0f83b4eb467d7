// A small immediate-mode plotting API on ImGui's ImDrawList, shaped like ImPlot (which Debian does
// not package): BeginPlot, then Plot* calls that queue items, then EndPlot, which fits the axes,
// draws everything clipped to the plot area and handles the mouse.
//
// Mouse: wheel zooms the x axis about the cursor, Ctrl+wheel the y axis; left drag pans; right drag
// selects an x interval to zoom into; double-click returns both axes to fitting the data. Hovering
// shows a cursor line and a read-out of every item's value there, with units.
//
// Data passed to Plot* calls is not copied: it must stay valid until EndPlot returns.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "gui/plot/axis.hpp"
#include "gui/plot/band_geometry.hpp"

namespace alemsim::plot {

// The view of one axis, owned by the caller and kept between frames. Plots given the same AxisState
// share their view: zooming one zooms all (the viewer links every time axis this way).
struct AxisState {
  Range range{0.0, 1.0};
  bool auto_fit = true;  // fit the data each frame until the user zooms or pans
};

struct AxisSpec {
  AxisSpec() = default;
  AxisSpec(std::string_view label_text, std::string_view unit_text, Scale axis_scale, AxisState* axis_state,
           AxisDisplay shown_as = {}, bool with_title = true)
      : label(label_text), unit(unit_text), scale(axis_scale), state(axis_state), display(shown_as), title(with_title) {}
  std::string_view label;  // "Time since first infusion"
  std::string_view unit;   // "days": shown after the label and after every read-out value
  Scale scale = Scale::kLinear;
  AxisState* state = nullptr;  // required; must outlive the plot
  AxisDisplay display;         // how tick labels and read-outs show the values (`unit` names the shown unit)
  bool title = true;           // false: ticks only, no axis title (plots stacked on one shared axis)
};

struct ItemStyle {
  ImU32 color = IM_COL32(0, 0, 0, 255);
  float thickness = 1.5f;  // line width in pixels (lines and segments)
  bool legend = true;      // listed in the legend
  bool readout = true;     // listed in the hover read-out
  bool fit = true;         // taken into account when the axes fit the data
};

enum class Marker { kCircle, kDiamond, kSquare, kTriangle };

// Returns false when the plot is scrolled out of view; then skip the Plot* calls and EndPlot.
// size.x <= 0 takes the available width.
bool BeginPlot(const char* id, const char* title, ImVec2 size, const AxisSpec& x, const AxisSpec& y);

void PlotLine(const char* name, std::span<const double> x, std::span<const double> y, const ItemStyle& style);

// Filled region between lo and hi (same x), drawn one quad per segment.
void PlotBand(const char* name, std::span<const double> x, std::span<const double> lo, std::span<const double> hi,
              const ItemStyle& style);

// Dashed reference line across the plot, labelled at its right (horizontal) or top (vertical) end.
void PlotRefLineY(const char* label, double y, const ItemStyle& style);
void PlotRefLineX(const char* label, double x, const ItemStyle& style);

// Points drawn with a shape and a dark outline; `name` goes to the legend (if style.legend).
// Label single points with PlotText.
void PlotMarkers(const char* name, std::span<const double> x, std::span<const double> y, Marker shape,
                 const ItemStyle& style);

// Text anchored at a data point, moved by `pixel_offset`, on a light background so it stays legible
// over curves. Text that would leave the plot on the right is mirrored to the left of the point.
void PlotText(const char* text, double x, double y, ImVec2 pixel_offset, ImU32 color);

// A straight segment between two data points (e.g. the slope a half-life is read from).
void PlotSegment(double x0, double y0, double x1, double y1, const ItemStyle& style);

void EndPlot();

// A row of legend entries drawn at the cursor, wrapping at the window's edge: a line or a band
// swatch and a name each. For what several plots share, above them.
struct LegendEntry {
  std::string name;
  ImU32 color;
  bool band = false;  // a filled swatch (a percentile band) instead of a line
};
void LegendRow(std::span<const LegendEntry> entries);

// SVG export: between these calls every plot and legend row drawn is also written as SVG, in the
// same pixel coordinates as on screen. EndSvgRecording returns the document, `width` x `height`
// pixels (the window the plots were drawn in), and stops recording.
void BeginSvgRecording();
std::string EndSvgRecording(float width, float height);

// Colours and sizes shared by every plot: a light theme for screens, a high-contrast one and thicker
// lines for a projector.
struct PlotTheme {
  ImU32 background = IM_COL32(255, 255, 255, 255);
  ImU32 grid = IM_COL32(225, 228, 232, 255);
  ImU32 grid_minor = IM_COL32(240, 242, 245, 255);
  ImU32 border = IM_COL32(150, 155, 160, 255);
  ImU32 label_background = IM_COL32(255, 255, 255, 215);
  float line_scale = 1.0f;  // multiplies every item's line thickness
  float marker_radius = 4.5f;
};
void SetPlotTheme(const PlotTheme& theme);
const PlotTheme& GetPlotTheme();

// What the last EndPlot drew, for tests and for exporting the plot area.
struct PlotStats {
  std::string title;      // as given to BeginPlot
  int frame = -1;         // ImGui frame count when it was drawn (a plot no longer drawn keeps an old one)
  int band_quads = 0;     // quads emitted by PlotBand items
  int line_samples = 0;   // points emitted by PlotLine items after decimation
  int lines = 0;          // PlotLine items drawn
  int texts_hidden = 0;   // PlotText labels left out because they would cover another label
  int visible_ref_lines_y = 0;  // horizontal reference lines inside the plot area
  int visible_markers = 0;      // PlotMarkers points inside the plot area
  ImVec2 area_min;        // plot area (inside the axes), screen pixels
  ImVec2 area_max;
  Range x_range;          // axis ranges after fitting and mouse input
  Range y_range;
  std::string x_title;    // the x axis title with its unit, "Time since first infusion (years)"
  std::vector<std::string> x_tick_labels;  // labelled x ticks, left to right
};
PlotStats LastPlotStats();
// What the last EndPlot of the plot titled `title` drew (all zero when there was none).
PlotStats LastPlotStats(std::string_view title);

// Emits each quad as 4 vertices and 6 indices (two triangles), without anti-aliasing fringes: the
// fringes of neighbouring quads would overlap and draw seams across a translucent band.
void DrawBandQuads(ImDrawList* draw_list, std::span<const Quad> quads, ImU32 color);

// Text rotated 90 degrees counter-clockwise (reads bottom to top), starting at `bottom_left`.
void AddTextVertical(ImDrawList* draw_list, ImVec2 bottom_left, ImU32 color, std::string_view text);

}  // namespace alemsim::plot
