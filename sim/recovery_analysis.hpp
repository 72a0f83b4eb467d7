// Time to recovery after each course, as a survival question: for every course and threshold
// (CD4+ back at 200 cells/µL, each count back at its lower limit of normal, each count back at 90% of
// the patient's own pre-treatment value), a Kaplan–Meier estimate over the patients who fell below the
// threshold, those not back by the end of the course window censored there, and the patients who
// never fell below counted apart. Averaging "days to recovery" over the patients who recovered
// would bias it towards fast recovery, and counting those never below as 0 would bias it further.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "models/output_quantity.hpp"
#include "sim/course_summary.hpp"
#include "sim/survival.hpp"

namespace alemsim {

struct RecoveryThreshold {
  std::string name;    // e.g. "cd4_200", "lln_cd4", "baseline_cd19": a file's group name
  std::string label;   // e.g. "CD4+ T cells back at 200 cells/uL"
  std::function<double(const CourseSummary&)> regained_day;  // a CourseSummary *_regained_day
};

// Every threshold for a model with these outputs, in a stable order: CD4+ at 200 cells/µL (the
// prophylaxis count), each count's lower limit of normal (where one is defined), each count's baseline.
std::vector<RecoveryThreshold> recovery_thresholds(std::span<const OutputQuantity> outputs);

// One course and threshold.
struct RecoveryEstimate {
  std::int64_t patients = 0;     // patients whose course window was simulated
  std::int64_t never_below = 0;  // of them, those whose count never fell below the threshold
  KaplanMeier time_to_recovery;  // days from the course start, over the other patients
};

class RecoveryAnalysis {
 public:
  RecoveryAnalysis() = default;  // no thresholds, no courses
  RecoveryAnalysis(std::span<const OutputQuantity> outputs, std::size_t courses);
  // One patient's courses (its CourseSummary list).
  void add(std::span<const CourseSummary> courses);

  const std::vector<RecoveryThreshold>& thresholds() const { return thresholds_; }
  std::size_t courses() const { return by_course_.size(); }
  // Course k (0-based), threshold j (index in thresholds()).
  const RecoveryEstimate& estimate(std::size_t k, std::size_t j) const { return by_course_.at(k).at(j); }

 private:
  std::vector<RecoveryThreshold> thresholds_;
  std::vector<std::vector<RecoveryEstimate>> by_course_;  // [course][threshold]
};

}  // namespace alemsim
