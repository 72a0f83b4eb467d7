// Geometry of a filled band between two curves, in pixels. No ImGui here: tested without a window.
#pragma once

#include <span>
#include <vector>

namespace alemsim::plot {

struct Point {
  float x;
  float y;
};

// Corners in drawing order: upper left, upper right, lower right, lower left.
struct Quad {
  Point corner[4];
};

// One quad per segment between consecutive samples. The region between two percentile curves is not
// convex (it follows every peak), so it cannot be filled as one polygon; each segment's trapezoid
// is convex, and adjacent quads share an edge, so a translucent band has no seams or overlaps.
// Segments touching a non-finite coordinate are skipped. All spans have the same length.
std::vector<Quad> band_quads(std::span<const float> x, std::span<const float> lo, std::span<const float> hi);

}  // namespace alemsim::plot
