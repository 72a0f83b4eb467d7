// Numerical verification beside the scientific checks: is what the solver returns the solution of
// the model's equations, to a stated accuracy?
#pragma once

#include <span>
#include <string>
#include <vector>

#include "validation/validation_runs.hpp"

namespace alemsim {

struct NumericalCheck {
  std::string name;     // e.g. "Default vs tight tolerances"
  std::string measure;  // what `measured` is, e.g. "largest difference, fraction of each output's peak"
  double measured = 0.0;
  double limit = 0.0;  // pass when measured <= limit
  bool pass = false;
};

// Runs on runs.params and runs.typical (the default-tolerance typical patient):
//  - the typical patient again at rel_tol 1e-12 / abs_tol 1e-13, and with the Fehlberg 7(8) stepper;
//  - drug mass balance: dosed = in serum + eliminated, through the same dosing engine;
//  - a one-compartment linear model against its closed-form solution, with both steppers;
//  - the population run: every patient integrated.
std::vector<NumericalCheck> run_numerical_checks(const ValidationRuns& runs);

bool all_passed(std::span<const NumericalCheck> checks);

}  // namespace alemsim
