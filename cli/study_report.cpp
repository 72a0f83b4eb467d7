#include "cli/study_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/number_text.hpp"
#include "io/setting_path.hpp"
#include "io/svg_plot.hpp"
#include "sim/threshold_fractions.hpp"

namespace alemsim {
namespace {

std::string num(double v) { return std::isnan(v) ? "NaN" : fmt::format("{:.4g}", v); }

std::string arm_label(const StudyFile& study, std::size_t a) {
  return study.design.arms[a].name + (a == study.design.reference_arm ? " (ref)" : "");
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

namespace {

constexpr const char* kColors[] = {svg::kBlue, svg::kVermillion, svg::kGreen, svg::kOrange, svg::kPurple, svg::kGrey};
constexpr double kPlotWidthPx = 760.0;  // wide enough for an outcome's description as its title
constexpr double kPlotHeightPx = 360.0;

// An outcome as a plot shows it: per arm a central value with its 95% Monte Carlo interval and the
// spread over patients. A 0/1 outcome is a proportion with its Wilson interval, and has no spread.
struct ArmFigure {
  bool defined = false;
  double value = 0.0, lower = 0.0, upper = 0.0;          // median (or proportion) and its 95% interval
  double spread_low = 0.0, spread_high = 0.0;            // 5th and 95th percentile over patients
};

bool is_proportion(const StudyOutcome& o) { return o.unit == "fraction" && o.name == "incomplete_depletion"; }

ArmFigure figure_of(const StudyOutcome& o, const StreamingDistribution& v) {
  ArmFigure f;
  if (v.count() == 0) return f;
  f.defined = true;
  if (is_proportion(o)) {
    const auto ones = static_cast<std::int64_t>(std::llround(v.mean() * static_cast<double>(v.count())));
    const Proportion p = wilson_interval(ones, v.count());
    f.value = p.estimate;
    f.lower = f.spread_low = p.lower_95;
    f.upper = f.spread_high = p.upper_95;
    return f;
  }
  const Interval median = v.percentile_interval(50);
  f.value = v.percentile(50);
  f.lower = median.lower;
  f.upper = median.upper;
  f.spread_low = v.percentile(5);
  f.spread_high = v.percentile(95);
  return f;
}

std::string y_label_of(const StudyOutcome& o) {
  if (is_proportion(o)) return "fraction of patients";
  return o.unit == "cells/uL" ? "cells/µL" : o.unit;
}

void fit_axes(svg::Panel& panel, double x_lo, double x_hi, double y_lo, double y_hi) {
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
}

}  // namespace

std::string study_plot_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t m) {
  const StudyDesign& d = study.design;
  const StudyOutcome outcome = study_outcomes().at(m);
  const bool proportion = is_proportion(outcome);
  svg::Panel panel;
  panel.title = outcome.description + ", course " + std::to_string(d.outcome_course + 1);
  panel.y_label = y_label_of(outcome);
  double y_lo = INFINITY, y_hi = -INFINITY;
  const auto extend = [&](const ArmFigure& f) {
    y_lo = std::min(y_lo, f.spread_low);
    y_hi = std::max(y_hi, f.spread_high);
  };
  const std::string central = proportion ? "proportion, 95% CI (Wilson)" : "median, 95% CI";
  if (d.settings.empty()) {
    // A list of arms: one point per arm with its interval, the spread over patients beside it.
    svg::Points spread{"5th-95th percentile of patients", {}, {}, {}, {}, svg::kGrey, svg::Marker::kSquare};
    svg::Points value{central, {}, {}, {}, {}, svg::kBlue, svg::Marker::kCircle};
    for (std::size_t a = 0; a < arms.size(); ++a) {
      panel.x_categories.push_back(arm_label(study, a));
      const ArmFigure f = figure_of(outcome, arms[a].value[m]);
      if (!f.defined) continue;
      extend(f);
      if (!proportion) {
        spread.x.push_back(static_cast<double>(a) + 0.12);
        spread.y.push_back(f.value);
        spread.y_low.push_back(f.spread_low);
        spread.y_high.push_back(f.spread_high);
      }
      value.x.push_back(static_cast<double>(a));
      value.y.push_back(f.value);
      value.y_low.push_back(f.lower);
      value.y_high.push_back(f.upper);
    }
    panel.x_label = "arm";
    if (!proportion) panel.points.push_back(std::move(spread));
    panel.points.push_back(std::move(value));
    fit_axes(panel, -0.5, static_cast<double>(arms.size()) - 0.5, y_lo, y_hi);
    return svg::render(std::span(&panel, 1), kPlotWidthPx, kPlotHeightPx);
  }
  // A sweep: against the first setting, one line per combination of the others' values.
  const auto describe = [&](const std::string& setting) {
    return SettingPath::parse(setting, study.base.courses.size()).describe();
  };
  panel.x_label = describe(d.settings.front());
  std::map<std::vector<double>, std::vector<std::size_t>> groups;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const auto& s = d.arms[a].setting_values;
    groups[std::vector<double>(s.begin() + 1, s.end())].push_back(a);
  }
  double x_lo = INFINITY, x_hi = -INFINITY;
  std::size_t g = 0;
  for (const auto& [others, members] : groups) {
    std::string suffix;
    for (std::size_t i = 0; i < others.size(); ++i) suffix += fmt::format(", {} {}", describe(d.settings[i + 1]), others[i]);
    const char* color = kColors[g++ % std::size(kColors)];
    svg::Line line{central.substr(0, central.find(',')) + suffix, {}, {}, color};
    svg::Band interval{central.substr(central.find(',') + 2) + suffix, {}, {}, {}, color, 0.35};
    svg::Band spread{"5th-95th percentile of patients" + suffix, {}, {}, {}, color, 0.12};
    for (std::size_t a : members) {
      const double x = d.arms[a].setting_values.front();
      // The axis spans every arm, also when no patient of any arm has a value (an outcome nobody
      // reached within the window): the plot is then empty, not an error.
      x_lo = std::min(x_lo, x);
      x_hi = std::max(x_hi, x);
      const ArmFigure f = figure_of(outcome, arms[a].value[m]);
      if (!f.defined) continue;
      extend(f);
      line.x.push_back(x);
      line.y.push_back(f.value);
      interval.x.push_back(x);
      interval.y_low.push_back(f.lower);
      interval.y_high.push_back(f.upper);
      spread.x.push_back(x);
      spread.y_low.push_back(f.spread_low);
      spread.y_high.push_back(f.spread_high);
    }
    if (!proportion) panel.bands.push_back(std::move(spread));
    panel.bands.push_back(std::move(interval));
    panel.lines.push_back(std::move(line));
  }
  fit_axes(panel, x_lo, x_hi, y_lo, y_hi);
  return svg::render(std::span(&panel, 1), kPlotWidthPx, kPlotHeightPx);
}

// An arm as a legend names it: a list arm by its name, a sweep arm by its settings in words
// ("course 3 start (day) 730").
std::string readable_arm_name(const StudyFile& study, std::size_t a) {
  const StudyDesign& d = study.design;
  if (d.settings.empty()) return arm_label(study, a);
  std::string name;
  for (std::size_t i = 0; i < d.settings.size(); ++i) {
    name += (name.empty() ? "" : ", ") + SettingPath::parse(d.settings[i], study.base.courses.size()).describe() + " " +
            format_number(d.arms[a].setting_values[i]);
  }
  return name + (a == d.reference_arm ? " (ref)" : "");
}

std::vector<std::size_t> arms_to_draw(const StudyFile& study, std::size_t arms) {
  // Every arm of a list; of a sweep at most six, evenly spaced, the reference among them.
  constexpr std::size_t kMostCurves = 6;
  std::vector<std::size_t> chosen;
  if (arms <= kMostCurves) {
    for (std::size_t a = 0; a < arms; ++a) chosen.push_back(a);
    return chosen;
  }
  chosen.push_back(study.design.reference_arm);
  for (std::size_t i = 0; i + 1 < kMostCurves; ++i) {
    const std::size_t a = i * (arms - 1) / (kMostCurves - 2);
    if (std::find(chosen.begin(), chosen.end(), a) == chosen.end() && chosen.size() < kMostCurves) chosen.push_back(a);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

std::string study_survival_svg(const StudyFile& study, const std::vector<ArmSummary>& arms, std::size_t j) {
  const std::size_t k = study.design.outcome_course;
  svg::Panel panel;
  panel.title = arms.front().recovery.thresholds().at(j).label + " after course " + std::to_string(k + 1) +
                " (Kaplan-Meier, patients who fell below)";
  panel.x_label = "days from the start of course " + std::to_string(k + 1);
  panel.y_label = "fraction not yet back";
  double x_hi = 1.0;
  std::size_t g = 0;
  for (std::size_t a : arms_to_draw(study, arms.size())) {
    const KaplanMeier& km = arms[a].recovery.estimate(k, j).time_to_recovery;
    svg::Line line{readable_arm_name(study, a), {0.0}, {1.0}, kColors[g++ % std::size(kColors)]};
    double survival = 1.0;
    for (const KaplanMeierStep& s : km.curve()) {  // a step function: flat, then down at each event time
      line.x.insert(line.x.end(), {s.time, s.time});
      line.y.insert(line.y.end(), {survival, s.survival});
      survival = s.survival;
    }
    if (!km.empty()) {
      line.x.push_back(km.last_time());  // flat to the last patient observed
      line.y.push_back(survival);
      x_hi = std::max(x_hi, km.last_time());
    }
    panel.lines.push_back(std::move(line));
  }
  panel.guides.push_back({0.5, false, "median"});
  panel.x_min = 0.0;
  panel.x_max = x_hi;
  panel.y_min = 0.0;
  panel.y_max = 1.0;
  return svg::render(std::span(&panel, 1), kPlotWidthPx, kPlotHeightPx);
}

}  // namespace alemsim
