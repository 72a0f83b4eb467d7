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

std::string format_spread(const std::vector<double>& values, const char* number_format) {
  const Spread s = spread(values);
  if (s.count == 0) return "n/a (past horizon)";
  const std::string fmt_text = std::string(number_format) + " [" + number_format + " - " + number_format + "]";
  return fmt::format(fmt::runtime(fmt_text), s.mean, s.p05, s.p95);
}

}  // namespace

void print_typical_summary(std::FILE* out, const Scenario& scenario, const PatientResult& result) {
  fmt::print(out, "{}: typical patient, {} course(s), horizon {:g} days\n", scenario.name, result.courses.size(),
             scenario.horizon_day);
  for (const CoursePk& pk : result.courses) {
    const Course& c = scenario.courses.at(static_cast<std::size_t>(pk.course_index));
    fmt::print(out, "\nCourse {} (day {:g}): {}\n", pk.course_index + 1, pk.start_day, describe_course(c));
    fmt::print(out, "  Cmax                       {:8.1f} ng/mL  on course day {:g} (day {:.2f})\n", pk.cmax_ng_per_ml,
               std::floor(pk.tmax_day - pk.start_day) + 1.0, pk.tmax_day);
    fmt::print(out, "  half-life, days 1-10 after {:8.2f} days\n", pk.half_life_day);
    fmt::print(out, "  30 days after last dose    {:8.1f} ng/mL  ({:.2f}% of Cmax)\n", pk.concentration_30d_ng_per_ml,
               100.0 * pk.concentration_30d_ng_per_ml / pk.cmax_ng_per_ml);
  }
}

void print_population_summary(std::FILE* out, const Scenario& scenario, std::span<const PopulationPatient> patients) {
  std::size_t failed = 0;
  std::vector<std::vector<CoursePk>> by_course(scenario.courses.size());
  for (const PopulationPatient& p : patients) {
    if (!p.ok) {
      ++failed;
      continue;
    }
    for (const CoursePk& pk : p.result.courses) by_course.at(static_cast<std::size_t>(pk.course_index)).push_back(pk);
  }
  fmt::print(out, "{}: {} virtual patients (seed {}), {} course(s), horizon {:g} days\n", scenario.name,
             patients.size(), scenario.seed, scenario.courses.size(), scenario.horizon_day);
  if (failed > 0) fmt::print(out, "WARNING: the solver failed for {} patient(s); they are left out below\n", failed);
  fmt::print(out, "Figures are mean [5th - 95th percentile].\n");
  for (std::size_t k = 0; k < by_course.size(); ++k) {
    std::vector<double> cmax, half_life, c30_percent;
    for (const CoursePk& pk : by_course[k]) {
      cmax.push_back(pk.cmax_ng_per_ml);
      half_life.push_back(pk.half_life_day);
      c30_percent.push_back(100.0 * pk.concentration_30d_ng_per_ml / pk.cmax_ng_per_ml);
    }
    fmt::print(out, "\nCourse {} (day {:g}): {}\n", k + 1, scenario.courses[k].start_day, describe_course(scenario.courses[k]));
    fmt::print(out, "  Cmax, ng/mL                      {}\n", format_spread(cmax, "{:.0f}"));
    fmt::print(out, "  half-life days 1-10 after, days  {}\n", format_spread(half_life, "{:.2f}"));
    fmt::print(out, "  C 30 days after, % of Cmax       {}\n", format_spread(c30_percent, "{:.2f}"));
  }
}

}  // namespace alemsim
