// Terminal summaries of a run, one block per course.
#pragma once

#include <cstdio>
#include <span>

#include "io/scenario.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {

void print_typical_summary(std::FILE* out, const Scenario& scenario, const PatientResult& result);

// grid_day: the output times the summary was accumulated on.
void print_population_summary(std::FILE* out, const Scenario& scenario, const PopulationSummary& summary,
                              std::span<const double> grid_day);

}  // namespace alemsim
