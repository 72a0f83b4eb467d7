// Whole-number command-line options checked on their text, before CLI11 converts them: CLI11
// turns "-1" into 2^64 - 1 for an unsigned option and saturates numbers that do not fit, so
// `--seed -1` or `--patients 18446744073709551616` would run with a value nobody asked for.
#pragma once

#include <cstdint>

#include <CLI/CLI.hpp>

namespace alemsim {

// Accepts decimal digits only (no sign, no spaces, no exponent) naming a value in [min, max].
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

}  // namespace alemsim
