#include "io/csv_output.hpp"

#include <fmt/format.h>

namespace alemsim {

void write_series_csv_header(std::ostream& out) {
  out << "id,time_day";
  for (const OutputQuantity& q : patient_outputs()) out << ',' << q.column;
  out << '\n';
}

void write_series_csv_rows(std::ostream& out, std::span<const double> grid_day, std::span<const PatientOutcome> batch) {
  fmt::memory_buffer line;
  for (const PatientOutcome& p : batch) {
    if (!p.ok) continue;
    for (std::size_t i = 0; i < grid_day.size(); ++i) {
      line.clear();
      fmt::format_to(std::back_inserter(line), "{},{:.10g}", p.index, grid_day[i]);
      for (const auto& series : p.result.series) fmt::format_to(std::back_inserter(line), ",{:.10g}", series[i]);
      line.push_back('\n');
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
  }
}

}  // namespace alemsim
