// Fits the parameters marked "calibrated" in models/model_params.cpp and prints the fit report.
// Re-running it from the shipped values reproduces them (test Calibration.RecalibratingReproducesTheShippedValues).
#include <cstdio>

#include "validation/calibration.hpp"

int main() {
  const alemsim::Calibration fit = alemsim::calibrate(alemsim::typical_params());
  alemsim::print_calibration(stdout, fit);
  return fit.converged ? 0 : 1;
}
