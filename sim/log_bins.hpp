// Logarithmic bins shared by every streaming histogram (sim/streaming_summary.hpp).
//
// Accuracy: values are binned on a logarithmic grid of 35 bins per doubling (ratio 2^(1/35) = 1.0200
// between bin edges) from 2^-10 (about 0.001) to 2^24 (about 1.7e7) in the quantity's unit; a
// percentile is reported inside the bin holding the order statistic, so it is within ±1.01% of the
// exact one (half a bin, 0.995%, plus the edges' rounding to 1/4096 of an octave, 0.012%): at the
// point of the bin where its rank falls, as if the bin's values were spread evenly on the log scale
// (reporting the bin's centre made percentile bands over time look like stairs).
// Values below 2^-10 (a washed-out concentration, a titer of zero) are reported as 0; values above
// 2^24 land in the top bin.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace alemsim {

// Bin layout shared by all histograms.
// Bins align with powers of two so a value's bin comes from its floating-point exponent and a table
// lookup on its leading mantissa bits (a logarithm per value made the summary as slow as the
// simulation itself; a comparison with the exact edge, 40% of the remaining cost, was dropped by
// rounding the edges to the table's slices).
struct LogBins {
  static constexpr int kBinsPerOctave = 35;
  static constexpr int kMinExponent = -10;  // floor 2^-10
  static constexpr int kMaxExponent = 24;   // ceiling 2^24
  static constexpr double kFloor = 0x1.0p-10;
  static constexpr double kCeiling = 0x1.0p24;
  static constexpr std::size_t count() {  // number of bins, including the zero bin (index 0)
    return 1 + static_cast<std::size_t>((kMaxExponent - kMinExponent) * kBinsPerOctave);
  }
  static std::size_t index_of(double value);  // NaN and values below the floor: the zero bin
  static double centre(std::size_t index);    // 0 for the zero bin
  // The point a `fraction` (0..1) of the way through bin `index` on the log scale: lower edge ×
  // 2^(fraction/35). 0 for the zero bin. centre(i) == within(i, 0.5).
  static double within(std::size_t index, double fraction);
  // out[i] = index_of(values[i]); out.size() must equal values.size().
  static void index_all(std::span<const double> values, std::span<std::uint16_t> out);
};
static_assert(LogBins::count() <= 65536, "bin indices are stored as std::uint16_t");

// Bin indices of equally long series, out[q * T + t] = LogBins::index_of(series[q][t]).
void bin_series(std::span<const std::vector<double>> series, std::vector<std::uint16_t>& out);

}  // namespace alemsim
