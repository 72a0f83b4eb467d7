#include "io/svg_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace alemsim::svg {
namespace {

// Space around each panel's axes, px: tick labels and the y label on the left, the title on top,
// tick labels and the x label below.
constexpr double kLeft = 66.0;
constexpr double kRight = 18.0;
constexpr double kTop = 30.0;
constexpr double kBottom = 46.0;
constexpr double kLegendRow = 20.0;
constexpr double kLegendMargin = 14.0;
constexpr const char* kFont = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\"";

std::string escape(const std::string& text) {
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

// Tick label with as many decimals as the tick step needs.
std::string tick_label(double value, double step) {
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  if (std::abs(value) < step * 1e-6) value = 0.0;
  return fmt::format("{:.{}f}", value, decimals);
}

// Powers of ten within [lo, hi], lo > 0.
std::vector<double> decade_ticks(double lo, double hi) {
  std::vector<double> ticks;
  for (double e = std::ceil(std::log10(lo) - 1e-9); e <= std::log10(hi) + 1e-9; e += 1.0)
    ticks.push_back(std::pow(10.0, e));
  return ticks;
}

double step_of(const std::vector<double>& ticks, double range) {
  return ticks.size() > 1 ? ticks[1] - ticks[0] : range;
}

struct Frame {
  double left, top, width, height;  // plot area, px
  const Panel& p;
  double sx(double x) const { return left + (x - p.x_min) / (p.x_max - p.x_min) * width; }
  double sy(double y) const {
    if (p.log_y) return top + height - std::log10(y / p.y_min) / std::log10(p.y_max / p.y_min) * height;
    return top + height - (y - p.y_min) / (p.y_max - p.y_min) * height;
  }
  bool plottable(double x, double y) const { return std::isfinite(x) && std::isfinite(y) && (!p.log_y || y > 0.0); }
};

std::string marker_svg(Marker m, double x, double y, const std::string& color) {
  switch (m) {
    case Marker::kCircle:
      return fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\" stroke=\"white\" stroke-width=\"1\"/>\n", x, y,
          color);
    case Marker::kSquare:
      return fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" height=\"8\" fill=\"{}\" stroke=\"white\" "
          "stroke-width=\"1\"/>\n",
          x - 4.0, y - 4.0, color);
    case Marker::kDiamond:
      return fmt::format(
          "<polygon points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\" stroke=\"white\" "
          "stroke-width=\"1\"/>\n",
          x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y, color);
  }
  return "";
}

std::string error_bar_svg(double x, double y_low, double y_high, const std::string& color) {
  return fmt::format(
      "<path d=\"M{0:.1f},{1:.1f} V{2:.1f} M{3:.1f},{1:.1f} H{4:.1f} M{3:.1f},{2:.1f} H{4:.1f}\" stroke=\"{5}\" "
      "stroke-width=\"1.5\" fill=\"none\"/>\n",
      x, y_low, y_high, x - 4.0, x + 4.0, color);
}

std::string dash_attr(bool dashed) { return dashed ? " stroke-dasharray=\"7,4\"" : ""; }

// Polyline of the finite points; a NaN breaks the line.
std::string line_svg(const Frame& f, const Line& line) {
  std::string out;
  std::string segment;
  const auto flush = [&] {
    if (!segment.empty()) {
      out += fmt::format(
          "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1f}\" stroke-linejoin=\"round\"{}/>\n",
          segment, line.color, line.width_px, dash_attr(line.dashed));
    }
    segment.clear();
  };
  for (std::size_t i = 0; i < line.x.size(); ++i) {
    if (!f.plottable(line.x[i], line.y[i])) {
      flush();
      continue;
    }
    segment += fmt::format("{}{:.1f},{:.1f}", segment.empty() ? "" : " ", f.sx(line.x[i]), f.sy(line.y[i]));
  }
  flush();
  return out;
}

std::string band_svg(const Frame& f, const Band& band) {
  // On a log axis a band edge at or below zero is drawn just below the axis (and clipped there).
  const auto y_of = [&](double y) { return f.sy(f.p.log_y ? std::max(y, f.p.y_min * 1e-3) : y); };
  std::string points;
  for (std::size_t i = 0; i < band.x.size(); ++i)
    points += fmt::format("{:.1f},{:.1f} ", f.sx(band.x[i]), y_of(band.y_high[i]));
  for (std::size_t i = band.x.size(); i-- > 0;)
    points += fmt::format("{:.1f},{:.1f} ", f.sx(band.x[i]), y_of(band.y_low[i]));
  return fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"{:.2f}\" stroke=\"none\"/>\n", points,
                     band.color, band.opacity);
}

