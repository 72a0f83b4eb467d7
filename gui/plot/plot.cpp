#include "gui/plot/plot.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <imgui_internal.h>

#include "gui/plot/decimate.hpp"
#include "gui/plot/svg_recorder.hpp"

namespace alemsim::plot {
namespace {

struct LineItem {
  std::string name;
  std::span<const double> x, y;
  ItemStyle style;
};
struct BandItem {
  std::string name;
  std::span<const double> x, lo, hi;
  ItemStyle style;
};
struct RefLineItem {
  std::string label;
  double value;
  bool horizontal;
  ItemStyle style;
};
struct MarkersItem {
  std::string name;
  std::span<const double> x, y;
  Marker shape;
  ItemStyle style;
};
struct TextItem {
  std::string text;
  double x, y;
  ImVec2 offset;
  ImU32 color;
};
struct SegmentItem {
  double x0, y0, x1, y1;
  ItemStyle style;
};
using Item = std::variant<LineItem, BandItem, RefLineItem, MarkersItem, TextItem, SegmentItem>;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

// The plot between BeginPlot and EndPlot. Plots do not nest, and ImGui runs on one thread, so one
// instance is enough (ImPlot keeps the same kind of context).
struct PlotContext {
  bool open = false;
  std::string title;
  AxisSpec x, y;
  ImRect frame;
  bool hovered = false;
  bool active = false;
  ImGuiID id = 0;
  std::vector<Item> items;
  PlotStats stats;
};
PlotContext g_plot;
// Stats of every plot drawn so far, by title: one entry per plot, overwritten each frame.
std::map<std::string, PlotStats> g_stats_by_title;

PlotTheme g_theme;
// Set between BeginSvgRecording and EndSvgRecording: every plot drawn is written to it as well.
std::unique_ptr<SvgRecorder> g_svg;

// Where a plot draws: ImGui's draw list and, while recording, its SVG twin.
struct Canvas {
  ImDrawList* dl;
  SvgRecorder* svg;

  void line(ImVec2 a, ImVec2 b, ImU32 color, float thickness = 1.0f) const {
    dl->AddLine(a, b, color, thickness);
    if (svg) svg->line(a, b, color, thickness);
  }
  void polyline(const std::vector<ImVec2>& points, ImU32 color, float thickness) const {
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, thickness);
    if (svg) svg->polyline(points, color, thickness);
  }
  void rect(ImVec2 min, ImVec2 max, ImU32 color) const {
    dl->AddRect(min, max, color);
    if (svg) svg->rect(min, max, color);
  }
  void rect_filled(ImVec2 min, ImVec2 max, ImU32 color, float rounding = 0.0f) const {
    dl->AddRectFilled(min, max, color, rounding);
    if (svg) svg->rect_filled(min, max, color, rounding);
  }
  void polygon(std::span<const ImVec2> p, ImU32 fill, ImU32 outline) const {
    if (p.size() == 3) {
      dl->AddTriangleFilled(p[0], p[1], p[2], fill);
      dl->AddTriangle(p[0], p[1], p[2], outline);
    } else {
      dl->AddQuadFilled(p[0], p[1], p[2], p[3], fill);
      dl->AddQuad(p[0], p[1], p[2], p[3], outline);
    }
    if (svg) svg->polygon(p, fill, outline);
  }
  void circle(ImVec2 c, float r, ImU32 fill, ImU32 outline) const {
    dl->AddCircleFilled(c, r, fill);
    dl->AddCircle(c, r, outline);
    if (svg) svg->circle(c, r, fill, outline);
  }
  void text(ImVec2 pos, ImU32 color, const std::string& text) const {
    dl->AddText(pos, color, text.c_str());
    if (svg) svg->text(pos, color, text);
  }
  void text_vertical(ImVec2 bottom_left, ImU32 color, std::string_view text) const {
    AddTextVertical(dl, bottom_left, color, text);
    if (svg) svg->text_vertical(bottom_left, color, text);
  }
  void band(std::span<const Quad> quads, ImU32 color) const {
    DrawBandQuads(dl, quads, color);
    if (!svg) return;
    for (const Quad& q : quads) {
      const ImVec2 corners[4] = {{q.corner[0].x, q.corner[0].y}, {q.corner[1].x, q.corner[1].y},
                                 {q.corner[2].x, q.corner[2].y}, {q.corner[3].x, q.corner[3].y}};
      svg->polygon(corners, color, 0);
    }
  }
  void push_clip(ImVec2 min, ImVec2 max) const {
    dl->PushClipRect(min, max, true);
    if (svg) svg->push_clip(min, max);
  }
  void pop_clip() const {
    dl->PopClipRect();
    if (svg) svg->pop_clip();
  }
};

Canvas window_canvas() { return {ImGui::GetWindowDrawList(), g_svg.get()}; }

std::string axis_title(const AxisSpec& axis) {
  if (axis.label.empty()) return std::string(axis.unit);
  if (axis.unit.empty()) return std::string(axis.label);
  return std::string(axis.label) + " (" + std::string(axis.unit) + ")";
}

// Linear interpolation of y at x; NaN outside the data.
double value_at(std::span<const double> xs, std::span<const double> ys, double x) {
  const std::size_t n = std::min(xs.size(), ys.size());
  if (n == 0 || x < xs[0] || x > xs[n - 1]) return std::nan("");
  const auto it = std::lower_bound(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n), x);
  const auto i = static_cast<std::size_t>(it - xs.begin());
  if (i == 0) return ys[0];
  const double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
  return ys[i - 1] + f * (ys[i] - ys[i - 1]);
}

