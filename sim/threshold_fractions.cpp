#include "sim/threshold_fractions.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/reference_ranges.hpp"
#include "sim/regimen.hpp"
#include "sim/survival.hpp"

namespace alemsim {

Proportion wilson_interval(std::int64_t k, std::int64_t n) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (n <= 0) return {kNaN, kNaN, kNaN};
  if (k < 0 || k > n) throw std::invalid_argument("wilson_interval: k must lie in 0..n");
  constexpr double z = kNormalQuantile975;
  const auto nd = static_cast<double>(n);
  const double p = static_cast<double>(k) / nd;
  const double centre = (p + z * z / (2.0 * nd)) / (1.0 + z * z / nd);
  const double half = z / (1.0 + z * z / nd) * std::sqrt(p * (1.0 - p) / nd + z * z / (4.0 * nd * nd));
  // At k = 0 and k = n the interval touches 0 and 1 exactly (rounding could leave it a hair off).
  return {p, k == 0 ? 0.0 : centre - half, k == n ? 1.0 : centre + half};
}

std::vector<CountThreshold> count_thresholds(std::span<const OutputQuantity> outputs) {
  std::vector<CountThreshold> t;
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (outputs[q].guides_prophylaxis) {
      t.push_back({std::string(outputs[q].short_name) + "_below_" + format_number(kProphylaxisCd4CellsPerUl),
                   std::string(outputs[q].label) + " < " + format_number(kProphylaxisCd4CellsPerUl) + " cells/uL", q,
                   kProphylaxisCd4CellsPerUl});
    }
  }
  for (std::size_t q = 0; q < outputs.size(); ++q) {
    if (!outputs[q].is_cell_count() || !outputs[q].has_lln()) continue;
    t.push_back({std::string(outputs[q].short_name) + "_below_lln",
                 std::string(outputs[q].label) + " < LLN (" + format_number(outputs[q].lln_cells_per_ul) + ")", q,
                 outputs[q].lln_cells_per_ul});
  }
  return t;
}

ThresholdFractions::ThresholdFractions(std::span<const OutputQuantity> outputs, std::size_t times)
    : thresholds_(count_thresholds(outputs)), times_(times), below_(thresholds_.size() * times, 0) {}

void ThresholdFractions::add(std::span<const PatientOutcome> batch) {
  for (const PatientOutcome& p : batch) {
    if (!p.ok) continue;
    ++patients_;
    for (std::size_t j = 0; j < thresholds_.size(); ++j) {
      const std::vector<double>& v = p.result.series.at(thresholds_[j].output);
      if (v.size() != times_) throw std::invalid_argument("ThresholdFractions: a patient's series has the wrong length");
      std::int64_t* below = &below_[j * times_];
      const double threshold = thresholds_[j].cells_per_ul;
      for (std::size_t t = 0; t < times_; ++t) below[t] += v[t] < threshold ? 1 : 0;
    }
  }
}

Proportion ThresholdFractions::below(std::size_t j, std::size_t t) const {
  if (j >= thresholds_.size() || t >= times_) throw std::out_of_range("ThresholdFractions::below: index out of range");
  return wilson_interval(below_[j * times_ + t], patients_);
}

}  // namespace alemsim
