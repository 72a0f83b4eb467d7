#include "sim/survival.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// R's tolerance (sqrt of the machine epsilon) for "the curve equals the quantile's level".
constexpr double kLevelTolerance = 1.4901161193847656e-08;

// The time at which `band` (one value per event time, NaN where undefined) first comes down to
// `level`, as KaplanMeier::quantile describes; NaN if it never does.
double first_time_at_or_below(const std::vector<KaplanMeierStep>& steps, const std::vector<double>& band, double level,
                              double last_time) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (std::isnan(band[i])) continue;
    if (std::abs(band[i] - level) < kLevelTolerance) {
      // Flat at the level from here: halfway to the next event time at which the band moves.
      for (std::size_t j = i + 1; j < steps.size(); ++j) {
        if (!(std::abs(band[j] - level) < kLevelTolerance)) return 0.5 * (steps[i].time + steps[j].time);
      }
      return 0.5 * (steps[i].time + last_time);
    }
    if (band[i] < level) return steps[i].time;
  }
  return kNaN;
}

}  // namespace

void KaplanMeier::add(double time, bool event, std::int64_t count) {
  if (!std::isfinite(time)) throw std::invalid_argument("KaplanMeier::add: the time must be finite");
  if (count < 0) throw std::invalid_argument("KaplanMeier::add: the count must not be negative");
  if (count == 0) return;
  AtTime& t = at_time_[time];
  (event ? t.events : t.censored) += count;
  subjects_ += count;
  if (event) events_ += count;
}

double KaplanMeier::last_time() const { return at_time_.empty() ? kNaN : at_time_.rbegin()->first; }

std::vector<KaplanMeierStep> KaplanMeier::curve() const {
  std::vector<KaplanMeierStep> steps;
  std::int64_t at_risk = subjects_;
  double survival = 1.0;
  double log_variance = 0.0;  // Greenwood's sum
  for (const auto& [time, counts] : at_time_) {
    if (counts.events > 0) {
      const auto n = static_cast<double>(at_risk);
      const auto d = static_cast<double>(counts.events);
      survival *= 1.0 - d / n;
      KaplanMeierStep s;
      s.time = time;
      s.at_risk = at_risk;
      s.events = counts.events;
      s.survival = survival;
      if (survival > 0.0) {
        log_variance += d / (n * (n - d));
        const double se_log = std::sqrt(log_variance);
        s.std_error = survival * se_log;
        s.lower_95 = survival * std::exp(-kNormalQuantile975 * se_log);
        s.upper_95 = std::min(1.0, survival * std::exp(kNormalQuantile975 * se_log));
      } else {
        s.std_error = s.lower_95 = s.upper_95 = kNaN;
      }
      steps.push_back(s);
    }
    at_risk -= counts.events + counts.censored;
  }
  return steps;
}

SurvivalQuantile KaplanMeier::quantile(double p) const {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("KaplanMeier::quantile: p must lie in (0, 1)");
  const std::vector<KaplanMeierStep> steps = curve();
  std::vector<double> survival, lower, upper;
  for (const KaplanMeierStep& s : steps) {
    survival.push_back(s.survival);
    lower.push_back(s.lower_95);
    upper.push_back(s.upper_95);
  }
  const double level = 1.0 - p;
  const double last = last_time();
  return {first_time_at_or_below(steps, survival, level, last), first_time_at_or_below(steps, lower, level, last),
          first_time_at_or_below(steps, upper, level, last)};
}

}  // namespace alemsim
