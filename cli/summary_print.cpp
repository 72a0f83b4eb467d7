#include "cli/summary_print.hpp"

#include "cli/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "models/calendar.hpp"
#include "models/reference_ranges.hpp"
#include "sim/output_grid.hpp"

namespace alemsim {
namespace {

std::string describe_course(const Course& c) {
  std::string text = fmt::format("{} x {:g} mg over {:g} h", c.infusion_days, c.dose_mg_per_day, c.infusion_hours);
  if (!c.missed_days.empty()) text += fmt::format(", {} missed dose(s) moved to the end", c.missed_days.size());
  return text;
}

std::string_view label_of(std::string_view column) { return patient_outputs()[output_index(column)].label; }

std::string day_or_never(double day) {
  if (std::isnan(day)) return "not within course window";
  if (day == 0.0) return "never below";
  return fmt::format("day {:.0f}", day);
}

void print_recovery(std::FILE* out, const RecoveryAnalysis& recovery, std::size_t k) {
  fmt::print(out, "  Time to recovery, days from the course start: Kaplan-Meier over the patients who fell below,\n"
                  "  those not back by the end of the course window censored there (n.r.: not reached in it)\n");
  fmt::print(out, "  {:<42} {:>11} {:>15} {:>20} {:>15}\n", "", "never below", "recovered", "median [95% CI]",
             "quartiles");
  for (std::size_t j = 0; j < recovery.thresholds().size(); ++j) {
    const RecoveryEstimate& e = recovery.estimate(k, j);
    if (e.patients == 0) continue;
    const KaplanMeier& km = e.time_to_recovery;
    const std::string recovered = fmt::format("{} of {}", km.events(), km.subjects());
    const std::string quartiles = km.empty() ? std::string("-")
                                             : fmt::format("{} - {}", days_or_not_reached(km.quantile(0.25).estimate),
                                                           days_or_not_reached(km.quantile(0.75).estimate));
    fmt::print(out, "  {:<42} {:>11} {:>15} {:>20} {:>15}\n", recovery.thresholds()[j].label,
               percent_of(e.never_below, e.patients), recovered, median_with_interval(km), quartiles);
  }
}

std::string percent_with_interval(const Proportion& p) {
  if (std::isnan(p.estimate)) return "-";
  return fmt::format("{:.1f}% [{:.1f}-{:.1f}]", 100.0 * p.estimate, 100.0 * p.lower_95, 100.0 * p.upper_95);
}

void print_fractions_below(std::FILE* out, const ThresholdFractions& fractions, std::span<const double> grid_day,
                           double course_start_day) {
  fmt::print(out, "  Patients below, months after the course start (95% interval, Wilson):\n");
  fmt::print(out, "  {:<30}", "");
  for (double m : kFractionCheckMonths) fmt::print(out, " {:>20}", fmt::format("month {:g}", m));
  fmt::print(out, "\n");
  for (std::size_t j = 0; j < fractions.thresholds().size(); ++j) {
    fmt::print(out, "  {:<30}", fractions.thresholds()[j].label);
    for (double m : kFractionCheckMonths) {
      const double t = course_start_day + m * kDaysPerMonth;
      const std::string text =
          t > grid_day.back() ? std::string("past horizon")
                              : percent_with_interval(fractions.below(j, grid_index_of(grid_day, t)));
      fmt::print(out, " {:>20}", text);
    }
    fmt::print(out, "\n");
  }
}

}  // namespace

void print_typical_summary(std::FILE* out, const Scenario& scenario, const PatientResult& result) {
  fmt::print(out, "{}: typical patient, {} course(s), horizon {:g} days. Days are counted from each course's first infusion.\n",
             scenario.name, result.courses.size(), scenario.horizon_day);
  for (const CourseSummary& c : result.courses) {
    const Course& course = scenario.courses.at(static_cast<std::size_t>(c.course_index));
    fmt::print(out, "\nCourse {} (day {:g}): {}\n", c.course_index + 1, c.start_day, describe_course(course));
    fmt::print(out, "  Cmax                         {:8.1f} ng/mL  on course day {:g} ({:.2f} days after start)\n",
               c.cmax_ng_per_ml, std::floor(c.tmax_day - c.start_day) + 1.0, c.tmax_day - c.start_day);
    fmt::print(out, "  half-life, days 1-10 after   {:8.2f} days\n", c.half_life_day);
    fmt::print(out, "  30 days after last dose      {:8.1f} ng/mL  ({:.2f}% of Cmax)\n", c.concentration_30d_ng_per_ml,
               100.0 * c.concentration_30d_ng_per_ml / c.cmax_ng_per_ml);
    fmt::print(out, "  ADA titer at course start    {:8.2f} x assay cut point\n", c.ada_titer_at_start);
    fmt::print(out, "  {:<20} {:>14} {:>10} {:>12}  {}\n", "cells/uL", "nadir", "nadir day", "LLN", "back at LLN");
    for (const SubsetCourse& s : c.subsets) {
      const std::string lln = std::isnan(s.lln_cells_per_ul) ? "-" : fmt::format("{:.0f}", s.lln_cells_per_ul);
      fmt::print(out, "  {:<20} {:>14.1f} {:>10.1f} {:>12}  {}\n", label_of(s.column), s.nadir_cells_per_ul, s.nadir_day,
                 lln, std::isnan(s.lln_cells_per_ul) ? "-" : day_or_never(s.lln_regained_day));
    }
    fmt::print(out, "  CD4+ back at {:.0f} cells/uL    {}\n", kProphylaxisCd4CellsPerUl, day_or_never(c.cd4_200_regained_day));
    fmt::print(out, "  herpes prophylaxis ends      {}\n",
               std::isnan(c.prophylaxis_end_day) ? "not within course window" : fmt::format("day {:.0f}", c.prophylaxis_end_day));
  }
}

void print_population_summary(std::FILE* out, const Scenario& scenario, const PopulationSummary& summary,
                              std::span<const double> grid_day) {
  fmt::print(out, "{}: {} virtual patients (seed {}), {} course(s), horizon {:g} days\n", scenario.name,
             summary.patients(), scenario.seed, scenario.courses.size(), scenario.horizon_day);
  if (summary.failed() > 0) {
    fmt::print(out, "WARNING: the solver failed for {} patient(s); they are left out below\n", summary.failed());
  }
  fmt::print(out, "Figures are mean +-its standard error [5th - 95th percentile] over the patients; fractions have\n"
                  "their 95% interval (Wilson). Days are counted from each course's first infusion.\n");
  const auto& metrics = summary.metrics();
  const auto line = [&](std::size_t k, std::string_view name, const char* label, const char* number_format) {
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      if (metrics[m].name != name) continue;
      const StreamingDistribution& d = summary.metric(m, k);
      std::string text = "n/a";
      if (d.count() > 0) {
        const std::string f = std::string(number_format) + " +-{} [" + number_format + " - " + number_format + "]";
        text = fmt::format(fmt::runtime(f), d.mean(), standard_error_text(d.mean_standard_error()), d.percentile(5.0),
                           d.percentile(95.0));
        if (d.nan_count() > 0) text += fmt::format("  ({} of {} patients)", d.count(), d.count() + d.nan_count());
      }
      fmt::print(out, "  {:<34} {}\n", label, text);
    }
  };
  for (std::size_t k = 0; k < scenario.courses.size(); ++k) {
    fmt::print(out, "\nCourse {} (day {:g}): {}\n", k + 1, scenario.courses[k].start_day, describe_course(scenario.courses[k]));
    line(k, "cmax_ng_per_ml", "Cmax, ng/mL", "{:.0f}");
    line(k, "half_life_day", "half-life days 1-10 after, days", "{:.2f}");
    line(k, "concentration_30d_ng_per_ml", "C 30 days after last dose, ng/mL", "{:.1f}");
    line(k, "ada_titer_at_start", "ADA titer at course start", "{:.2f}");
    for (const OutputQuantity& q : patient_outputs()) {
      if (!q.is_cell_count()) continue;
      line(k, nadir_metric(q.short_name), fmt::format("{} nadir, cells/uL", q.label).c_str(), "{:.0f}");
      line(k, relative_nadir_metric(q.short_name), "  nadir / count at course start", "{:.3f}");
    }
    line(k, "prophylaxis_end_day", "herpes prophylaxis, days", "{:.0f}");
    for (std::size_t month = 0; month < std::size(kLlnCheckMonths); ++month) {
      const Proportion f = summary.proportion_at_lln(k, month);
      fmt::print(out, "  {:<34} {}\n", fmt::format("total lymphocytes >= LLN, month {:g}", kLlnCheckMonths[month]),
                 std::isnan(f.estimate) ? std::string("n/a (past horizon)") : percent_with_interval(f) + " of patients");
    }
    print_fractions_below(out, summary.fractions_below(), grid_day, scenario.courses[k].start_day);
    print_recovery(out, summary.recovery(), k);
  }
}

}  // namespace alemsim
