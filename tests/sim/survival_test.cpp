// Kaplan–Meier against a hand computation and against R's survival package (3.4, survfit with its
// default conf.type = "log"; the R lines are quoted beside each expectation).
#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "sim/survival.hpp"

namespace alemsim {
namespace {

KaplanMeier from(const std::vector<double>& times, const std::vector<int>& events) {
  KaplanMeier km;
  for (std::size_t i = 0; i < times.size(); ++i) km.add(times[i], events[i] == 1);
  return km;
}

TEST(KaplanMeier, HandComputedCurve) {
  // Six subjects: events at 1, 2, 3, 5; censored at 2 and 4.
  // S(1) = 5/6; S(2) = 5/6 · 4/5 = 2/3 (the subject censored at 2 is at risk at 2);
  // S(3) = 2/3 · 2/3 = 4/9 (3 at risk); S(5) = 0 (1 at risk).
  const KaplanMeier km = from({1, 2, 2, 3, 4, 5}, {1, 1, 0, 1, 0, 1});
  const std::vector<KaplanMeierStep> c = km.curve();
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].at_risk, 6);
  EXPECT_EQ(c[1].at_risk, 5);
  EXPECT_EQ(c[2].at_risk, 3);
  EXPECT_EQ(c[3].at_risk, 1);
  EXPECT_DOUBLE_EQ(c[0].survival, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(c[1].survival, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(c[2].survival, 4.0 / 9.0);
  EXPECT_EQ(c[3].survival, 0.0);
  // Greenwood at 3: 1/(6·5) + 1/(5·4) + 1/(3·2) = 0.25, so SE(S) = 4/9 · 0.5.
  EXPECT_DOUBLE_EQ(c[2].std_error, 4.0 / 9.0 * 0.5);
  EXPECT_DOUBLE_EQ(c[2].lower_95, 4.0 / 9.0 * std::exp(-kNormalQuantile975 * 0.5));
  EXPECT_EQ(c[2].upper_95, 1.0);  // 4/9 · e^0.98 > 1: capped
  EXPECT_TRUE(std::isnan(c[3].std_error));
  EXPECT_TRUE(std::isnan(c[3].lower_95));
  // R: quantile(survfit(Surv(t, e) ~ 1), c(.25, .5, .75)): 2 3 5; lower 1 2 3; upper NA NA NA.
  const SurvivalQuantile q25 = km.quantile(0.25), q50 = km.quantile(0.5), q75 = km.quantile(0.75);
  EXPECT_EQ(q25.estimate, 2.0);
  EXPECT_EQ(q50.estimate, 3.0);
  EXPECT_EQ(q75.estimate, 5.0);
  EXPECT_EQ(q25.lower_95, 1.0);
  EXPECT_EQ(q50.lower_95, 2.0);
  EXPECT_EQ(q75.lower_95, 3.0);
  EXPECT_TRUE(std::isnan(q25.upper_95));
  EXPECT_TRUE(std::isnan(q75.upper_95));
  EXPECT_EQ(km.subjects(), 6);
  EXPECT_EQ(km.events(), 4);
  EXPECT_EQ(km.last_time(), 5.0);
}

TEST(KaplanMeier, MatchesRSurvivalOnTheFreireich6MpGroup) {
  // Freireich et al., Blood 1963: weeks of remission in the 6-mercaptopurine group (Gehan 1965;
  // Kleinbaum & Klein, Survival Analysis, ch. 2), the textbook Kaplan–Meier example.
  const KaplanMeier km = from({6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35},
                              {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0});
  // R: summary(survfit(Surv(t, e) ~ 1)), digits = 10.
  struct Row {
    double time;
    std::int64_t at_risk, events;
    double survival, std_error, lower, upper;
  };
  const Row r[] = {
      {6, 21, 3, 0.8571428571, 0.07636035483, 0.7198170839, 1.0000000000},
      {7, 17, 1, 0.8067226891, 0.08693528518, 0.6531242185, 0.9964436759},
      {10, 15, 1, 0.7529411765, 0.09634965299, 0.5859189820, 0.9675747546},
      {13, 12, 1, 0.6901960784, 0.10681470778, 0.5096130991, 0.9347691955},
      {16, 11, 1, 0.6274509804, 0.11405386526, 0.4393939250, 0.8959949385},
      {22, 7, 1, 0.5378151261, 0.12823375169, 0.3370366162, 0.8582008480},
      {23, 6, 1, 0.4481792717, 0.13459145676, 0.2487882268, 0.8073720455},
  };
  const std::vector<KaplanMeierStep> c = km.curve();
  ASSERT_EQ(c.size(), std::size(r));
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(c[i].time, r[i].time);
    EXPECT_EQ(c[i].at_risk, r[i].at_risk);
    EXPECT_EQ(c[i].events, r[i].events);
    // R prints 10 significant digits.
    EXPECT_NEAR(c[i].survival, r[i].survival, 1e-10) << r[i].time;
    EXPECT_NEAR(c[i].std_error, r[i].std_error, 1e-10) << r[i].time;
    EXPECT_NEAR(c[i].lower_95, r[i].lower, 1e-10) << r[i].time;
    EXPECT_NEAR(c[i].upper_95, r[i].upper, 1e-10) << r[i].time;
  }
  // R: quantile(f, c(.25, .5, .75)): 13 23 NA; lower 6 16 23; upper NA NA NA.
  EXPECT_EQ(km.quantile(0.25).estimate, 13.0);
  EXPECT_EQ(km.quantile(0.5).estimate, 23.0);
  EXPECT_TRUE(std::isnan(km.quantile(0.75).estimate));
  EXPECT_EQ(km.quantile(0.25).lower_95, 6.0);
  EXPECT_EQ(km.quantile(0.5).lower_95, 16.0);
  EXPECT_EQ(km.quantile(0.75).lower_95, 23.0);
  EXPECT_TRUE(std::isnan(km.quantile(0.5).upper_95));
}

TEST(KaplanMeier, CurveExactlyAtTheLevelTakesTheMidpointAsR) {
  // R: quantile(survfit(Surv(1:4, rep(1, 4)) ~ 1), c(.25, .5, .75)): 1.5 2.5 3.5.
  const KaplanMeier all_events = from({1, 2, 3, 4}, {1, 1, 1, 1});
  EXPECT_EQ(all_events.quantile(0.25).estimate, 1.5);
  EXPECT_EQ(all_events.quantile(0.5).estimate, 2.5);
  EXPECT_EQ(all_events.quantile(0.75).estimate, 3.5);
  EXPECT_EQ(all_events.quantile(0.75).lower_95, 2.0);
  // Flat at 0.5 until censored at 3 and 4: halfway to the last time observed (R: 3).
  EXPECT_EQ(from({1, 2, 3, 4}, {1, 1, 0, 0}).quantile(0.5).estimate, 3.0);
  // ... or to the next event time (R, events at 1, 2, 2, 6, censored at 3, 4: 4).
  EXPECT_EQ(from({1, 2, 2, 3, 4, 6}, {1, 1, 1, 0, 0, 1}).quantile(0.5).estimate, 4.0);
}

TEST(KaplanMeier, CountsAddAsRepeatedSubjects) {
  KaplanMeier counted;
  counted.add(6.0, true, 3);
  counted.add(6.0, false, 1);
  counted.add(7.0, true, 1);
  const KaplanMeier one_by_one = from({6, 6, 6, 6, 7}, {1, 1, 1, 0, 1});
  ASSERT_EQ(counted.curve().size(), one_by_one.curve().size());
  for (std::size_t i = 0; i < counted.curve().size(); ++i) {
    EXPECT_EQ(counted.curve()[i].survival, one_by_one.curve()[i].survival);
    const double a = counted.curve()[i].std_error, b = one_by_one.curve()[i].std_error;
    EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << i;  // NaN once S = 0
  }
}

TEST(KaplanMeier, NoEventsOrNoSubjectsGiveNoQuantile) {
  const KaplanMeier censored = from({5, 9}, {0, 0});
  EXPECT_TRUE(censored.curve().empty());
  EXPECT_TRUE(std::isnan(censored.quantile(0.5).estimate));
  const KaplanMeier none;
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(std::isnan(none.quantile(0.5).estimate));
  EXPECT_TRUE(std::isnan(none.last_time()));
}

TEST(KaplanMeier, RejectsWhatItCannotEstimate) {
  KaplanMeier km;
  EXPECT_THROW(km.add(std::nan(""), true), std::invalid_argument);
  EXPECT_THROW(km.add(INFINITY, false), std::invalid_argument);
  EXPECT_THROW(km.add(1.0, true, -1), std::invalid_argument);
  EXPECT_THROW((void)km.quantile(0.0), std::invalid_argument);
  EXPECT_THROW((void)km.quantile(1.0), std::invalid_argument);
}

}  // namespace
}  // namespace alemsim
