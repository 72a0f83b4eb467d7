// Runs one of the reference implementations in bench/reference/ (SciPy, R deSolve) as a child
// process and reads back what it integrated.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "sim/patient.hpp"

namespace alemsim::bench {

// A reference implementation: how to tell whether it is installed, and how to start it.
struct ReferenceSolver {
  std::string key;      // "scipy" or "r", as given to --only
  std::string label;    // for the printed table
  std::string probe;    // shell command that exits 0 when the solver's packages are installed
  std::string command;  // shell command up to the script's arguments
  std::string install;  // how to install it, for the message when it is missing
};

struct ReferenceRun {
  std::string solver;               // what the script reports it used (library and version)
  double integration_seconds = 0;   // measured inside the script: integration only, best of its runs
  std::vector<double> time_day;     // the grid it reported on
  std::vector<std::vector<double>> series;  // [column of `columns`][time]
};

// Runs `probe`; true when it exits 0. Its output is discarded.
bool is_installed(const ReferenceSolver& solver);

// Runs `command SCENARIO PARAMS GRID_CSV OUT_CSV REPEAT`, parses the "integration_seconds=" and
// "solver=" lines it prints and reads OUT_CSV's time_day and `columns`.
// Throws std::runtime_error with the script's output if it fails or prints something unexpected.
ReferenceRun run_reference(const ReferenceSolver& solver, const std::string& scenario, const std::string& params,
                           const std::string& grid_csv, const std::string& out_csv, int repeat,
                           const std::vector<std::string>& columns);

// SciPy (python3-scipy) and R deSolve, the implementations in bench/reference/.
std::vector<ReferenceSolver> reference_solvers();

// A private directory for the files exchanged with the scripts, removed on exit.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
};

// alemsim's series as the CSV the scripts read their output grid from (id, time_day, columns).
void write_series(const std::filesystem::path& path, std::span<const double> grid, const PatientResult& result);

// Wraps `s` in single quotes for /bin/sh.
std::string shell_quote(const std::string& s);

}  // namespace alemsim::bench
