// Long-format CSV of simulated series: one row per (patient, output time).
#pragma once

#include <ostream>
#include <span>

#include "sim/population.hpp"

namespace alemsim {

// Header: id,time_day, then one column per patient_outputs() quantity.
void write_series_csv_header(std::ostream& out);

// Rows of every simulated patient in `batch` (patients whose solver failed are left out; the CLI
// reports them). Values are printed with 10 significant digits.
void write_series_csv_rows(std::ostream& out, std::span<const double> grid_day, std::span<const PatientOutcome> batch);

}  // namespace alemsim
