// Reduces a series to about two samples per pixel column before it reaches the draw list. A 6-year
// daily series has ~2200 points and a plot ~900 columns; a results file may hold far more.
#pragma once

#include <span>
#include <vector>

#include "gui/plot/axis.hpp"

namespace alemsim::plot {

struct LineSamples {
  std::vector<double> x;
  std::vector<double> y;
};

struct BandSamples {
  std::vector<double> x;
  std::vector<double> lo;
  std::vector<double> hi;
};

// The samples of (x, y) that a plot `pixel_columns` wide showing `x_view` needs: the points inside
// the view plus one neighbour on each side (so the line reaches the edges). When there are more than
// two per column, each column keeps its minimum and its maximum in their original order, so peaks
// (a Cmax) survive decimation exactly. x must be ascending; points with a non-finite x or y are dropped.
// At most 2 * (pixel_columns + 2) samples are returned.
LineSamples decimate_line(std::span<const double> x, std::span<const double> y, Range x_view, Scale x_scale,
                          int pixel_columns);

// The same for a band between lo and hi: each column keeps the lowest lo and the highest hi at the
// column's first and last x, so the decimated band encloses the original one.
BandSamples decimate_band(std::span<const double> x, std::span<const double> lo, std::span<const double> hi,
                          Range x_view, Scale x_scale, int pixel_columns);

}  // namespace alemsim::plot