// `row` staggers the labels of vertical guides so that neighbouring ones do not overlap.
std::string guide_svg(const Frame& f, const Guide& g, int row) {
  const std::string style = "stroke=\"#888888\" stroke-width=\"1.2\" stroke-dasharray=\"2,3\"";
  if (g.vertical) {
    // The label goes on the side of the line with more room, so it stays inside the axes.
    const double x = f.sx(g.at);
    const bool right_half = x > f.left + 0.6 * f.width;
    return fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" {3}/>\n"
        "<text x=\"{4:.1f}\" y=\"{5:.1f}\" font-size=\"10\" fill=\"#555555\" text-anchor=\"{6}\">{7}</text>\n",
        x, f.top, f.top + f.height, style, right_half ? x - 3.0 : x + 3.0, f.top + 11.0 + 12.0 * (row % 2),
        right_half ? "end" : "start", escape(g.label));
  }
  const double y = f.sy(g.at);
  return fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" {3}/>\n"
      "<text x=\"{4:.1f}\" y=\"{5:.1f}\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">{6}</text>\n",
      f.left, y, f.left + f.width, style, f.left + f.width - 3.0, y - 3.0, escape(g.label));
}

std::string axes_svg(const Frame& f) {
  const Panel& p = f.p;
  std::string out;
  const auto yt = p.log_y ? decade_ticks(p.y_min, p.y_max) : nice_ticks(p.y_min, p.y_max);
  for (double y : yt) {
    const double sy = f.sy(y);
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e6e6e6\" stroke-width=\"1\"/>\n",
        f.left, sy, f.left + f.width, sy);
    out +=
        fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\" fill=\"#333333\">{}</text>\n",
                    f.left - 6.0, sy + 4.0,
                    p.log_y ? tick_label(y, std::min(1.0, y)) : tick_label(y, step_of(yt, p.y_max - p.y_min)));
  }
  std::vector<double> xt;
  if (!p.x_categories.empty()) {
    for (std::size_t i = 0; i < p.x_categories.size(); ++i) xt.push_back(static_cast<double>(i));
  } else if (p.x_tick_step > 0.0) {
    for (double x = std::ceil(p.x_min / p.x_tick_step - 1e-9) * p.x_tick_step; x <= p.x_max + 1e-9; x += p.x_tick_step)
      xt.push_back(x);
  } else {
    xt = nice_ticks(p.x_min, p.x_max);
  }
  for (double x : xt) {
    const double sx = f.sx(x);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
        sx, f.top + f.height, f.top + f.height + 4.0);
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\">{}</text>\n", sx,
        f.top + f.height + 16.0,
        p.x_categories.empty() ? tick_label(x, step_of(xt, p.x_max - p.x_min))
                               : escape(p.x_categories[static_cast<std::size_t>(std::lround(x))]));
  }
  out += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" stroke=\"#333333\" "
      "stroke-width=\"1\"/>\n",
      f.left, f.top, f.width, f.height);
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#111111\">{}</text>\n",
      f.left + f.width / 2.0, f.top + f.height + 34.0, escape(p.x_label));
  const double yx = f.left - 50.0;
  const double yy = f.top + f.height / 2.0;
  out += fmt::format(
      "<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#111111\" "
      "transform=\"rotate(-90 {0:.1f} {1:.1f})\">{2}</text>\n",
      yx, yy, escape(p.y_label));
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" "
      "fill=\"#111111\">{}</text>\n",
      f.left + f.width / 2.0, f.top - 10.0, escape(p.title));
  return out;
}

void check(const Panel& p) {
  if (!(p.x_max > p.x_min) || !(p.y_max > p.y_min))
    throw std::invalid_argument("svg panel '" + p.title + "': empty axis range");
  if (p.log_y && !(p.y_min > 0.0)) throw std::invalid_argument("svg panel '" + p.title + "': log axis needs y_min > 0");
  for (const Line& l : p.lines) {
    if (l.x.size() != l.y.size()) throw std::invalid_argument("svg line '" + l.label + "': x and y differ in length");
  }
  for (const Band& b : p.bands) {
    if (b.x.size() != b.y_low.size() || b.x.size() != b.y_high.size()) {
      throw std::invalid_argument("svg band '" + b.label + "': x, y_low and y_high differ in length");
    }
  }
  for (const Points& s : p.points) {
    const bool bars = !s.y_low.empty() || !s.y_high.empty();
    if (s.x.size() != s.y.size() || (bars && (s.y_low.size() != s.x.size() || s.y_high.size() != s.x.size()))) {
      throw std::invalid_argument("svg points '" + s.label + "': x, y and error bars differ in length");
    }
  }
}

