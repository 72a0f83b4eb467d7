#include "sim/log_bins.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>

namespace alemsim {
namespace {

constexpr int kMantissaTableBits = 12;

// The bin of each of the 4096 slices of [1, 2) cut by the mantissa's leading 12 bits. Bin j starts
// at the slice nearest to 2^(j/35): edges sit on multiples of 1/4096 (at most 1.2e-4 from 2^(j/35)),
// so a value's bin is one table lookup, with no comparison against an edge.
struct OctaveTable {
  std::array<std::uint8_t, 1u << kMantissaTableBits> bin_of_slice{};
  OctaveTable() {
    constexpr double kSlices = 1u << kMantissaTableBits;
    std::size_t k = 0;
    for (int j = 0; j < LogBins::kBinsPerOctave; ++j) {
      const double next_edge = std::exp2(static_cast<double>(j + 1) / LogBins::kBinsPerOctave);
      const auto next_slice = static_cast<std::size_t>(std::lround((next_edge - 1.0) * kSlices));
      for (; k < next_slice && k < bin_of_slice.size(); ++k) bin_of_slice[k] = static_cast<std::uint8_t>(j);
    }
  }
};
const OctaveTable kOctave;

}  // namespace

std::size_t LogBins::index_of(double value) {
  if (!(value >= kFloor)) return 0;
  if (value >= kCeiling) return count() - 1;
  const auto bits = std::bit_cast<std::uint64_t>(value);  // a positive normal number here
  const auto exponent = static_cast<int>(bits >> 52) - 1023;
  const std::size_t slice = (bits >> (52 - kMantissaTableBits)) & ((1u << kMantissaTableBits) - 1);
  return 1 + static_cast<std::size_t>((exponent - kMinExponent) * kBinsPerOctave + kOctave.bin_of_slice[slice]);
}

double LogBins::centre(std::size_t index) { return within(index, 0.5); }

double LogBins::within(std::size_t index, double fraction) {
  if (index == 0) return 0.0;
  return kFloor * std::exp2((static_cast<double>(index - 1) + fraction) / kBinsPerOctave);
}

void LogBins::index_all(std::span<const double> values, std::span<std::uint16_t> out) {
  if (out.size() != values.size()) throw std::invalid_argument("LogBins::index_all: sizes differ");
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<std::uint16_t>(index_of(values[i]));
}

void bin_series(std::span<const std::vector<double>> series, std::vector<std::uint16_t>& out) {
  const std::size_t times = series.empty() ? 0 : series.front().size();
  out.resize(series.size() * times);
  for (std::size_t q = 0; q < series.size(); ++q) {
    LogBins::index_all(series[q], std::span(out).subspan(q * times, times));
  }
}

}  // namespace alemsim
