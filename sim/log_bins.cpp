#include "sim/log_bins.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <stdexcept>

namespace alemsim {
namespace {

constexpr int kMantissaTableBits = 12;

// Bin edges within one doubling: 2^(j/35), j = 0..35.
struct OctaveTable {
  std::array<double, LogBins::kBinsPerOctave + 1> edges{};
  // For each of the 4096 slices of [1, 2) by leading mantissa bits: the bin its start falls in. A
  // slice is narrower than a bin, so a value is in that bin or the next one (one comparison decides).
  std::array<std::uint8_t, 1u << kMantissaTableBits> first_bin{};
  OctaveTable() {
    for (int j = 0; j <= LogBins::kBinsPerOctave; ++j) edges[j] = std::exp2(static_cast<double>(j) / LogBins::kBinsPerOctave);
    int bin = 0;
    for (std::size_t k = 0; k < first_bin.size(); ++k) {
      const double start = 1.0 + static_cast<double>(k) / static_cast<double>(first_bin.size());
      while (bin + 1 < LogBins::kBinsPerOctave && start >= edges[bin + 1]) ++bin;
      first_bin[k] = static_cast<std::uint8_t>(bin);
    }
  }
};
const OctaveTable kOctave;

}  // namespace

std::size_t LogBins::index_of(double value) {
  if (!(value >= kFloor)) return 0;
  if (value >= kCeiling) return count() - 1;
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  constexpr std::uint64_t kMantissa = (std::uint64_t{1} << 52) - 1;
  const double mantissa = std::bit_cast<double>((bits & kMantissa) | std::bit_cast<std::uint64_t>(1.0));  // in [1, 2)
  int bin = kOctave.first_bin[(bits & kMantissa) >> (52 - kMantissaTableBits)];
  if (bin + 1 < kBinsPerOctave && mantissa >= kOctave.edges[static_cast<std::size_t>(bin + 1)]) ++bin;
  return 1 + static_cast<std::size_t>((exponent - kMinExponent) * kBinsPerOctave + bin);
}

double LogBins::centre(std::size_t index) {
  if (index == 0) return 0.0;
  return kFloor * std::exp2((static_cast<double>(index - 1) + 0.5) / kBinsPerOctave);
}

void LogBins::index_all(std::span<const double> values, std::span<std::uint16_t> out) {
  if (out.size() != values.size()) throw std::invalid_argument("LogBins::index_all: sizes differ");
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<std::uint16_t>(index_of(values[i]));
}

}  // namespace alemsim
