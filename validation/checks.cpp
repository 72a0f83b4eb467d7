#include "validation/checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/reference_ranges.hpp"
#include "sim/simulate.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const SubsetCourse& subset_of(const CourseSummary& c, std::string_view column) {
  for (const SubsetCourse& s : c.subsets) {
    if (s.column == column) return s;
  }
  throw std::invalid_argument("course summary has no " + std::string(column));
}

const CourseSummary& course_of(const LabelFigures& f, int course) {
  return f.result.courses.at(static_cast<std::size_t>(course - 1));
}

// Highest of `values` from the first grid time up to and including t_day.
double peak_until(std::span<const double> grid_day, const std::vector<double>& values, double t_day) {
  const std::size_t last = grid_index_of(grid_day, t_day);
  return *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(last) + 1);
}

// Days from the course's first infusion until CD19+ is back at its own baseline (the day-0 value)
// after the course's nadir; NaN if it is not back before the next course or the end of the run.
double cd19_regained_day(const LabelFigures& f, int course) {
  const CourseSummary& c = course_of(f, course);
  const std::vector<double>& b = f.result.series[output_index("cd19_cells_per_ul")];
  const double nadir_day = c.start_day + subset_of(c, "cd19_cells_per_ul").nadir_day;
  const double window_end = static_cast<std::size_t>(course) < f.result.courses.size()
                                ? f.result.courses[static_cast<std::size_t>(course)].start_day
                                : f.grid_day.back() + 1.0;
  for (std::size_t i = grid_index_of(f.grid_day, nadir_day); i < f.grid_day.size() && f.grid_day[i] < window_end; ++i) {
    if (b[i] >= b.front()) return f.grid_day[i] - c.start_day;
  }
  return kNaN;
}

double late_to_first_cd4_nadir_ratio(const ReferenceFigure& figure, const ValidationRuns& runs) {
  const ScenarioRun& run = runs.scenario(figure.scenario_path);
  const auto& courses = run.result.courses;
  if (courses.size() < 3) {
    throw std::invalid_argument(figure.id + ": scenario " + figure.scenario_path + " has " +
                                std::to_string(courses.size()) + " course(s); " + std::string(figure.metric->name) +
                                " needs at least 3");
  }
  double late = 0.0;
  for (std::size_t k = 2; k < courses.size(); ++k) {
    late = std::max(late, subset_of(courses[k], "cd4_cells_per_ul").nadir_cells_per_ul);
  }
  return late / subset_of(courses[0], "cd4_cells_per_ul").nadir_cells_per_ul;
}

// Mean of `per_patient` over the patients the solver completed; for a predicate, the fraction for
// which it holds.
// Median of `values` (the mean of the middle two for an even count); NaN for none.
double median_of(std::vector<double> values) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

template <class F>
double population_mean(const ValidationRuns& runs, F per_patient) {
  double sum = 0.0;
  int n = 0;
  for (const PatientOutcome& p : runs.population) {
    if (!p.ok) continue;
    sum += static_cast<double>(per_patient(p));
    ++n;
  }
  return n > 0 ? sum / n : kNaN;
}

double lln_of(std::string_view column) {
  const OutputQuantity& q = output_quantity(column);
  if (!q.has_lln()) throw std::invalid_argument("no lower limit of normal for " + std::string(column));
  return q.lln_cells_per_ul;
}

}  // namespace

double evaluate_typical(const ReferenceFigure& f, const LabelFigures& t) {
  if (f.metric->population || f.metric->needs_scenario || f.metric->metric == Metric::kAdaEffectOnCd4NadirPercent) {
    throw std::invalid_argument(f.id + ": metric " + std::string(f.metric->name) + " is not read from one typical run");
  }
  switch (f.metric->metric) {
    case Metric::kCmax: return course_of(t, f.course).cmax_ng_per_ml;
    case Metric::kCmaxCourseDay: {
      const CourseSummary& c = course_of(t, f.course);
      return std::floor(c.tmax_day - c.start_day) + 1.0;
    }
    case Metric::kHalfLife: return course_of(t, f.course).half_life_day;
    case Metric::kWashoutPercentOfCmax: {
      const CourseSummary& c = course_of(t, f.course);
      return 100.0 * c.concentration_30d_ng_per_ml / c.cmax_ng_per_ml;
    }
    case Metric::kCount: return label_value(t, f.subset, figure_day(f));
    case Metric::kLatestNadirDay: {
      // "1 month after a course": counted from the end of the course's last infusion.
      const CourseSummary& c = course_of(t, f.course);
      double latest = 0.0;
      for (const SubsetCourse& s : c.subsets) latest = std::max(latest, s.nadir_day);
      return latest - (c.last_infusion_end_day - c.start_day);
    }
    case Metric::kCd19BaselineRegainedDay: return cd19_regained_day(t, f.course);
    case Metric::kPercentOfBaseline:
      return 100.0 * label_value(t, f.subset, figure_day(f)) / t.result.series[output_index(f.subset)].front();
    case Metric::kAdaPeakTiter:
      return peak_until(t.grid_day, t.result.series[output_index("ada_titer")], figure_day(f));
    default: break;
  }
  throw std::invalid_argument(f.id + ": metric not handled");
}

