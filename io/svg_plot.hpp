// A small SVG plotter for the validation report: panels side by side with lines, shaded bands,
// points with error bars and dotted guide lines, one shared legend below. No dependency beyond the
// standard library; the output is a complete SVG document.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace alemsim::svg {

// Colour-blind-safe palette (Okabe & Ito 2008).
inline constexpr const char* kBlue = "#0072B2";
inline constexpr const char* kSkyBlue = "#56B4E9";
inline constexpr const char* kVermillion = "#D55E00";
inline constexpr const char* kGreen = "#009E73";
inline constexpr const char* kOrange = "#E69F00";
inline constexpr const char* kPurple = "#CC79A7";
inline constexpr const char* kGrey = "#666666";

struct Line {
  std::string label;  // legend entry; empty: none
  std::vector<double> x, y;
  std::string color = kBlue;
  bool dashed = false;
  double width_px = 2.0;
};

// Shaded region between two curves on the same x (e.g. 5th-95th percentile).
struct Band {
  std::string label;
  std::vector<double> x, y_low, y_high;
  std::string color = kSkyBlue;
  double opacity = 0.25;
};

enum class Marker { kCircle, kSquare, kDiamond };

// Points with optional vertical error bars (y_low/y_high empty: none).
struct Points {
  std::string label;
  std::vector<double> x, y, y_low, y_high;
  std::string color = kVermillion;
  Marker marker = Marker::kCircle;
};

// A dotted horizontal (y = at) or vertical (x = at) line with a short label at its end.
struct Guide {
  double at = 0.0;
  bool vertical = false;
  std::string label;
};

struct Panel {
  std::string title;
  std::string x_label;  // with unit, e.g. "months after the first infusion"
  std::string y_label;  // with unit, e.g. "CD4+ T cells (cells/µL)"
  double x_min = 0.0, x_max = 1.0, y_min = 0.0, y_max = 1.0;
  bool log_y = false;        // decades; y_min must be > 0, values <= 0 are left out
  double x_tick_step = 0.0;  // 0: round steps chosen from the range; e.g. 3 for months
  // Named categories at x = 0, 1, ...: ticks there labelled with these instead of numbers (study arms).
  std::vector<std::string> x_categories;
  std::vector<Band> bands;   // drawn first
  std::vector<Guide> guides;
  std::vector<Line> lines;
  std::vector<Points> points;  // drawn last, on top, not clipped (a point on the axis edge stays whole)
};

// The figure: panels left to right, each panel_width_px x panel_height_px including its axes, and a
// legend of every distinct label below. Lines and bands are clipped to their panel's axes.
std::string render(std::span<const Panel> panels, double panel_width_px = 470.0, double panel_height_px = 330.0);

// About `target` round tick positions (1, 2 or 5 times a power of ten) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target = 6);

}  // namespace alemsim::svg
