#include "cli/study_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/number_text.hpp"
#include "io/svg_plot.hpp"

namespace alemsim {
namespace {

std::string num(double v) { return std::isnan(v) ? "NaN" : fmt::format("{:.4g}", v); }

std::string arm_label(const StudyFile& study, std::size_t a) {
  return study.design.arms[a].name + (a == study.design.reference_arm ? " (ref)" : "");
}

// A Kaplan–Meier time to recovery: "317 [290 - 352]" days, "n.r." where not reached in the window.
std::string median_with_interval(const KaplanMeier& km) {
  if (km.empty()) return "-";
  const SurvivalQuantile q = km.quantile(0.5);
  const auto day = [](double v) { return std::isnan(v) ? std::string("n.r.") : fmt::format("{:.0f}", v); };
  return fmt::format("{} [{} - {}]", day(q.estimate), day(q.lower_95), day(q.upper_95));
}

std::string percent_of(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole)) : "-";
}

// The thresholds a study table shows: CD4+ at 200 and each lower limit of normal (the baselines are
// in study.h5).
bool in_study_table(const RecoveryThreshold& t) { return t.name.rfind("baseline_", 0) != 0; }

}  // namespace

void print_study_table(std::FILE* out, const StudyFile& study, const std::vector<ArmSummary>& arms) {
  const StudyDesign& d = study.design;
  fmt::print(out, "{}: {} arm(s) x {} virtual patients (seed {}), outcomes of course {} over {:g} days from its start\n",
             study.name, arms.size(), d.patients, d.seed, d.outcome_course + 1, d.outcome_window_day);
  fmt::print(out, "Reference arm: {}. Paired difference = arm minus reference, patient by patient.\n",
             d.arms[d.reference_arm].name);
  for (const ArmSummary& a : arms) {
    if (a.failed > 0) fmt::print(out, "WARNING: arm {}: solver failed for {} patient(s); left out\n", a.name, a.failed);
  }
  const auto outcomes = study_outcomes();
  std::size_t width = 10;
  for (std::size_t a = 0; a < arms.size(); ++a) width = std::max(width, arm_label(study, a).size());
  for (std::size_t m = 0; m < outcomes.size(); ++m) {
    fmt::print(out, "\n{} ({}): {}\n", outcomes[m].name, outcomes[m].unit, outcomes[m].description);
    fmt::print(out, "  {:<{}} {:>17} {:>27} {:>21} | {:>17} {:>21}  {:>6}\n", "arm", width, "mean +-SE",
               "median [95% CI]", "5% - 95%", "diff mean +-SE", "diff 5% - 95%", "n");
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const auto& v = arms[a].value[m];
      const auto& diff = arms[a].difference[m];
      const Interval median = v.percentile_interval(50);
      fmt::print(out, "  {:<{}} {:>17} {:>27} {:>21} | {:>17} {:>21}  {:>6}\n", arm_label(study, a), width,
                 num(v.mean()) + " +-" + standard_error_text(v.mean_standard_error()),
                 num(v.percentile(50)) + " [" + num(median.lower) + " - " + num(median.upper) + "]",
                 num(v.percentile(5)) + " - " + num(v.percentile(95)),
                 num(diff.mean()) + " +-" + standard_error_text(diff.mean_standard_error()),
                 num(diff.percentile(5)) + " - " + num(diff.percentile(95)), v.count());
    }
  }
  const std::size_t k = d.outcome_course;
  const RecoveryAnalysis& first = arms.front().recovery;
  for (std::size_t j = 0; j < first.thresholds().size(); ++j) {
    if (!in_study_table(first.thresholds()[j])) continue;
    fmt::print(out, "\n{}, days from the start of course {}: Kaplan-Meier over the patients who fell below, those not "
                    "back by the end of the window censored there (n.r.: not reached in it)\n",
               first.thresholds()[j].label, k + 1);
    fmt::print(out, "  {:<{}} {:>11} {:>15} {:>22}\n", "arm", width, "never below", "recovered", "median [95% CI]");
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const RecoveryEstimate& e = arms[a].recovery.estimate(k, j);
      const KaplanMeier& km = e.time_to_recovery;
      fmt::print(out, "  {:<{}} {:>11} {:>15} {:>22}\n", arm_label(study, a), width, percent_of(e.never_below, e.patients),
                 fmt::format("{} of {}", km.events(), km.subjects()), median_with_interval(km));
    }
  }
}

void write_study_csv(std::ostream& out, const StudyFile& study, const std::vector<ArmSummary>& arms) {
  const StudyDesign& d = study.design;
  const auto outcomes = study_outcomes();
  out << "arm";
  for (const std::string& s : d.settings) out << ',' << s;
  out << ",outcome,unit,patients,n,mean,median,p5,p95,diff_mean,diff_p5,diff_p95,mean_se,median_lower_95,"
         "median_upper_95,diff_mean_se\n";
  for (std::size_t a = 0; a < arms.size(); ++a) {
    for (std::size_t m = 0; m < outcomes.size(); ++m) {
      const auto& v = arms[a].value[m];
      const auto& diff = arms[a].difference[m];
      // Arm names contain no quotes; quoted because they may contain spaces and '='.
      out << '"' << arms[a].name << '"';
      for (double s : d.arms[a].setting_values) out << ',' << fmt::format("{}", s);
      const Interval median = v.percentile_interval(50);
      fmt::print(out, ",{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", outcomes[m].name, outcomes[m].unit, arms[a].patients,
                 v.count(), v.mean(), v.percentile(50), v.percentile(5), v.percentile(95), diff.mean(),
                 diff.percentile(5), diff.percentile(95), v.mean_standard_error(), median.lower, median.upper,
                 diff.mean_standard_error());
    }
  }
}

