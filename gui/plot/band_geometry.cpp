#include "gui/plot/band_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace alemsim::plot {

std::vector<Quad> band_quads(std::span<const float> x, std::span<const float> lo, std::span<const float> hi) {
  const std::size_t n = std::min({x.size(), lo.size(), hi.size()});
  std::vector<Quad> quads;
  if (n < 2) return quads;
  quads.reserve(n - 1);
  const auto ok = [&](std::size_t i) { return std::isfinite(x[i]) && std::isfinite(lo[i]) && std::isfinite(hi[i]); };
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!ok(i) || !ok(i + 1)) continue;
    quads.push_back({{{x[i], hi[i]}, {x[i + 1], hi[i + 1]}, {x[i + 1], lo[i + 1]}, {x[i], lo[i]}}});
  }
  return quads;
}

}  // namespace alemsim::plot
