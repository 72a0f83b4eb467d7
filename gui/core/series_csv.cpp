#include "gui/core/series_csv.hpp"

#include <iomanip>

#include "io/atomic_file.hpp"

namespace alemsim::gui {

bool same_grid(const TypicalSnapshot& typical, const PopulationSnapshot& population) {
  return typical.grid_day == population.grid_day;
}

void write_plotted_series_csv(std::ostream& out, const TypicalSnapshot& typical, const PopulationSnapshot* population) {
  if (population != nullptr && !same_grid(typical, *population)) population = nullptr;
  // Population columns follow the typical quantities they belong to, matched by column name.
  std::vector<int> population_index(typical.quantities.size(), -1);
  if (population != nullptr) {
    for (std::size_t q = 0; q < typical.quantities.size(); ++q) {
      population_index[q] = find_quantity(population->quantities, typical.quantities[q].column);
    }
  }
  out << "time_day";
  for (std::size_t q = 0; q < typical.quantities.size(); ++q) {
    const std::string& column = typical.quantities[q].column;
    out << ',' << column << "_typical";
    if (population_index[q] >= 0) {
      for (const char* p : {"_p05", "_p25", "_p50", "_p75", "_p95"}) out << ',' << column << p;
    }
  }
  out << '\n' << std::setprecision(10);
  for (std::size_t t = 0; t < typical.grid_day.size(); ++t) {
    out << typical.grid_day[t];
    for (std::size_t q = 0; q < typical.quantities.size(); ++q) {
      out << ',' << typical.series[q][t];
      if (population_index[q] < 0) continue;
      const PercentileCurves& c = population->percentiles[static_cast<std::size_t>(population_index[q])];
      for (const auto* curve : {&c.p05, &c.p25, &c.p50, &c.p75, &c.p95}) out << ',' << (*curve)[t];
    }
    out << '\n';
  }
}

void export_plotted_series_csv(const std::string& path, const TypicalSnapshot& typical,
                               const PopulationSnapshot* population) {
  AtomicFile file(path);
  write_plotted_series_csv(file.stream(), typical, population);
  file.commit();
}

}  // namespace alemsim::gui
