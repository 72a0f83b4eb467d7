// The typical parameter values as "name=value" lines, then the solver's default tolerances as
// "solver_rel_tol=..." and "solver_abs_tol=...": the file the reference implementations in
// bench/reference/ read, so their values come from param_table() and SolverOptions, never a copy.
#pragma once

#include <cstdio>
#include <string>

#include "models/model_params.hpp"
#include "sim/solver.hpp"

namespace alemsim::bench {

// %.17g round-trips every double exactly. The tolerances are alemsim's defaults unless given.
inline void write_typical_params(std::FILE* out, double rel_tol = SolverOptions{}.rel_tol,
                                 double abs_tol = SolverOptions{}.abs_tol) {
  for (const ParamInfo& info : param_table()) {
    std::fprintf(out, "%s=%.17g\n", std::string(info.name).c_str(), info.typical_value);
  }
  std::fprintf(out, "solver_rel_tol=%.17g\nsolver_abs_tol=%.17g\n", rel_tol, abs_tol);
}

}  // namespace alemsim::bench
