#include "gui/plot/decimate.hpp"

#include <algorithm>
#include <cmath>

namespace alemsim::plot {
namespace {

// Index range [first, last) of the samples in the view plus one neighbour on each side.
std::pair<std::size_t, std::size_t> visible_span(std::span<const double> x, Range view) {
  auto first = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), view.min) - x.begin());
  auto last = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), view.max) - x.begin());
  if (first > 0) --first;
  if (last < x.size()) ++last;
  return {first, last};
}

// Pixel column of x; the neighbours outside the view get their own columns -1 and `columns`.
long column_of(const AxisMap& map, double x, int columns) {
  const float pixel = map.to_pixel(x);
  return std::clamp(static_cast<long>(std::floor(pixel)), -1L, static_cast<long>(columns));
}

bool finite(double a, double b) { return std::isfinite(a) && std::isfinite(b); }

}  // namespace

LineSamples decimate_line(std::span<const double> x, std::span<const double> y, Range x_view, Scale x_scale,
                          int pixel_columns) {
  LineSamples out;
  const std::size_t n = std::min(x.size(), y.size());
  x = x.first(n);
  const auto [first, last] = visible_span(x, x_view);
  const int columns = std::max(1, pixel_columns);
  if (last - first <= 2 * static_cast<std::size_t>(columns)) {
    for (std::size_t i = first; i < last; ++i) {
      if (!finite(x[i], y[i])) continue;
      out.x.push_back(x[i]);
      out.y.push_back(y[i]);
    }
    return out;
  }
  const AxisMap map(x_view, x_scale, 0.0f, static_cast<float>(columns));
  std::size_t i = first;
  while (i < last) {
    const long column = column_of(map, x[i], columns);
    std::size_t i_min = last, i_max = last;
    std::size_t j = i;
    for (; j < last && column_of(map, x[j], columns) == column; ++j) {
      if (!finite(x[j], y[j])) continue;
      if (i_min == last || y[j] < y[i_min]) i_min = j;
      if (i_max == last || y[j] > y[i_max]) i_max = j;
    }
    if (i_min != last) {
      const std::size_t a = std::min(i_min, i_max);
      const std::size_t b = std::max(i_min, i_max);
      out.x.push_back(x[a]);
      out.y.push_back(y[a]);
      if (b != a) {
        out.x.push_back(x[b]);
        out.y.push_back(y[b]);
      }
    }
    i = j;
  }
  return out;
}

BandSamples decimate_band(std::span<const double> x, std::span<const double> lo, std::span<const double> hi,
                          Range x_view, Scale x_scale, int pixel_columns) {
  BandSamples out;
  const std::size_t n = std::min({x.size(), lo.size(), hi.size()});
  x = x.first(n);
  const auto [first, last] = visible_span(x, x_view);
  const int columns = std::max(1, pixel_columns);
  const auto push = [&out](double xv, double lov, double hiv) {
    out.x.push_back(xv);
    out.lo.push_back(lov);
    out.hi.push_back(hiv);
  };
  if (last - first <= 2 * static_cast<std::size_t>(columns)) {
    for (std::size_t i = first; i < last; ++i) {
      if (finite(x[i], lo[i]) && std::isfinite(hi[i])) push(x[i], lo[i], hi[i]);
    }
    return out;
  }
  const AxisMap map(x_view, x_scale, 0.0f, static_cast<float>(columns));
  std::size_t i = first;
  while (i < last) {
    const long column = column_of(map, x[i], columns);
    bool any = false;
    double x_first = 0.0, x_last = 0.0, lo_min = 0.0, hi_max = 0.0;
    std::size_t j = i;
    for (; j < last && column_of(map, x[j], columns) == column; ++j) {
      if (!finite(x[j], lo[j]) || !std::isfinite(hi[j])) continue;
      if (!any) {
        x_first = x[j];
        lo_min = lo[j];
        hi_max = hi[j];
        any = true;
      }
      x_last = x[j];
      lo_min = std::min(lo_min, lo[j]);
      hi_max = std::max(hi_max, hi[j]);
    }
    if (any) {
      push(x_first, lo_min, hi_max);
      if (x_last > x_first) push(x_last, lo_min, hi_max);
    }
    i = j;
  }
  return out;
}

}  // namespace alemsim::plot