struct Extent {
  double lo = INFINITY;
  double hi = -INFINITY;
  void add(double v, Scale scale) {
    if (!std::isfinite(v)) return;
    hi = std::max(hi, v);
    if (scale == Scale::kLinear || v > 0.0) lo = std::min(lo, v);
  }
};

void extend_x(Extent& e, std::span<const double> xs) {
  for (double v : xs) {
    if (std::isfinite(v)) {
      e.add(v, Scale::kLinear);
      break;
    }
  }
  for (auto it = xs.rbegin(); it != xs.rend(); ++it) {
    if (std::isfinite(*it)) {
      e.add(*it, Scale::kLinear);
      break;
    }
  }
}

// Adds the values of ys whose x lies in the visible x range.
void extend_y(Extent& e, std::span<const double> xs, std::span<const double> ys, Range x_view, Scale scale) {
  const std::size_t n = std::min(xs.size(), ys.size());
  const auto first = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n), x_view.min) - xs.begin());
  for (std::size_t i = first; i < n && xs[i] <= x_view.max; ++i) e.add(ys[i], scale);
}

void fit_axes(PlotContext& p) {
  AxisState& xs = *p.x.state;
  AxisState& ys = *p.y.state;
  if (xs.auto_fit) {
    Extent e;
    for (const Item& item : p.items) {
      if (const auto* line = std::get_if<LineItem>(&item); line && line->style.fit) extend_x(e, line->x);
      if (const auto* band = std::get_if<BandItem>(&item); band && band->style.fit) extend_x(e, band->x);
    }
    if (std::isfinite(e.lo) && e.hi > e.lo) xs.range = {e.lo, e.hi};
  }
  if (ys.auto_fit) {
    Extent e;
    const Scale scale = p.y.scale;
    for (const Item& item : p.items) {
      if (const auto* line = std::get_if<LineItem>(&item); line && line->style.fit) {
        extend_y(e, line->x, line->y, xs.range, scale);
      } else if (const auto* band = std::get_if<BandItem>(&item); band && band->style.fit) {
        extend_y(e, band->x, band->lo, xs.range, scale);
        extend_y(e, band->x, band->hi, xs.range, scale);
      } else if (const auto* ref = std::get_if<RefLineItem>(&item); ref && ref->horizontal && ref->style.fit) {
        e.add(ref->value, scale);
      } else if (const auto* markers = std::get_if<MarkersItem>(&item); markers && markers->style.fit) {
        // Markers need not be sorted by x.
        for (std::size_t i = 0; i < std::min(markers->x.size(), markers->y.size()); ++i) {
          if (markers->x[i] >= xs.range.min && markers->x[i] <= xs.range.max) e.add(markers->y[i], scale);
        }
      }
    }
    ys.range = fit_range(e.lo, e.hi, scale);
  }
  // A log axis cannot show values <= 0; a linear range carried over from earlier could hold them.
  if (p.y.scale == Scale::kLog10 && !(ys.range.min > 0.0)) ys.range = fit_range(ys.range.max, ys.range.max, Scale::kLog10);
}

void add_dashed_line(const Canvas& dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  constexpr float kDash = 7.0f;
  constexpr float kGap = 5.0f;
  const ImVec2 d(b.x - a.x, b.y - a.y);
  const float length = std::sqrt(d.x * d.x + d.y * d.y);
  if (length <= 0.0f) return;
  const ImVec2 u(d.x / length, d.y / length);
  for (float s = 0.0f; s < length; s += kDash + kGap) {
    const float e = std::min(s + kDash, length);
    dl.line(ImVec2(a.x + u.x * s, a.y + u.y * s), ImVec2(a.x + u.x * e, a.y + u.y * e), color, thickness);
  }
}

