#include "bench/reference_runner.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace alemsim::bench {
namespace {

struct Outcome {
  int exit_code;
  std::string out;  // stdout and stderr together
};

Outcome run_shell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, sep);) fields.push_back(field);
  return fields;
}

// The columns named `columns` (time_day first) of a CSV with a header row.
std::vector<std::vector<double>> read_columns(const std::string& path, const std::vector<std::string>& columns) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(path + ": missing or empty");
  const auto header = split(line, ',');
  std::vector<std::size_t> at;
  for (const std::string& c : columns) {
    std::size_t i = 0;
    while (i < header.size() && header[i] != c) ++i;
    if (i == header.size()) throw std::runtime_error(path + ": no column " + c);
    at.push_back(i);
  }
  std::vector<std::vector<double>> values(columns.size());
  while (std::getline(in, line)) {
    const auto fields = split(line, ',');
    for (std::size_t k = 0; k < at.size(); ++k) values[k].push_back(std::stod(fields.at(at[k])));
  }
  return values;
}

}  // namespace

std::string shell_quote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

bool is_installed(const ReferenceSolver& solver) { return run_shell(solver.probe + " >/dev/null").exit_code == 0; }

ReferenceRun run_reference(const ReferenceSolver& solver, const std::string& scenario, const std::string& params,
                           const std::string& grid_csv, const std::string& out_csv, int repeat,
                           const std::vector<std::string>& columns) {
  const std::string command = solver.command + " " + shell_quote(scenario) + " " + shell_quote(params) + " " +
                              shell_quote(grid_csv) + " " + shell_quote(out_csv) + " " + std::to_string(repeat);
  const Outcome outcome = run_shell(command);
  const auto fail = [&](const std::string& why) {
    return std::runtime_error(solver.label + ": " + why + "\ncommand: " + command + "\noutput:\n" + outcome.out);
  };
  if (outcome.exit_code != 0) throw fail("exited with code " + std::to_string(outcome.exit_code));

  ReferenceRun run;
  bool timed = false;
  for (const std::string& line : split(outcome.out, '\n')) {
    if (line.starts_with("solver=")) run.solver = line.substr(7);
    if (line.starts_with("integration_seconds=")) {
      run.integration_seconds = std::stod(line.substr(20));
      timed = true;
    }
  }
  if (!timed || !(run.integration_seconds > 0.0)) throw fail("printed no positive integration_seconds=");

  std::vector<std::string> wanted{"time_day"};
  wanted.insert(wanted.end(), columns.begin(), columns.end());
  auto values = read_columns(out_csv, wanted);
  run.time_day = std::move(values.front());
  run.series.assign(std::make_move_iterator(values.begin() + 1), std::make_move_iterator(values.end()));
  return run;
}

std::vector<ReferenceSolver> reference_solvers() {
  const std::string dir = std::string(ALEMSIM_SOURCE_DIR) + "/bench/reference/";
  const std::string python = shell_quote(ALEMSIM_PYTHON);
  const std::string rscript = shell_quote(ALEMSIM_RSCRIPT);
  return {
      {"scipy", "SciPy", python + " -c 'import scipy'", python + " " + shell_quote(dir + "alemtuzumab.py"),
       "python3-scipy (scripts/install-deps.sh)"},
      {"r", "R deSolve", rscript + " -e 'library(deSolve); library(yaml)'",
       rscript + " " + shell_quote(dir + "alemtuzumab.R"), "r-base-core r-cran-desolve r-cran-yaml (scripts/install-deps.sh --bench)"},
  };
}


TempDir::TempDir() : path(std::filesystem::temp_directory_path() / ("alemsim-bench-reference-" + std::to_string(getpid()))) {
  std::filesystem::create_directories(path);
}
TempDir::~TempDir() { std::filesystem::remove_all(path); }

void write_series(const std::filesystem::path& path, std::span<const double> grid, const PatientResult& result) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) throw std::runtime_error("cannot write " + path.string());
  std::fprintf(out, "id,time_day");
  for (const auto& q : patient_outputs()) std::fprintf(out, ",%s", std::string(q.column).c_str());
  std::fprintf(out, "\n");
  for (std::size_t i = 0; i < grid.size(); ++i) {
    std::fprintf(out, "0,%.17g", grid[i]);
    for (const auto& series : result.series) std::fprintf(out, ",%.17g", series[i]);
    std::fprintf(out, "\n");
  }
  std::fclose(out);
}


}  // namespace alemsim::bench
