#include "gui/plot/axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace alemsim::plot {
namespace {

constexpr double kMaxPixelOffset = 1e6;

double to_axis_space(double value, Scale scale) {
  return scale == Scale::kLog10 ? std::log10(std::max(value, kLogFloor)) : value;
}

double from_axis_space(double t, Scale scale) { return scale == Scale::kLog10 ? std::pow(10.0, t) : t; }

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

AxisMap::AxisMap(Range range, Scale scale, float pixel_min, float pixel_max)
    : range_(range),
      scale_(scale),
      t_min_(to_axis_space(range.min, scale)),
      t_max_(to_axis_space(range.max, scale)),
      pixel_min_(pixel_min),
      pixel_max_(pixel_max) {
  // A zero-width range would divide by zero below; widen it by a hair instead.
  if (!(t_max_ > t_min_)) t_max_ = t_min_ + 1e-12;
}

double AxisMap::transform(double value) const { return to_axis_space(value, scale_); }

float AxisMap::to_pixel(double value) const {
  const double t = transform(value);
  if (!std::isfinite(t)) return std::numeric_limits<float>::quiet_NaN();
  const double fraction = (t - t_min_) / (t_max_ - t_min_);
  const double pixel = pixel_min_ + fraction * (static_cast<double>(pixel_max_) - pixel_min_);
  const double lo = std::min(pixel_min_, pixel_max_) - kMaxPixelOffset;
  const double hi = std::max(pixel_min_, pixel_max_) + kMaxPixelOffset;
  return static_cast<float>(std::clamp(pixel, lo, hi));
}

double AxisMap::to_value(float pixel) const {
  const double fraction = (static_cast<double>(pixel) - pixel_min_) / (static_cast<double>(pixel_max_) - pixel_min_);
  return from_axis_space(t_min_ + fraction * (t_max_ - t_min_), scale_);
}

double nice_step(double span, int target_count) {
  if (!(span > 0.0) || !std::isfinite(span)) return 1.0;
  const double raw = span / std::max(1, target_count);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalized = raw / magnitude;
  double nice = 10.0;
  if (normalized <= 1.0) {
    nice = 1.0;
  } else if (normalized <= 2.0) {
    nice = 2.0;
  } else if (normalized <= 5.0) {
    nice = 5.0;
  }
  return nice * magnitude;
}

std::string format_tick(double value, double step) {
  if (std::abs(value) < step * 1e-9) value = 0.0;  // no "-0" or "1e-17" at the origin
  const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  if (decimals > 5 || std::abs(value) >= 1e7) return printf_string("%g", value);
  char format[16];
  std::snprintf(format, sizeof format, "%%.%df", decimals);
  return printf_string(format, value);
}

std::string format_value(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e6)) return printf_string("%.3e", value);
  if (magnitude >= 1000.0) return printf_string("%.0f", value);
  return printf_string("%.4g", value);
}

std::vector<Tick> make_ticks(Range range, Scale scale, int target_count, const AxisDisplay& display) {
  std::vector<Tick> ticks;
  if (!(range.max > range.min)) return ticks;
  const bool few_decades = scale == Scale::kLog10 && std::log10(range.max / range.min) >= 1.0;
  if (scale == Scale::kLinear || !few_decades) {
    // Linear ticks also serve a log axis zoomed inside one decade, where decades would give no label.
    const AxisDisplay d = scale == Scale::kLinear && display.unit > 0.0 ? display : AxisDisplay{};
    const double lo = d.shown(range.min);
    const double hi = d.shown(range.max);
    double step = nice_step(hi - lo, target_count);
    const double wanted = (hi - lo) / std::max(1, target_count);
    // 10% slack: six years of months (72.07) still tick every 36 months rather than every 60.
    const auto preferred = std::find_if(d.steps.begin(), d.steps.end(), [&](double s) { return s >= 0.9 * wanted; });
    if (preferred != d.steps.end()) step = *preferred;
    const double first = std::ceil(lo / step - 1e-9);
    for (double k = first; k * step <= hi + step * 1e-9 && ticks.size() < 1000; k += 1.0) {
      ticks.push_back({d.value(k * step), true, format_tick(k * step, step)});
    }
    return ticks;
  }
  const double d_min = std::floor(std::log10(range.min));
  const double d_max = std::ceil(std::log10(range.max));
  const double decades = d_max - d_min;
  const double stride = decades <= 8.0 ? 1.0 : nice_step(decades, 8);
  const bool minor = decades <= 6.0;
  for (double d = d_min; d <= d_max; d += 1.0) {
    const double decade = std::pow(10.0, d);
    if (std::fmod(d, stride) == 0.0 && decade >= range.min * (1 - 1e-12) && decade <= range.max * (1 + 1e-12)) {
      ticks.push_back({decade, true, printf_string("%g", decade)});
    }
    if (!minor) continue;
    for (int m = 2; m <= 9; ++m) {
      const double v = m * decade;
      if (v >= range.min && v <= range.max) ticks.push_back({v, false, {}});
    }
  }
  std::sort(ticks.begin(), ticks.end(), [](const Tick& a, const Tick& b) { return a.value < b.value; });
  return ticks;
}

Range zoom(Range range, Scale scale, double anchor, double factor) {
  const double t_min = to_axis_space(range.min, scale);
  const double t_max = to_axis_space(range.max, scale);
  const double t = std::clamp(to_axis_space(anchor, scale), t_min, t_max);
  double new_min = t - (t - t_min) * factor;
  double new_max = t + (t_max - t) * factor;
  // Below this span a float pixel mapping can no longer tell neighbouring values apart.
  const double min_span = 1e-9 * std::max(1.0, std::abs(t));
  if (new_max - new_min < min_span) return range;
  return {from_axis_space(new_min, scale), from_axis_space(new_max, scale)};
}

Range pan(Range range, Scale scale, double pixels, double axis_pixels) {
  if (!(axis_pixels > 0.0)) return range;
  const double t_min = to_axis_space(range.min, scale);
  const double t_max = to_axis_space(range.max, scale);
  const double shift = pixels / axis_pixels * (t_max - t_min);
  return {from_axis_space(t_min + shift, scale), from_axis_space(t_max + shift, scale)};
}

Range fit_range(double lo, double hi, Scale scale, double max_decades) {
  if (scale == Scale::kLog10) {
    if (!(hi > 0.0) || !std::isfinite(hi)) return {1.0, 10.0};
    // Headroom of 12% of the decades shown (at least a factor 1.5), like the linear 8%: labels at a
    // peak (Cmax) need the room, and a few decades leave little of it at a factor of 1.5.
    const auto bottom_below = [&](double top) {
      const double floor = top / std::pow(10.0, max_decades);
      return (lo > 0.0 && std::isfinite(lo)) ? std::max(lo / 1.5, floor) : floor;
    };
    const double decades = std::log10(hi / bottom_below(hi));
    const double top = hi * std::max(1.5, std::pow(10.0, 0.12 * decades));
    return {bottom_below(top), top};
  }
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) return {0.0, 1.0};
  const double bottom = lo >= 0.0 ? 0.0 : lo - 0.08 * (hi - lo);
  double top = hi + 0.08 * (hi - bottom);
  if (!(top > bottom)) top = bottom + std::max(1.0, std::abs(bottom));
  return {bottom, top};
}

}  // namespace alemsim::plot
