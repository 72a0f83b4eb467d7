// --keep-series, shared by `run` and `study`: how many patients' series an HDF5 file stores.
#pragma once

#include <cstdint>
#include <optional>

namespace alemsim {

// `run` keeps the series of at most this many patients unless asked for more: 10,000 patients of a
// 6-year daily grid are about 600 MB of float32 in HDF5.
inline constexpr std::int64_t kDefaultKeepSeries = 10000;
// `study` keeps none unless asked: summaries, per-patient metrics and survival answer its
// questions, and the series of every arm made the shipped course-3 study 391 MB.
inline constexpr std::int64_t kDefaultStudyKeepSeries = 0;

// `requested`, or min(patients, default_keep) when not given. Throws std::invalid_argument
// ("--keep-series: expected 0 to the number of patients (N), got K") outside 0..patients.
std::int64_t keep_series_count(std::optional<std::int64_t> requested, std::int64_t patients,
                               std::int64_t default_keep = kDefaultKeepSeries);

}  // namespace alemsim