void add_marker(const Canvas& dl, ImVec2 c, Marker shape, ImU32 color, float r) {
  constexpr ImU32 kOutline = IM_COL32(40, 40, 40, 255);
  switch (shape) {
    case Marker::kCircle:
      dl.circle(c, r, color, kOutline);
      break;
    case Marker::kDiamond: {
      const float d = r * 1.3f;
      const ImVec2 p[4] = {{c.x, c.y - d}, {c.x + d, c.y}, {c.x, c.y + d}, {c.x - d, c.y}};
      dl.polygon(p, color, kOutline);
      break;
    }
    case Marker::kSquare: {
      const ImVec2 p[4] = {{c.x - r, c.y - r}, {c.x + r, c.y - r}, {c.x + r, c.y + r}, {c.x - r, c.y + r}};
      dl.polygon(p, color, kOutline);
      break;
    }
    case Marker::kTriangle: {
      const float d = r * 1.25f;
      const ImVec2 p[3] = {{c.x, c.y - d}, {c.x + d, c.y + d * 0.8f}, {c.x - d, c.y + d * 0.8f}};
      dl.polygon(p, color, kOutline);
      break;
    }
  }
}

void add_label(const Canvas& dl, ImVec2 pos, ImU32 color, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  dl.rect_filled(ImVec2(pos.x - 2, pos.y - 1), ImVec2(pos.x + size.x + 2, pos.y + size.y + 1), g_theme.label_background, 2.0f);
  dl.text(pos, color, text);
}

}  // namespace

bool BeginPlot(const char* id, const char* title, ImVec2 size, const AxisSpec& x, const AxisSpec& y) {
  IM_ASSERT(!g_plot.open && "BeginPlot: the previous plot was not ended");
  IM_ASSERT(x.state != nullptr && y.state != nullptr);
  ImGui::PushID(id);
  const ImVec2 available = ImGui::GetContentRegionAvail();
  if (size.x <= 0.0f) size.x = available.x;
  if (size.y <= 0.0f) size.y = available.y;
  size = ImVec2(std::max(size.x, 64.0f), std::max(size.y, 48.0f));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##plot", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  if (!ImGui::IsItemVisible()) {
    ImGui::PopID();
    return false;
  }
  g_plot.open = true;
  g_plot.title = title != nullptr ? title : "";
  g_plot.x = x;
  g_plot.y = y;
  g_plot.frame = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  g_plot.hovered = ImGui::IsItemHovered();
  g_plot.active = ImGui::IsItemActive();
  g_plot.id = ImGui::GetItemID();
  // The wheel zooms the plot; without this the window would also scroll.
  if (g_plot.hovered) ImGui::SetItemUsingMouseWheel();
  g_plot.items.clear();
  return true;
}

void PlotLine(const char* name, std::span<const double> x, std::span<const double> y, const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(LineItem{name, x, y, style});
}

void PlotBand(const char* name, std::span<const double> x, std::span<const double> lo, std::span<const double> hi,
              const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(BandItem{name, x, lo, hi, style});
}

void PlotRefLineY(const char* label, double y, const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(RefLineItem{label, y, true, style});
}

void PlotRefLineX(const char* label, double x, const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(RefLineItem{label, x, false, style});
}

void PlotMarkers(const char* name, std::span<const double> x, std::span<const double> y, Marker shape,
                 const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(MarkersItem{name, x, y, shape, style});
}

void PlotText(const char* text, double x, double y, ImVec2 pixel_offset, ImU32 color) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(TextItem{text, x, y, pixel_offset, color});
}

void PlotSegment(double x0, double y0, double x1, double y1, const ItemStyle& style) {
  IM_ASSERT(g_plot.open);
  g_plot.items.emplace_back(SegmentItem{x0, y0, x1, y1, style});
}

void DrawBandQuads(ImDrawList* dl, std::span<const Quad> quads, ImU32 color) {
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  // Reserve in chunks well below 65536 vertices: with 16-bit indices ImDrawList starts a new vertex
  // range between reservations, never inside one.
  constexpr std::size_t kChunk = 4096;
  for (std::size_t begin = 0; begin < quads.size(); begin += kChunk) {
    const std::size_t count = std::min(kChunk, quads.size() - begin);
    dl->PrimReserve(static_cast<int>(6 * count), static_cast<int>(4 * count));
    for (std::size_t k = begin; k < begin + count; ++k) {
      const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
      for (int i : {0, 1, 2, 0, 2, 3}) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
      for (const Point& c : quads[k].corner) dl->PrimWriteVtx(ImVec2(c.x, c.y), uv, color);
    }
  }
}

