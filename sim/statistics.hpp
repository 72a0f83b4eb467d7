// Small descriptive statistics for population summaries.
#pragma once

#include <vector>

namespace alemsim {

struct Spread {
  double mean;
  double p05;  // 5th percentile
  double p95;  // 95th percentile
  int count;   // finite values used (NaNs, e.g. figures past the horizon, are skipped)
};

// Percentile p in [0, 100] by linear interpolation between order statistics (Hyndman & Fan type 7,
// the default of R and NumPy). NaN for an empty input.
double percentile(std::vector<double> values, double p);

// Mean, 5th and 95th percentiles of the finite values.
Spread spread(const std::vector<double>& values);

}  // namespace alemsim
