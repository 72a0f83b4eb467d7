// Fits the PK parameters marked "calibrated" in models/model_params.cpp to the SmPC 5.2 figures, and
// prints the fit report. Re-running it reproduces the shipped values (tests/validation checks this).
#include <cstdio>

#include "validation/pk_calibration.hpp"

int main() {
  const alemsim::PkCalibration fit = alemsim::calibrate_pk(alemsim::typical_params());
  alemsim::print_pk_calibration(stdout, fit);
  return fit.converged ? 0 : 1;
}