void AddTextVertical(ImDrawList* dl, ImVec2 bottom_left, ImU32 color, std::string_view text) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* s = text.data();
  const char* end = s + text.size();
  float pen = 0.0f;
  while (s < end) {
    unsigned int c = 0;
    const int bytes = ImTextCharFromUtf8(&c, s, end);
    if (bytes <= 0) break;
    s += bytes;
    const ImFontGlyph* glyph = font->FindGlyph(static_cast<ImWchar>(c));
    if (glyph == nullptr) continue;
    if (glyph->Visible) {
      // Glyph corners in text space (x along the baseline, y down from the line top), turned so
      // that text x runs up the screen and text y runs right.
      const auto at = [&](float gx, float gy) { return ImVec2(bottom_left.x + gy * scale, bottom_left.y - (pen + gx * scale)); };
      dl->PrimReserve(6, 4);
      dl->PrimQuadUV(at(glyph->X0, glyph->Y0), at(glyph->X1, glyph->Y0), at(glyph->X1, glyph->Y1), at(glyph->X0, glyph->Y1),
                     ImVec2(glyph->U0, glyph->V0), ImVec2(glyph->U1, glyph->V0), ImVec2(glyph->U1, glyph->V1),
                     ImVec2(glyph->U0, glyph->V1), color);
    }
    pen += glyph->AdvanceX * scale;
  }
}

