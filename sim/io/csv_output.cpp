#include "sim/io/csv_output.hpp"

#include <fmt/format.h>

namespace alemsim {

void write_series_csv(std::ostream& out, std::span<const double> grid_day, std::span<const PopulationPatient> patients) {
  out << "id,time_day,concentration_ng_per_ml,cd52_pool_cells_per_ul\n";
  fmt::memory_buffer line;
  for (std::size_t id = 0; id < patients.size(); ++id) {
    const PopulationPatient& p = patients[id];
    if (!p.ok) continue;
    for (std::size_t i = 0; i < grid_day.size(); ++i) {
      line.clear();
      fmt::format_to(std::back_inserter(line), "{},{:.10g},{:.10g},{:.10g}\n", id, grid_day[i],
                     p.result.concentration_ng_per_ml[i], p.result.cd52_pool_cells_per_ul[i]);
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
}

}  // namespace alemsim
