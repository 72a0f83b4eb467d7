// The Kaplan–Meier estimate of a survival function from right-censored times, with Greenwood's
// variance and the confidence intervals R's survival package reports by default (survfit,
// conf.type = "log"), so its figures can be checked against R line by line. Used for time to
// recovery: a patient who has not recovered by the end of the observed window is censored there.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace alemsim {

// The standard normal quantile of 0.975: 95% intervals are ± this many standard errors.
inline constexpr double kNormalQuantile975 = 1.959963984540054;

// The estimate at one time at which at least one event occurred.
struct KaplanMeierStep {
  double time = 0.0;
  std::int64_t at_risk = 0;   // n_i: subjects still observed and event-free just before `time`
  std::int64_t events = 0;    // d_i: events at `time`
  double survival = 0.0;      // S(time) = Π (1 − d_j / n_j) over event times up to `time`
  // Greenwood: Var(log S) = Σ d_j / (n_j (n_j − d_j)); this is S·sqrt(Var(log S)), the standard
  // error of S. NaN once S = 0, as its interval.
  double std_error = 0.0;
  double lower_95 = 0.0;      // S·exp(∓z·sqrt(Var(log S))), the upper one capped at 1
  double upper_95 = 0.0;
};

// The time by which a fraction of subjects has had the event, with its 95% interval. NaN where the
// curve (or the interval's band) never comes down that far within the data.
struct SurvivalQuantile {
  double estimate;
  double lower_95;
  double upper_95;
};

class KaplanMeier {
 public:
  // `count` subjects with the same time; `event` false: censored at `time` (observed event-free up
  // to and including it). A time must be finite.
  void add(double time, bool event, std::int64_t count = 1);

  std::int64_t subjects() const { return subjects_; }
  std::int64_t events() const { return events_; }
  bool empty() const { return subjects_ == 0; }
  double last_time() const;  // the largest time added, event or censored; NaN when empty

  // The curve at every event time, in time order.
  std::vector<KaplanMeierStep> curve() const;
  // The time by which a fraction `p` (0 < p < 1) has had the event (the p-quantile of the time to
  // event; p = 0.5: the median), defined as R's quantile.survfit: the first event time at which
  // S <= 1 − p, except that where S equals 1 − p (to 1e-8) from an event time on, the midpoint of
  // that time and the next event time (the last time observed if there is none). Its interval is
  // the same rule applied to the lower and upper bands: the lower limit where the lower band comes
  // down to 1 − p, the upper limit where the upper band does.
  SurvivalQuantile quantile(double p) const;

 private:
  struct AtTime {
    std::int64_t events = 0;
    std::int64_t censored = 0;
  };
  std::map<double, AtTime> at_time_;
  std::int64_t subjects_ = 0;
  std::int64_t events_ = 0;
};

}  // namespace alemsim