double evaluate(const ReferenceFigure& f, const ValidationRuns& runs) {
  const LabelFigures& t = runs.typical;
  const std::vector<double>& grid = runs.population_grid_day;
  switch (f.metric->metric) {
    case Metric::kCmax:
    case Metric::kCmaxCourseDay:
    case Metric::kHalfLife:
    case Metric::kWashoutPercentOfCmax:
    case Metric::kCount:
    case Metric::kLatestNadirDay:
    case Metric::kCd19BaselineRegainedDay:
    case Metric::kPercentOfBaseline:
    case Metric::kAdaPeakTiter: return evaluate_typical(f, t);
    case Metric::kAdaEffectOnCd4NadirPercent: {
      const double with = subset_of(course_of(t, f.course), "cd4_cells_per_ul").nadir_cells_per_ul;
      const double without =
          subset_of(course_of(runs.typical_without_ada, f.course), "cd4_cells_per_ul").nadir_cells_per_ul;
      return 100.0 * (with - without) / without;
    }
    case Metric::kLateToFirstCd4NadirRatio: return late_to_first_cd4_nadir_ratio(f, runs);
    case Metric::kPopulationMeanCmax:
      return population_mean(runs, [&](const PatientOutcome& p) {
        return p.result.courses.at(static_cast<std::size_t>(f.course - 1)).cmax_ng_per_ml;
      });
    case Metric::kPopulationMeanCount: {
      const std::size_t q = output_index(f.subset);
      const std::size_t i = grid_index_of(grid, figure_day(f));
      return population_mean(runs, [&](const PatientOutcome& p) { return p.result.series[q][i]; });
    }
    case Metric::kPopulationMedianPercentOfBaseline: {
      const std::size_t q = output_index(f.subset);
      const std::size_t i = grid_index_of(grid, figure_day(f));
      std::vector<double> percent;
      for (const PatientOutcome& p : runs.population) {
        if (p.ok) percent.push_back(100.0 * p.result.series[q][i] / p.result.series[q].front());
      }
      return median_of(std::move(percent));
    }
    case Metric::kPopulationPercentAtLln: {
      const std::size_t q = output_index(f.subset);
      const std::size_t i = grid_index_of(grid, figure_day(f));
      const double lln = lln_of(f.subset);
      return 100.0 * population_mean(runs, [&](const PatientOutcome& p) { return p.result.series[q][i] >= lln; });
    }
    case Metric::kPopulationMedianDaysToLln: {
      // Censored: a patient not back within the course window is later than every one who is, so
      // the median is +inf when fewer than half are back (the scenario's horizon decides how far
      // the window reaches).
      const ScenarioRun& s = runs.scenario(f.scenario_path);
      std::vector<double> days;
      for (const std::vector<CourseSummary>& courses : s.population_courses) {
        if (courses.size() < static_cast<std::size_t>(f.course)) continue;
        const double d = subset_of(courses[static_cast<std::size_t>(f.course - 1)], f.subset).lln_regained_day;
        days.push_back(std::isnan(d) ? std::numeric_limits<double>::infinity() : d);
      }
      return median_of(std::move(days));
    }
    case Metric::kPopulationPercentAdaPositive: {
      const std::size_t q = output_index("ada_titer");
      const double day = figure_day(f);
      return 100.0 * population_mean(runs, [&](const PatientOutcome& p) {
               return peak_until(grid, p.result.series[q], day) >= kAdaPositiveTiter;
             });
    }
  }
  throw std::invalid_argument(f.id + ": metric not handled");
}

std::vector<CheckResult> run_checks(const ReferenceSet& set, const ValidationRuns& runs) {
  std::vector<CheckResult> results;
  for (const ReferenceFigure& f : set.figures) {
    CheckResult r;
    r.figure = &f;
    r.simulated = evaluate(f, runs);
    // NaN compares false, so a figure the run never reached is outside.
    r.within_tolerance = r.simulated >= f.accepted_min() && r.simulated <= f.accepted_max();
    if (f.role == FigureRole::kPrediction) {
      r.verdict = r.within_tolerance ? Verdict::kPass : Verdict::kMiss;
    } else if (f.status == FigureStatus::kKnownDeviation) {
      r.verdict = Verdict::kKnownDeviation;
    } else {
      r.verdict = r.within_tolerance ? Verdict::kPass : Verdict::kFail;
    }
    results.push_back(r);
  }
  return results;
}

bool all_passed(std::span<const CheckResult> results) {
  return std::none_of(results.begin(), results.end(), [](const CheckResult& r) { return r.verdict == Verdict::kFail; });
}

std::vector<double> population_percent_at_or_above(const ValidationRuns& runs, std::string_view column,
                                                   double threshold) {
  const std::size_t q = output_index(column);
  std::vector<double> percent(runs.population_grid_day.size());
  for (std::size_t i = 0; i < percent.size(); ++i) {
    percent[i] =
        100.0 * population_mean(runs, [&](const PatientOutcome& p) { return p.result.series[q][i] >= threshold; });
  }
  return percent;
}

}  // namespace alemsim
