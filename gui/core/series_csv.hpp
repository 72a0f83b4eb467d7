// Exporting what the plots show as a CSV table.
#pragma once

#include <ostream>
#include <string>

#include "gui/core/snapshot.hpp"

namespace alemsim::gui {

// Wide table, one row per output time: time_day, then per quantity "<column>_typical" and, when
// `population` is given and has the same time grid, "<column>_p05", "_p25", "_p50", "_p75", "_p95".
// Values with 10 significant digits.
void write_plotted_series_csv(std::ostream& out, const TypicalSnapshot& typical, const PopulationSnapshot* population);

// True when both snapshots share output times, so their columns can sit side by side.
bool same_grid(const TypicalSnapshot& typical, const PopulationSnapshot& population);

// Writes the table to `path` atomically. Throws std::runtime_error naming the path.
void export_plotted_series_csv(const std::string& path, const TypicalSnapshot& typical,
                               const PopulationSnapshot* population);

}  // namespace alemsim::gui
