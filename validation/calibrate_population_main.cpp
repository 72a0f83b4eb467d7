// Fits the B/NK baseline scale and the baseline-count spread to the SmPC 5.1 fractions at the lower
// limit of normal, given the shipped typical values, and prints the result (see
// validation/population_calibration.hpp for why these two settings).
#include <cstdio>

#include "validation/population_calibration.hpp"

int main() {
  const alemsim::PopulationCalibration fit =
      alemsim::calibrate_population(alemsim::typical_params(), alemsim::healthy_range_variability());
  alemsim::print_population_calibration(stdout, fit);
  return 0;
}