// One legend entry: its label and how to draw its sample (24 px wide, centred on y).
struct LegendEntry {
  std::string label;
  std::function<std::string(double x, double y)> sample;
};

// One entry per distinct label, in order of first appearance: lines, then bands, then points.
std::vector<LegendEntry> legend_entries(std::span<const Panel> panels) {
  std::vector<LegendEntry> entries;
  const auto fresh = [&](const std::string& label) {
    return !label.empty() &&
           std::none_of(entries.begin(), entries.end(), [&](const LegendEntry& e) { return e.label == label; });
  };
  for (const Panel& p : panels) {
    for (const Line& l : p.lines) {
      if (!fresh(l.label)) continue;
      entries.push_back({l.label, [l](double x, double y) {
                           return fmt::format(
                               "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                               "stroke-width=\"{:.1f}\"{}/>\n",
                               x, y, x + 24.0, y, l.color, l.width_px, dash_attr(l.dashed));
                         }});
    }
    for (const Band& b : p.bands) {
      if (!fresh(b.label)) continue;
      entries.push_back({b.label, [b](double x, double y) {
                           return fmt::format(
                               "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"24\" height=\"10\" fill=\"{}\" "
                               "fill-opacity=\"{:.2f}\"/>\n",
                               x, y - 5.0, b.color, b.opacity);
                         }});
    }
    for (const Points& s : p.points) {
      if (!fresh(s.label)) continue;
      entries.push_back({s.label, [s](double x, double y) {
                           std::string out = s.y_low.empty() ? "" : error_bar_svg(x + 12.0, y + 7.0, y - 7.0, s.color);
                           return out + marker_svg(s.marker, x + 12.0, y, s.color);
                         }});
    }
  }
  return entries;
}

// Approximate width of an entry at font size 11: sample, gap, about 6.3 px per character.
double entry_width(const LegendEntry& e) { return 32.0 + 6.3 * static_cast<double>(e.label.size()) + 24.0; }

// Entries flow left to right and wrap at `width`; returns the rows used.
int layout_legend(const std::vector<LegendEntry>& entries, double width, double top, std::string* out) {
  double x = kLegendMargin;
  int row = 0;
  for (const LegendEntry& e : entries) {
    if (x > kLegendMargin && x + entry_width(e) > width) {
      x = kLegendMargin;
      ++row;
    }
    const double y = top + row * kLegendRow;
    if (out != nullptr) {
      *out += e.sample(x, y);
      *out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#111111\">{}</text>\n", x + 32.0,
                          y + 4.0, escape(e.label));
    }
    x += entry_width(e);
  }
  return entries.empty() ? 0 : row + 1;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  const double raw = (hi - lo) / std::max(1, target - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push_back(t);
  return ticks;
}

std::string render(std::span<const Panel> panels, double panel_width_px, double panel_height_px) {
  for (const Panel& p : panels) check(p);
  const double width = panel_width_px * static_cast<double>(panels.size());
  const std::vector<LegendEntry> legend = legend_entries(panels);
  const double legend_top = panel_height_px + 6.0;
  const int rows = layout_legend(legend, width, legend_top, nullptr);
  const double height = panel_height_px + rows * kLegendRow + 12.0;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "{2}>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      width, height, kFont);
  for (std::size_t k = 0; k < panels.size(); ++k) {
    const Panel& p = panels[k];
    const Frame f{static_cast<double>(k) * panel_width_px + kLeft, kTop, panel_width_px - kLeft - kRight,
                  panel_height_px - kTop - kBottom, p};
    out += fmt::format(
        "<clipPath id=\"plot{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/></clipPath>\n", k,
        f.left, f.top, f.width, f.height);
    out += axes_svg(f);
    out += fmt::format("<g clip-path=\"url(#plot{})\">\n", k);
    for (const Band& b : p.bands) out += band_svg(f, b);
    int vertical = 0;
    for (const Guide& g : p.guides) out += guide_svg(f, g, g.vertical ? vertical++ : 0);
    for (const Line& l : p.lines) out += line_svg(f, l);
    out += "</g>\n";
    for (const Points& s : p.points) {
      for (std::size_t i = 0; i < s.x.size(); ++i) {
        if (!f.plottable(s.x[i], s.y[i])) continue;
        if (!s.y_low.empty()) out += error_bar_svg(f.sx(s.x[i]), f.sy(s.y_low[i]), f.sy(s.y_high[i]), s.color);
        out += marker_svg(s.marker, f.sx(s.x[i]), f.sy(s.y[i]), s.color);
      }
    }
  }
  layout_legend(legend, width, legend_top, &out);
  out += "</svg>\n";
  return out;
}

}  // namespace alemsim::svg