namespace {

constexpr ImU32 kSelection = IM_COL32(60, 120, 220, 50);
constexpr ImU32 kCursor = IM_COL32(90, 90, 90, 160);

struct LegendSlot {
  const std::string* name;
  const Item* item;
  ImU32 color;
  float width;  // swatch, gap and text, pixels
};

// The legend sits above the plot area, never over data: its first row shares the title's line,
// right-aligned; entries that do not fit wrap onto further rows.
struct Legend {
  std::vector<std::vector<LegendSlot>> rows;
  float row_height = 0.0f;
};

float swatch_width() { return ImGui::GetFontSize() * 1.4f; }

Legend make_legend(const PlotContext& p) {
  std::vector<LegendSlot> entries;
  const auto add = [&](const std::string& name, const Item& item, const ItemStyle& style) {
    if (!style.legend || name.empty()) return;
    entries.push_back({&name, &item, style.color, swatch_width() + 4.0f + ImGui::CalcTextSize(name.c_str()).x});
  };
  for (const Item& item : p.items) {
    std::visit(Overloaded{
                   [&](const LineItem& i) { add(i.name, item, i.style); },
                   [&](const BandItem& i) { add(i.name, item, i.style); },
                   [&](const MarkersItem& i) { add(i.name, item, i.style); },
                   [&](const RefLineItem& i) { add(i.label, item, i.style); },
                   [](const auto&) {},
               },
               item);
  }
  const float font = ImGui::GetFontSize();
  Legend legend;
  legend.row_height = font + 6.0f;
  const float right = p.frame.Max.x - 16.0f;
  const float first_row_left = p.frame.Min.x + 4.0f + ImGui::CalcTextSize(p.title.c_str()).x + 2.0f * font;
  const float other_rows_left = p.frame.Min.x + 4.0f;
  if (entries.empty()) return legend;
  legend.rows.emplace_back();  // row 0 shares the title's line
  float used = 0.0f;
  for (const LegendSlot& e : entries) {
    const float room = right - (legend.rows.size() == 1 ? first_row_left : other_rows_left);
    const bool full = legend.rows.back().empty() ? legend.rows.size() == 1 && e.width > room : used + e.width > room;
    if (full) {
      legend.rows.emplace_back();
      used = 0.0f;
    }
    legend.rows.back().push_back(e);
    used += e.width + font;
  }
  return legend;
}

void draw_legend(const Canvas& dl, const PlotContext& p, const Legend& legend) {
  const float font = ImGui::GetFontSize();
  const float swatch = swatch_width();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (std::size_t r = 0; r < legend.rows.size(); ++r) {
    float x = p.frame.Max.x - 16.0f;
    const float y = p.frame.Min.y + 3.0f + static_cast<float>(r) * legend.row_height;
    for (auto it = legend.rows[r].rbegin(); it != legend.rows[r].rend(); ++it) {
      x -= it->width;
      const ImVec2 c(x + swatch * 0.5f, y + font * 0.5f);
      if (std::holds_alternative<BandItem>(*it->item)) {
        dl.rect_filled(ImVec2(x, y + 2.0f), ImVec2(x + swatch, y + font - 2.0f), it->color);
      } else if (const auto* markers = std::get_if<MarkersItem>(it->item)) {
        add_marker(dl, c, markers->shape, it->color, g_theme.marker_radius);
      } else if (std::holds_alternative<RefLineItem>(*it->item)) {
        add_dashed_line(dl, ImVec2(x, c.y), ImVec2(x + swatch, c.y), it->color, 1.5f);
      } else {
        dl.line(ImVec2(x, c.y), ImVec2(x + swatch, c.y), it->color, 2.5f);
      }
      dl.text(ImVec2(x + swatch + 4.0f, y), text, *it->name);
      x -= font;
    }
  }
}

struct Layout {
  ImRect area;
  std::vector<Tick> x_ticks;
  std::vector<Tick> y_ticks;
};

int tick_target(float pixels, float spacing) { return std::clamp(static_cast<int>(pixels / spacing), 2, 12); }

Layout compute_layout(const PlotContext& p, const Legend& legend) {
  const float font = ImGui::GetFontSize();
  const std::size_t title_rows = std::max<std::size_t>(p.title.empty() ? 0 : 1, legend.rows.size());
  const float top = title_rows == 0 ? 6.0f : static_cast<float>(title_rows) * legend.row_height + 4.0f;
  const float bottom = p.x.title ? 2.0f * font + 14.0f : font + 12.0f;
  Layout layout;
  layout.y_ticks = make_ticks(p.y.state->range, p.y.scale, tick_target(p.frame.GetHeight() - top - bottom, 2.6f * font), p.y.display);
  float label_width = 0.0f;
  for (const Tick& t : layout.y_ticks) label_width = std::max(label_width, ImGui::CalcTextSize(t.label.c_str()).x);
  const float left = font + 10.0f + label_width + 8.0f;
  const float right = 16.0f;
  layout.area = ImRect(p.frame.Min.x + left, p.frame.Min.y + top, p.frame.Max.x - right, p.frame.Max.y - bottom);
  layout.x_ticks = make_ticks(p.x.state->range, p.x.scale, tick_target(layout.area.GetWidth(), 7.0f * font), p.x.display);
  return layout;
}

void handle_input(PlotContext& p, const ImRect& area) {
  ImGuiIO& io = ImGui::GetIO();
  AxisState& xs = *p.x.state;
  AxisState& ys = *p.y.state;
  const bool in_area = p.hovered && area.Contains(io.MousePos);
  const AxisMap xm(xs.range, p.x.scale, area.Min.x, area.Max.x);
  const AxisMap ym(ys.range, p.y.scale, area.Max.y, area.Min.y);
  if (in_area && io.MouseWheel != 0.0f) {
    const double factor = std::pow(0.8, static_cast<double>(io.MouseWheel));
    if (io.KeyCtrl) {
      ys.range = zoom(ys.range, p.y.scale, ym.to_value(io.MousePos.y), factor);
      ys.auto_fit = false;
    } else {
      xs.range = zoom(xs.range, p.x.scale, xm.to_value(io.MousePos.x), factor);
      xs.auto_fit = false;
    }
  }
  if (p.active && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
    xs.range = pan(xs.range, p.x.scale, -io.MouseDelta.x, area.GetWidth());
    xs.auto_fit = false;
    if (!ys.auto_fit) ys.range = pan(ys.range, p.y.scale, io.MouseDelta.y, area.GetHeight());
  }
  if (in_area && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    xs.auto_fit = true;
    ys.auto_fit = true;
  }
  // Right-drag selects an x interval; its start pixel lives in the window's storage under the plot id.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  if (in_area && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) storage->SetFloat(p.id, io.MousePos.x);
  const float start = storage->GetFloat(p.id, NAN);
  if (!std::isnan(start) && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
    const float end = std::clamp(io.MousePos.x, area.Min.x, area.Max.x);
    if (std::abs(end - start) > 4.0f) {
      xs.range = {xm.to_value(std::min(start, end)), xm.to_value(std::max(start, end))};
      xs.auto_fit = false;
    }
    storage->SetFloat(p.id, NAN);
  }
}

struct Maps {
  AxisMap x;
  AxisMap y;
  ImVec2 at(double xv, double yv) const { return ImVec2(x.to_pixel(xv), y.to_pixel(yv)); }
};

void draw_items(const Canvas& dl, PlotContext& p, const ImRect& area, const Maps& m) {
  const int columns = std::max(1, static_cast<int>(area.GetWidth()));
  const Range x_view = p.x.state->range;
  std::vector<ImRect> labels;  // text already placed, which later labels must not cover
  // Reference lines lie under the data; their labels are drawn over it (see the end).
  struct RefLabel {
    ImVec2 pos;
    ImU32 color;
    const std::string* text;
  };
  std::vector<RefLabel> ref_labels;
  // Where the markers will be, so reference-line labels can keep clear of them.
  std::vector<ImRect> marker_boxes;
  for (const Item& item : p.items) {
    if (const auto* points = std::get_if<MarkersItem>(&item)) {
      for (std::size_t i = 0; i < std::min(points->x.size(), points->y.size()); ++i) {
        const ImVec2 at = m.at(points->x[i], points->y[i]);
        marker_boxes.emplace_back(ImVec2(at.x - g_theme.marker_radius - 1.0f, at.y - g_theme.marker_radius - 1.0f),
                             ImVec2(at.x + g_theme.marker_radius + 1.0f, at.y + g_theme.marker_radius + 1.0f));
      }
    }
  }
  const auto draw = [&](const Item& item) {
    std::visit(
        Overloaded{
            [&](const LineItem& line) {
              const LineSamples s = decimate_line(line.x, line.y, x_view, p.x.scale, columns);
              std::vector<ImVec2> points;
              points.reserve(s.x.size());
              for (std::size_t i = 0; i < s.x.size(); ++i) points.push_back(m.at(s.x[i], s.y[i]));
              dl.polyline(points, line.style.color, line.style.thickness * g_theme.line_scale);
              p.stats.line_samples += static_cast<int>(points.size());
              ++p.stats.lines;
            },
            [&](const BandItem& band) {
              const BandSamples s = decimate_band(band.x, band.lo, band.hi, x_view, p.x.scale, columns);
              std::vector<float> px(s.x.size()), plo(s.x.size()), phi(s.x.size());
              for (std::size_t i = 0; i < s.x.size(); ++i) {
                px[i] = m.x.to_pixel(s.x[i]);
                plo[i] = m.y.to_pixel(s.lo[i]);
                phi[i] = m.y.to_pixel(s.hi[i]);
              }
              const std::vector<Quad> quads = band_quads(px, plo, phi);
              dl.band(quads, band.style.color);
              p.stats.band_quads += static_cast<int>(quads.size());
            },
            [&](const RefLineItem& ref) {
              const ImVec2 text = ImGui::CalcTextSize(ref.label.c_str());
              if (ref.horizontal) {
                const float y = m.y.to_pixel(ref.value);
                if (y >= area.Min.y && y <= area.Max.y) ++p.stats.visible_ref_lines_y;
                add_dashed_line(dl, ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), ref.style.color, ref.style.thickness * g_theme.line_scale);
                if (!ref.label.empty()) {
                  // At the right end unless a published point or another label is there; then the left.
                  const auto rect_at = [&](float x) { return ImRect(ImVec2(x, y - text.y - 2.0f), ImVec2(x + text.x, y - 2.0f)); };
                  ImRect rect = rect_at(area.Max.x - text.x - 6.0f);
                  const auto taken = [&](const ImRect& r) {
                    return std::any_of(marker_boxes.begin(), marker_boxes.end(), [&](const ImRect& b) { return b.Overlaps(r); }) ||
                           std::any_of(labels.begin(), labels.end(), [&](const ImRect& l) { return l.Overlaps(r); });
                  };
                  if (taken(rect) && !taken(rect_at(area.Min.x + 6.0f))) rect = rect_at(area.Min.x + 6.0f);
                  ref_labels.push_back({rect.Min, ref.style.color, &ref.label});
                  labels.push_back(rect);
                }
              } else {
                const float x = m.x.to_pixel(ref.value);
                add_dashed_line(dl, ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), ref.style.color, ref.style.thickness * g_theme.line_scale);
                if (!ref.label.empty()) {
                  // Left out where it would run into the label of a line just before it (courses a few
                  // pixels apart when zoomed out).
                  const ImVec2 pos(x + 4.0f, area.Min.y + 3.0f);
                  const ImRect rect(pos, ImVec2(pos.x + text.x, pos.y + text.y));
                  if (std::none_of(labels.begin(), labels.end(), [&](const ImRect& r) { return r.Overlaps(rect); })) {
                    ref_labels.push_back({pos, ref.style.color, &ref.label});
                    labels.push_back(rect);
                  }
                }
              }
            },
            [&](const MarkersItem& markers) {
              const std::size_t n = std::min(markers.x.size(), markers.y.size());
              for (std::size_t i = 0; i < n; ++i) {
                const ImVec2 at = m.at(markers.x[i], markers.y[i]);
                if (area.Contains(at)) ++p.stats.visible_markers;
                add_marker(dl, at, markers.shape, markers.style.color, g_theme.marker_radius);
              }
            },
            [&](const TextItem& text) {
              const ImVec2 anchor = m.at(text.x, text.y);
              const ImVec2 size = ImGui::CalcTextSize(text.text.c_str());
              const auto clamp_y = [&](float y) {
                return std::clamp(y, area.Min.y + 2.0f, std::max(area.Min.y + 2.0f, area.Max.y - size.y - 2.0f));
              };
              // Where asked (right of the point), mirrored to its left, then both again on the other
              // side of the point vertically, then a line further away on each side (on a log axis
              // labels crowd near the top); a label that would cover another or leave the plot is
              // left out until zooming makes room for it.
              const float asked = anchor.y + text.offset.y;
              const float other = anchor.y - text.offset.y - size.y;
              const float away = (text.offset.y < 0.0f ? -1.0f : 1.0f) * (size.y + 4.0f);
              for (const float y : {clamp_y(asked), clamp_y(other), clamp_y(asked + away), clamp_y(other - away)}) {
                for (const float x : {anchor.x + text.offset.x, anchor.x - text.offset.x - size.x}) {
                  const ImRect rect(ImVec2(x - 2.0f, y - 1.0f), ImVec2(x + size.x + 2.0f, y + size.y + 1.0f));
                  const bool inside = rect.Min.x >= area.Min.x && rect.Max.x <= area.Max.x;
                  const bool free = std::none_of(labels.begin(), labels.end(), [&](const ImRect& r) { return r.Overlaps(rect); });
                  if (inside && free) {
                    add_label(dl, ImVec2(x, y), text.color, text.text);
                    labels.push_back(rect);
                    return;
                  }
                }
              }
              ++p.stats.texts_hidden;
            },
            [&](const SegmentItem& seg) {
              dl.line(m.at(seg.x0, seg.y0), m.at(seg.x1, seg.y1), seg.style.color, seg.style.thickness * g_theme.line_scale);
            },
        },
        item);
  };
  // Curves, bands and reference lines first, then the reference lines' labels over them, then
  // markers and text, which point at particular values and must stay visible.
  const auto on_top = [](const Item& item) { return std::holds_alternative<MarkersItem>(item) || std::holds_alternative<TextItem>(item); };
  for (const Item& item : p.items) {
    if (!on_top(item)) draw(item);
  }
  for (const RefLabel& label : ref_labels) add_label(dl, label.pos, label.color, *label.text);
  for (const Item& item : p.items) {
    if (on_top(item)) draw(item);
  }
}

