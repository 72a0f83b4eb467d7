// --keep-series, shared by `run` and `study`: how many patients' series an HDF5 file stores.
#pragma once

#include <cstdint>
#include <optional>

namespace alemsim {

// Series of more patients than this are not kept unless asked for: 10,000 patients of a 6-year
// daily grid are about 600 MB of float32 in HDF5.
inline constexpr std::int64_t kDefaultKeepSeries = 10000;

// `requested`, or min(patients, kDefaultKeepSeries) when not given. Throws std::invalid_argument
// ("--keep-series: expected 0 to the number of patients (N), got K") outside 0..patients.
std::int64_t keep_series_count(std::optional<std::int64_t> requested, std::int64_t patients);

}  // namespace alemsim
