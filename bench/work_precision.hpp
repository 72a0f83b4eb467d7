// The work-precision comparison of alemsim-bench-reference --work-precision: error against a
// 1e-12 reference against CPU time per patient, for alemsim, SUNDIALS CVODE (Adams and BDF), SciPy
// LSODA and R deSolve at the same tolerances, the way ODE-solver benchmarks are shown (SciML's
// work-precision diagrams), printed and drawn as an SVG.
#pragma once

#include <string>

namespace alemsim::bench {

struct WorkPrecisionOptions {
  std::string scenario = "scenarios/label-4-courses.yaml";
  std::string svg_path;    // "" = no plot
  int reference_repeat = 3;  // runs of each script per tolerance; the fastest counts
  bool scripts = true;     // SciPy and R (when installed); off: alemsim and CVODE only
};

// CVODE BDF at rtol 1e-10 against alemsim's Fehlberg 7(8) at 1e-12 on the typical patient of
// `scenario`: an independent solver's check of the engine. Prints the differences per group and
// returns 0 when every one is below `limit`, else 1.
int check_cvode(const std::string& scenario, double limit);

// Prints the table and writes the plot. Returns 0, or 1 when a reference disagrees with alemsim
// by 1e-4 or more at the default tolerance.
int run_work_precision(const WorkPrecisionOptions& options);

}  // namespace alemsim::bench