void draw_axes(const Canvas& dl, const PlotContext& p, const Layout& layout, const Maps& m) {
  const ImRect& area = layout.area;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float font = ImGui::GetFontSize();
  dl.rect(area.Min, area.Max, g_theme.border);
  for (const Tick& t : layout.y_ticks) {
    const float y = m.y.to_pixel(t.value);
    dl.line(ImVec2(area.Min.x - (t.major ? 5.0f : 3.0f), y), ImVec2(area.Min.x, y), g_theme.border);
    if (!t.major) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.label.c_str());
    dl.text(ImVec2(area.Min.x - 8.0f - size.x, y - size.y * 0.5f), text, t.label);
  }
  for (const Tick& t : layout.x_ticks) {
    const float x = m.x.to_pixel(t.value);
    dl.line(ImVec2(x, area.Max.y), ImVec2(x, area.Max.y + (t.major ? 5.0f : 3.0f)), g_theme.border);
    if (!t.major) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.label.c_str());
    const float left = std::clamp(x - size.x * 0.5f, p.frame.Min.x, p.frame.Max.x - size.x);
    dl.text(ImVec2(left, area.Max.y + 6.0f), text, t.label);
  }
  if (p.x.title) {
    const std::string x_title = axis_title(p.x);
    const ImVec2 x_size = ImGui::CalcTextSize(x_title.c_str());
    dl.text(ImVec2(area.GetCenter().x - x_size.x * 0.5f, area.Max.y + font + 10.0f), text, x_title);
  }
  const std::string y_title = axis_title(p.y);
  const float y_length = ImGui::CalcTextSize(y_title.c_str()).x;
  dl.text_vertical(ImVec2(p.frame.Min.x + 2.0f, area.GetCenter().y + y_length * 0.5f), text, y_title);
  if (!p.title.empty()) dl.text(ImVec2(p.frame.Min.x + 4.0f, p.frame.Min.y + 3.0f), text, p.title);
}

