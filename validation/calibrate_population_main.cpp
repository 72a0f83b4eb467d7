// Fits the B/NK baseline scale and the baseline-count spread to the SmPC 5.1 fractions at the lower
// limit of normal, given the shipped typical values, and prints the result (see
// validation/population_calibration.hpp for why these two settings).
#include <cstdio>

#include "validation/population_calibration.hpp"

int main() {
  const alemsim::PopulationCalibration fit =
      alemsim::calibrate_population(alemsim::typical_params(), alemsim::healthy_range_variability());
  alemsim::print_population_calibration(stdout, fit);
  const double priming = alemsim::calibrate_ada_priming(alemsim::typical_params(), alemsim::default_variability());
  std::printf("ada_priming_per_day %.4g gives 85%% ADA-positive by month 15 (SmPC 5.1)\n", priming);
  std::printf("with the shipped CV: %.1f%%\n",
              100.0 * alemsim::simulate_ada_positive_fraction(alemsim::typical_params(), alemsim::default_variability(),
                                                              alemsim::kPopulationCalibrationPatients,
                                                              alemsim::kPopulationCalibrationSeed));
  return 0;
}
