#include "sim/cli/summary_print.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/statistics.hpp"

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

std::string format_spread(const std::vector<double>& values, const char* number_format) {
  const Spread s = spread(values);
  if (s.count == 0) return "n/a";
  const std::string fmt_text = std::string(number_format) + " [" + number_format + " - " + number_format + "]";
  std::string text = fmt::format(fmt::runtime(fmt_text), s.mean, s.p05, s.p95);
  if (static_cast<std::size_t>(s.count) < values.size()) text += fmt::format("  ({} of {} patients)", s.count, values.size());
  return text;
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
    fmt::print(out, "  CD4+ back at 200 cells/uL    {}\n", day_or_never(c.cd4_200_regained_day));
    fmt::print(out, "  herpes prophylaxis ends      {}\n",
               std::isnan(c.prophylaxis_end_day) ? "not within course window" : fmt::format("day {:.0f}", c.prophylaxis_end_day));
  }
}

void print_population_summary(std::FILE* out, const Scenario& scenario, std::span<const PopulationPatient> patients) {
  std::size_t failed = 0;
  std::vector<std::vector<const CourseSummary*>> by_course(scenario.courses.size());
  for (const PopulationPatient& p : patients) {
    if (!p.ok) {
      ++failed;
      continue;
    }
    for (const CourseSummary& c : p.result.courses) by_course.at(static_cast<std::size_t>(c.course_index)).push_back(&c);
  }
  fmt::print(out, "{}: {} virtual patients (seed {}), {} course(s), horizon {:g} days\n", scenario.name,
             patients.size(), scenario.seed, scenario.courses.size(), scenario.horizon_day);
  if (failed > 0) fmt::print(out, "WARNING: the solver failed for {} patient(s); they are left out below\n", failed);
  fmt::print(out, "Figures are mean [5th - 95th percentile]; days are counted from each course's first infusion.\n");
  for (std::size_t k = 0; k < by_course.size(); ++k) {
    const auto collect = [&](auto field) {
      std::vector<double> values;
      for (const CourseSummary* c : by_course[k]) values.push_back(field(*c));
      return values;
    };
    fmt::print(out, "\nCourse {} (day {:g}): {}\n", k + 1, scenario.courses[k].start_day, describe_course(scenario.courses[k]));
    fmt::print(out, "  Cmax, ng/mL                        {}\n", format_spread(collect([](const CourseSummary& c) { return c.cmax_ng_per_ml; }), "{:.0f}"));
    fmt::print(out, "  half-life days 1-10 after, days    {}\n", format_spread(collect([](const CourseSummary& c) { return c.half_life_day; }), "{:.2f}"));
    fmt::print(out, "  C 30 days after, % of Cmax         {}\n",
               format_spread(collect([](const CourseSummary& c) { return 100.0 * c.concentration_30d_ng_per_ml / c.cmax_ng_per_ml; }), "{:.2f}"));
    fmt::print(out, "  ADA titer at course start          {}\n", format_spread(collect([](const CourseSummary& c) { return c.ada_titer_at_start; }), "{:.2f}"));
    if (by_course[k].empty()) continue;
    for (std::size_t s = 0; s < by_course[k].front()->subsets.size(); ++s) {
      const std::string_view column = by_course[k].front()->subsets[s].column;
      fmt::print(out, "  {:<20} nadir, cells/uL   {}\n", label_of(column),
                 format_spread(collect([s](const CourseSummary& c) { return c.subsets[s].nadir_cells_per_ul; }), "{:.0f}"));
      if (!std::isnan(by_course[k].front()->subsets[s].lln_cells_per_ul)) {
        fmt::print(out, "  {:<20} days to LLN {:<5.0f}  {}\n", "", by_course[k].front()->subsets[s].lln_cells_per_ul,
                   format_spread(collect([s](const CourseSummary& c) { return c.subsets[s].lln_regained_day; }), "{:.0f}"));
      }
    }
    fmt::print(out, "  herpes prophylaxis, days           {}\n", format_spread(collect([](const CourseSummary& c) { return c.prophylaxis_end_day; }), "{:.0f}"));
  }
}

}  // namespace alemsim