void draw_hover(ImDrawList* dl, const PlotContext& p, const ImRect& area, const Maps& m) {
  const ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x;
  const double x = m.x.to_value(mx);
  dl->AddLine(ImVec2(mx, area.Min.y), ImVec2(mx, area.Max.y), kCursor);
  ImGui::BeginTooltip();
  ImGui::Text("%s: %s %.*s", p.x.label.empty() ? "x" : std::string(p.x.label).c_str(), format_value(p.x.display.shown(x)).c_str(),
              static_cast<int>(p.x.unit.size()), p.x.unit.data());
  const std::string unit(p.y.unit);
  const auto swatch = [](ImU32 color) {
    ImGui::ColorButton("##swatch", ImGui::ColorConvertU32ToFloat4(color),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker | ImGuiColorEditFlags_NoDragDrop,
                       ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    ImGui::SameLine();
  };
  for (const Item& item : p.items) {
    if (const auto* line = std::get_if<LineItem>(&item); line && line->style.readout) {
      const double v = value_at(line->x, line->y, x);
      if (!std::isfinite(v)) continue;
      const ImVec2 point = m.at(x, v);
      if (area.Contains(point)) dl->AddCircleFilled(point, 3.5f, line->style.color);
      swatch(line->style.color);
      ImGui::Text("%s: %s %s", line->name.c_str(), format_value(v).c_str(), unit.c_str());
    } else if (const auto* band = std::get_if<BandItem>(&item); band && band->style.readout) {
      const double lo = value_at(band->x, band->lo, x);
      const double hi = value_at(band->x, band->hi, x);
      if (!std::isfinite(lo) || !std::isfinite(hi)) continue;
      swatch(band->style.color);
      ImGui::Text("%s: %s to %s %s", band->name.c_str(), format_value(lo).c_str(), format_value(hi).c_str(), unit.c_str());
    }
  }
  ImGui::EndTooltip();
}

}  // namespace

