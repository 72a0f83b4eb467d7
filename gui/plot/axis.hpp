// Axis arithmetic of the plot module: data-to-pixel mapping, ticks, zoom and pan. No ImGui here,
// so all of it is tested without a window (tests/gui/plot_axis_test.cpp).
#pragma once

#include <string>
#include <vector>

namespace alemsim::plot {

enum class Scale { kLinear, kLog10 };

// An interval of data values on one axis. On a log axis both ends are > 0.
struct Range {
  double min = 0.0;
  double max = 1.0;
  bool operator==(const Range&) const = default;
};

// Smallest value a log axis shows; values at or below 0 are drawn at this floor, far below any
// visible range, so a curve that falls to 0 leaves the plot downwards instead of vanishing.
inline constexpr double kLogFloor = 1e-30;

// Maps [range.min, range.max] linearly (or linearly in log10) onto [pixel_min, pixel_max].
// For a y axis pass pixel_min = bottom and pixel_max = top: screen y grows downwards.
class AxisMap {
 public:
  AxisMap(Range range, Scale scale, float pixel_min, float pixel_max);

  // Pixel coordinate of `value`, clamped to +-1e6 px from the axis so the draw list never sees
  // coordinates that lose precision as floats.
  float to_pixel(double value) const;
  double to_value(float pixel) const;

  Range range() const { return range_; }
  Scale scale() const { return scale_; }

 private:
  double transform(double value) const;  // value in the linear space of the axis
  Range range_;
  Scale scale_;
  double t_min_;
  double t_max_;
  float pixel_min_;
  float pixel_max_;
};

// How an axis shows its data values: as (value - origin) / unit. A time axis holding days can show
// months since a course began (origin = the course's first day, unit = days per month) while its
// data, ranges and zoom stay in days.
struct AxisDisplay {
  double origin = 0.0;
  double unit = 1.0;  // data values per shown unit, > 0
  // Tick steps in shown units to choose from, ascending (months: 1, 2, 3, 6, 12, 24, ...); empty,
  // or too small for the span: 1, 2 or 5 times a power of ten.
  std::vector<double> steps;
  double shown(double value) const { return (value - origin) / unit; }
  double value(double shown_value) const { return origin + shown_value * unit; }
  bool operator==(const AxisDisplay&) const = default;
};

struct Tick {
  double value;
  bool major;          // labelled and drawn with a grid line; minor ticks are short marks only
  std::string label;   // empty for minor ticks
};

// Step of 1, 2 or 5 times a power of ten that gives about `target_count` intervals over `span`.
double nice_step(double span, int target_count);

// Ticks inside `range`. Linear: multiples of nice_step(). Log: every decade labelled, with minor
// ticks at 2..9 times each decade while at most 6 decades are visible (beyond that a decade
// stride of 1, 2, 5... keeps labels apart).
// On a linear axis with a `display`, the ticks are round numbers of the shown values ("6", "12"
// months), placed at the data values they stand for; a log axis ignores the display.
std::vector<Tick> make_ticks(Range range, Scale scale, int target_count, const AxisDisplay& display = {});

// A tick label with as many decimals as `step` needs ("0.25", "1500", "1e-05" for tiny steps).
std::string format_tick(double value, double step);

// A value for a hover read-out: 4 significant digits, no exponent between 0.001 and 1e6.
std::string format_value(double value);

// Zooms by `factor` (< 1 zooms in) keeping `anchor` (a data value) at the same pixel.
Range zoom(Range range, Scale scale, double anchor, double factor);

// Shifts the range by `pixels` of an axis `axis_pixels` long (positive moves the view to larger values).
Range pan(Range range, Scale scale, double pixels, double axis_pixels);

// Range that shows values from `lo` to `hi` (data extent) with a margin: linear axes start at 0 for
// non-negative data and leave 8% headroom; log axes span at most `max_decades` below the top,
// with 12% of the decades shown (at least a factor 1.5) above the data and a factor 1.5 below.
// A degenerate or empty extent gives a unit range around it.
Range fit_range(double lo, double hi, Scale scale, double max_decades = 5.0);

}  // namespace alemsim::plot