void write_study_markdown(std::ostream& out, const StudyFile& study, const std::vector<ArmSummary>& arms) {
  const StudyDesign& d = study.design;
  fmt::print(out, "# {}\n\n{} arm(s) x {} virtual patients (seed {}); outcomes of course {} over {:g} days from its "
                  "start. Reference arm: `{}`; differences are paired (arm minus reference, patient by patient).\n",
             study.name, arms.size(), d.patients, d.seed, d.outcome_course + 1, d.outcome_window_day,
             d.arms[d.reference_arm].name);
  const auto outcomes = study_outcomes();
  for (std::size_t m = 0; m < outcomes.size(); ++m) {
    fmt::print(out, "\n## {} ({})\n\n{}\n\n", outcomes[m].name, outcomes[m].unit, outcomes[m].description);
    out << "| arm | mean ± SE | median [95% CI] | 5% - 95% | paired diff mean ± SE | paired diff 5% - 95% | n |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const auto& v = arms[a].value[m];
      const auto& diff = arms[a].difference[m];
      const Interval median = v.percentile_interval(50);
      fmt::print(out, "| {} | {} ± {} | {} [{} - {}] | {} - {} | {} ± {} | {} - {} | {} |\n", arm_label(study, a),
                 num(v.mean()), standard_error_text(v.mean_standard_error()), num(v.percentile(50)), num(median.lower),
                 num(median.upper), num(v.percentile(5)), num(v.percentile(95)), num(diff.mean()),
                 standard_error_text(diff.mean_standard_error()), num(diff.percentile(5)), num(diff.percentile(95)),
                 v.count());
    }
  }
  const std::size_t k = d.outcome_course;
  const RecoveryAnalysis& first = arms.front().recovery;
  for (std::size_t j = 0; j < first.thresholds().size(); ++j) {
    if (!in_study_table(first.thresholds()[j])) continue;
    fmt::print(out, "\n## {}: time to recovery\n\nDays from the start of course {}. Kaplan-Meier over the patients who "
                    "fell below, those not back by the end of the window censored there; n.r.: not reached in it.\n\n",
               first.thresholds()[j].label, k + 1);
    out << "| arm | never below | recovered | median [95% CI] |\n|---|---:|---:|---:|\n";
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const RecoveryEstimate& e = arms[a].recovery.estimate(k, j);
      const KaplanMeier& km = e.time_to_recovery;
      fmt::print(out, "| {} | {} | {} of {} | {} |\n", arm_label(study, a), percent_of(e.never_below, e.patients), km.events(),
                 km.subjects(), median_with_interval(km));
    }
  }
}

std::string study_plot_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t m) {
  const StudyDesign& d = study.design;
  const auto outcomes = study_outcomes();
  // Arms grouped by the values of the settings after the first: one line and band per group.
  std::map<std::vector<double>, std::vector<std::size_t>> groups;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const auto& s = d.arms[a].setting_values;
    groups[std::vector<double>(s.begin() + 1, s.end())].push_back(a);
  }
  static constexpr const char* kColors[] = {svg::kBlue, svg::kVermillion, svg::kGreen, svg::kOrange, svg::kPurple, svg::kGrey};
  svg::Panel panel;
  panel.title = outcomes[m].description.substr(0, 70);
  panel.x_label = d.settings.front();
  panel.y_label = outcomes[m].name + " (" + outcomes[m].unit + ")";
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
  std::size_t g = 0;
  for (const auto& [others, members] : groups) {
    std::string label = "median";
    for (std::size_t i = 0; i < others.size(); ++i) label += fmt::format(", {}={}", d.settings[i + 1], others[i]);
    const char* color = kColors[g++ % std::size(kColors)];
    svg::Line line{label, {}, {}, color};
    svg::Band band{"5th-95th percentile", {}, {}, {}, color, 0.2};
    for (std::size_t a : members) {
      const auto& v = arms[a].value[m];
      const double x = d.arms[a].setting_values.front();
      // The axis spans every arm, also when no patient of any arm has a value (an outcome nobody
      // reached within the window): the plot is then empty, not an error.
      x_lo = std::min(x_lo, x);
      x_hi = std::max(x_hi, x);
      if (v.count() == 0) continue;
      line.x.push_back(x);
      line.y.push_back(v.percentile(50));
      band.x.push_back(x);
      band.y_low.push_back(v.percentile(5));
      band.y_high.push_back(v.percentile(95));
      y_lo = std::min(y_lo, v.percentile(5));
      y_hi = std::max(y_hi, v.percentile(95));
    }
    panel.bands.push_back(std::move(band));
    panel.lines.push_back(std::move(line));
  }
  if (!(x_hi > x_lo)) {
    x_lo -= 1.0;
    x_hi += 1.0;
  }
  if (!std::isfinite(y_lo)) {
    y_lo = 0.0;
    y_hi = 1.0;
  }
  const double pad = y_hi > y_lo ? 0.05 * (y_hi - y_lo) : std::max(1.0, std::abs(y_hi) * 0.1);
  panel.x_min = x_lo;
  panel.x_max = x_hi;
  panel.y_min = std::min(0.0, y_lo - pad);
  panel.y_max = y_hi + pad;
  return svg::render(std::span(&panel, 1));
}

}  // namespace alemsim