void EndPlot() {
  IM_ASSERT(g_plot.open && "EndPlot without a successful BeginPlot");
  PlotContext& p = g_plot;
  p.stats = PlotStats{};
  p.stats.title = p.title;
  p.stats.frame = ImGui::GetFrameCount();
  fit_axes(p);
  const Legend legend = make_legend(p);
  Layout layout = compute_layout(p, legend);
  handle_input(p, layout.area);
  layout = compute_layout(p, legend);  // the mouse may have changed the ranges, hence the ticks
  const ImRect& area = layout.area;
  const Maps m{AxisMap(p.x.state->range, p.x.scale, area.Min.x, area.Max.x),
               AxisMap(p.y.state->range, p.y.scale, area.Max.y, area.Min.y)};

  const Canvas dl = window_canvas();
  dl.rect_filled(area.Min, area.Max, g_theme.background);
  for (const Tick& t : layout.y_ticks) {
    const float y = m.y.to_pixel(t.value);
    dl.line(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), t.major ? g_theme.grid : g_theme.grid_minor);
  }
  for (const Tick& t : layout.x_ticks) {
    const float x = m.x.to_pixel(t.value);
    dl.line(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), t.major ? g_theme.grid : g_theme.grid_minor);
  }
  dl.push_clip(area.Min, area.Max);
  draw_items(dl, p, area, m);
  const float selection_start = ImGui::GetStateStorage()->GetFloat(p.id, NAN);
  if (!std::isnan(selection_start) && ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
    dl.rect_filled(ImVec2(std::min(selection_start, ImGui::GetIO().MousePos.x), area.Min.y),
                      ImVec2(std::max(selection_start, ImGui::GetIO().MousePos.x), area.Max.y), kSelection);
  }
  const bool show_hover = p.hovered && area.Contains(ImGui::GetIO().MousePos) && !ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
                          !ImGui::IsMouseDown(ImGuiMouseButton_Right);
  if (show_hover) draw_hover(dl.dl, p, area, m);
  dl.pop_clip();
  draw_axes(dl, p, layout, m);
  draw_legend(dl, p, legend);

  p.stats.area_min = area.Min;
  p.stats.area_max = area.Max;
  p.stats.x_range = p.x.state->range;
  p.stats.y_range = p.y.state->range;
  p.stats.x_title = axis_title(p.x);
  for (const Tick& t : layout.x_ticks) {
    if (t.major) p.stats.x_tick_labels.push_back(t.label);
  }
  g_stats_by_title[p.title] = p.stats;
  p.items.clear();
  p.open = false;
  ImGui::PopID();
}

void LegendRow(std::span<const LegendEntry> entries) {
  const Canvas dl = window_canvas();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float swatch = swatch_width();
  const float height = ImGui::GetTextLineHeight();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const float width = swatch + style.ItemInnerSpacing.x + ImGui::CalcTextSize(e.name.c_str()).x;
    if (i > 0) {
      ImGui::SameLine(0.0f, ImGui::GetFontSize());
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float mid = at.y + height * 0.5f;
    if (e.band) {
      dl.rect_filled(ImVec2(at.x, mid - height * 0.3f), ImVec2(at.x + swatch, mid + height * 0.3f), e.color);
    } else {
      dl.line(ImVec2(at.x, mid), ImVec2(at.x + swatch, mid), e.color, 2.5f * g_theme.line_scale);
    }
    dl.text(ImVec2(at.x + swatch + style.ItemInnerSpacing.x, at.y), text, e.name);
    ImGui::Dummy(ImVec2(width, height));
  }
}

void BeginSvgRecording() {
  ImFont* font = ImGui::GetFont();
  g_svg = std::make_unique<SvgRecorder>(ImGui::GetFontSize(), font->Ascent * ImGui::GetFontSize() / font->FontSize);
}

std::string EndSvgRecording(float width, float height) {
  if (!g_svg) return "";
  std::string document = g_svg->document(width, height);
  g_svg.reset();
  return document;
}

void SetPlotTheme(const PlotTheme& theme) { g_theme = theme; }
const PlotTheme& GetPlotTheme() { return g_theme; }

PlotStats LastPlotStats() { return g_plot.stats; }

PlotStats LastPlotStats(std::string_view title) {
  const auto it = g_stats_by_title.find(std::string(title));
  return it == g_stats_by_title.end() ? PlotStats{} : it->second;
}

}  // namespace alemsim::plot
