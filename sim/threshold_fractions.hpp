// The fraction of patients below a threshold at every output time, with its binomial 95% interval:
// "what fraction is under 200 CD4+/µL at month 3" without a script over the series. Exact counts
// (no binning), memory independent of the number of patients.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/output_quantity.hpp"
#include "sim/population.hpp"

namespace alemsim {

// Months after each course's first infusion at which a population summary prints the fractions
// (on the output grid: course_summary_times() holds them).
inline constexpr double kFractionCheckMonths[] = {1.0, 3.0, 6.0, 12.0};

// A proportion k/n with the Wilson score 95% interval (Wilson 1927; Agresti & Coull 1998 on its
// coverage: close to nominal also for k near 0 or n, where the normal interval fails). NaN when n = 0.
struct Proportion {
  double estimate;
  double lower_95;
  double upper_95;
};
Proportion wilson_interval(std::int64_t k, std::int64_t n);

struct CountThreshold {
  std::string name;   // e.g. "cd4_below_200", "cd8_below_lln": a file's dataset name
  std::string label;  // e.g. "CD4+ T cells < 200 cells/uL"
  std::size_t output = 0;  // index of the count in the outputs
  double cells_per_ul = 0.0;
};

// CD4+ below 200 cells/µL (the prophylaxis count), and each count with a lower limit of normal below it.
std::vector<CountThreshold> count_thresholds(std::span<const OutputQuantity> outputs);

class ThresholdFractions {
 public:
  ThresholdFractions(std::span<const OutputQuantity> outputs, std::size_t times);
  void add(std::span<const PatientOutcome> batch);  // failed patients are left out

  const std::vector<CountThreshold>& thresholds() const { return thresholds_; }
  std::int64_t patients() const { return patients_; }
  // Threshold j (index in thresholds()) at output time t.
  Proportion below(std::size_t j, std::size_t t) const;

 private:
  std::vector<CountThreshold> thresholds_;
  std::size_t times_;
  std::vector<std::int64_t> below_;  // [threshold][time]
  std::int64_t patients_ = 0;
};

}  // namespace alemsim
