#include "sim/study.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/reference_ranges.hpp"
#include "sim/course_metrics.hpp"
#include "sim/course_summary.hpp"
#include "sim/memory_budget.hpp"
#include "sim/output_grid.hpp"
#include "sim/patient.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The blood subsets a study compares: every one the model reports, in output order. Found once: the
// outcomes of every patient read them.
const std::vector<OutputQuantity>& blood_subsets() {
  static const std::vector<OutputQuantity> subsets = [] {
    std::vector<OutputQuantity> found;
    for (const OutputQuantity& q : patient_outputs()) {
      if (q.role == QuantityRole::kBloodSubset) found.push_back(q);
    }
    return found;
  }();
  return subsets;
}

// The count herpes prophylaxis waits for (CD4+): incomplete depletion and days below 200 read it.
std::size_t prophylaxis_output() {
  static const std::size_t index = [] {
    const auto outputs = patient_outputs();
    for (std::size_t q = 0; q < outputs.size(); ++q) {
      if (outputs[q].guides_prophylaxis) return q;
    }
    throw std::logic_error("the model reports no count that guides herpes prophylaxis");
  }();
  return index;
}

// Value of a piecewise-linear series at time t within [grid[i], grid[i+1]].
double lerp(std::span<const double> grid, std::span<const double> y, std::size_t i, double t) {
  const double dt = grid[i + 1] - grid[i];
  return dt > 0.0 ? y[i] + (y[i + 1] - y[i]) * (t - grid[i]) / dt : y[i];
}

double value_at(std::span<const double> grid, std::span<const double> y, double t) {
  const auto it = std::upper_bound(grid.begin(), grid.end(), t);
  if (it == grid.begin()) return y.front();
  if (it == grid.end()) return y.back();
  return lerp(grid, y, static_cast<std::size_t>(it - grid.begin()) - 1, t);
}

}  // namespace

double trapezoid_integral(std::span<const double> grid, std::span<const double> y, double a, double b) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    const double lo = std::max(a, grid[i]);
    const double hi = std::min(b, grid[i + 1]);
    if (hi <= lo) continue;
    sum += 0.5 * (lerp(grid, y, i, lo) + lerp(grid, y, i, hi)) * (hi - lo);
  }
  return sum;
}

double days_below(std::span<const double> grid, std::span<const double> y, double threshold, double a, double b) {
  double days = 0.0;
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    const double lo = std::max(a, grid[i]);
    const double hi = std::min(b, grid[i + 1]);
    if (hi <= lo) continue;
    const double y_lo = lerp(grid, y, i, lo) - threshold;
    const double y_hi = lerp(grid, y, i, hi) - threshold;
    if (y_lo < 0.0 && y_hi < 0.0) {
      days += hi - lo;
    } else if ((y_lo < 0.0) != (y_hi < 0.0)) {
      const double cross = lo + (hi - lo) * y_lo / (y_lo - y_hi);
      days += y_lo < 0.0 ? cross - lo : hi - cross;
    }
  }
  return days;
}

double arm_horizon_day(const StudyDesign& design, const StudyArm& arm) {
  if (design.outcome_course >= arm.courses.size()) {
    throw std::invalid_argument("arm '" + arm.name + "': has no course " + std::to_string(design.outcome_course + 1) +
                                " to read outcomes from");
  }
  return arm.courses[design.outcome_course].start_day + design.outcome_window_day;
}

std::vector<Course> arm_courses(const StudyDesign& design, const StudyArm& arm) {
  // A course within the grid's merge tolerance of the horizon starts on the horizon's grid point:
  // kept, it would only end the outcome window that much early (and make the horizon's grid point
  // its start), so it counts as at the horizon.
  const double last_start = arm_horizon_day(design, arm) - kGridMergeTolDay;
  std::vector<Course> kept;
  for (std::size_t k = 0; k < arm.courses.size(); ++k) {
    if (k <= design.outcome_course || arm.courses[k].start_day < last_start) kept.push_back(arm.courses[k]);
  }
  return kept;
}

SimulationPlan arm_plan(const StudyDesign& design, const StudyArm& arm) {
  std::vector<Course> courses = arm_courses(design, arm);
  // The regimen first: the horizon below reads its last infusion.
  try {
    validate_regimen(courses);
  } catch (const RegimenError& e) {
    throw PlanError(PlanError::Field::kCourses, "arm '" + arm.name + "': " + e.what(), e.course_index());
  }
  const double last_end_day = expand_regimen(courses).back().end_day;
  return SimulationPlan(std::move(courses), std::max(arm_horizon_day(design, arm), last_end_day),
                        design.output_step_day);
}

std::vector<StudyOutcome> study_outcomes() {
  std::vector<StudyOutcome> o{
      {"cmax_ng_per_ml", "ng/mL", "highest concentration of the course"},
      {"auc_ng_day_per_ml", "ng*day/mL", "concentration integrated over the course window (trapezoid)"},
      {"ada_titer_at_start", "x cut point", "anti-drug antibody titer before the course's first infusion"},
  };
  for (const OutputQuantity& s : blood_subsets()) {
    o.push_back({nadir_metric(s.short_name), "cells/uL",
                 "lowest " + std::string(s.label) + " in the course window"});
  }
  for (const OutputQuantity& s : blood_subsets()) {
    o.push_back({relative_nadir_metric(s.short_name), "fraction",
                 "lowest " + std::string(s.label) + " in the course window / count at the course start"});
  }
  o.push_back({"incomplete_depletion", "fraction",
               "CD4+ nadir above 50% of CD4+ at the course start (per patient 0 or 1; the mean is the fraction)"});
  o.push_back({"days_cd4_below_200", "day", "days with CD4+ below 200 cells/uL in the course window"});
  o.push_back({"prophylaxis_end_day", "day", "end of herpes prophylaxis, days from the course start"});
  for (const OutputQuantity& s : blood_subsets()) {
    if (!s.has_lln()) continue;  // none defined for NK cells
    o.push_back({days_to_lln_metric(s.short_name), "day",
                 "days from the course start until " + std::string(s.label) +
                     " are back at the lower limit of normal (0: never below; NaN: not within the window)"});
  }
  return o;
}

std::vector<double> patient_study_outcomes(const PatientOutcome& patient, std::span<const double> grid_day,
                                           std::size_t course, double window_end_day) {
  static const std::size_t n = study_outcomes().size();
  if (!patient.ok || course >= patient.result.courses.size()) return std::vector<double>(n, kNaN);
  const CourseSummary& c = patient.result.courses[course];
  // A next course inside the window closes it, as in CourseSummary.
  double end = window_end_day;
  if (course + 1 < patient.result.courses.size()) end = std::min(end, patient.result.courses[course + 1].start_day);
  const auto& series = patient.result.series;
  const auto& conc = series[find_role(patient_outputs(), QuantityRole::kDrugConcentration)];
  const OutputQuantity& cd4_quantity = patient_outputs()[prophylaxis_output()];
  const auto& cd4 = series[prophylaxis_output()];

  std::vector<double> v{c.cmax_ng_per_ml, trapezoid_integral(grid_day, conc, c.start_day, end), c.ada_titer_at_start};
  const auto subset_summary = [&](std::string_view column) -> const SubsetCourse& {
    for (const SubsetCourse& s : c.subsets) {
      if (s.column == column) return s;
    }
    throw std::logic_error("study outcomes: no course summary of " + std::string(column));
  };
  const auto& subsets = blood_subsets();
  for (const OutputQuantity& s : subsets) v.push_back(subset_summary(s.column).nadir_cells_per_ul);
  for (const OutputQuantity& s : subsets) v.push_back(subset_summary(s.column).relative_nadir());
  const double cd4_start = value_at(grid_day, cd4, c.start_day);
  v.push_back(subset_summary(cd4_quantity.column).nadir_cells_per_ul > kIncompleteDepletionFraction * cd4_start ? 1.0
                                                                                                                 : 0.0);
  v.push_back(days_below(grid_day, cd4, kProphylaxisCd4CellsPerUl, c.start_day, end));
  v.push_back(c.prophylaxis_end_day);
  for (const OutputQuantity& s : subsets) {
    if (s.has_lln()) v.push_back(subset_summary(s.column).lln_regained_day);
  }
  return v;
}

void SignedDistribution::add(double value) {
  if (std::isnan(value)) return;
  moments_.add(value);
  if (value < 0.0) {
    negative_.add(-value);
  } else {
    positive_.add(value);
  }
}

double SignedDistribution::mean() const {
  const auto neg = static_cast<double>(negative_.count());
  const auto pos = static_cast<double>(positive_.count());
  if (neg + pos == 0.0) return kNaN;
  return ((pos > 0 ? positive_.mean() * pos : 0.0) - (neg > 0 ? negative_.mean() * neg : 0.0)) / (neg + pos);
}

double SignedDistribution::percentile(double p) const {
  const std::int64_t neg = negative_.count();
  const std::int64_t n = neg + positive_.count();
  if (n == 0) return kNaN;
  // Defined as histogram_percentile (R type 7): linear between the order statistics at ranks
  // floor(h) and floor(h) + 1. Negatives come first, largest magnitude first.
  const auto as_percentile = [](std::int64_t r, std::int64_t count) {
    return count > 1 ? 100.0 * static_cast<double>(r) / static_cast<double>(count - 1) : 0.0;
  };
  const auto value_at = [&](std::int64_t rank) {
    if (rank < neg) return -negative_.percentile(as_percentile(neg - 1 - rank, neg));
    return positive_.percentile(as_percentile(rank - neg, positive_.count()));
  };
  const double h = p / 100.0 * static_cast<double>(n - 1);
  const auto below = static_cast<std::int64_t>(std::floor(h));
  const double low = value_at(below);
  return below + 1 < n ? low + (h - static_cast<double>(below)) * (value_at(below + 1) - low) : low;
}

std::vector<ArmSummary> run_study(const StudyDesign& design, const StudyRunOptions& options,
                                  const StudyObserver& observer) {
  if (design.arms.empty()) throw std::invalid_argument("study has no arms");
  if (design.reference_arm >= design.arms.size()) throw std::invalid_argument("study reference arm out of range");
  const std::size_t n_outcomes = study_outcomes().size();
  PopulationRunOptions run;
  run.seed = design.seed;
  run.patients = design.patients;
  run.threads = options.threads;
  run.batch_size = options.batch_size;
  run.bin_series = options.bin_series;

  // Reference arm first, so every other arm's paired differences fold in as its batches arrive.
  std::vector<std::size_t> order{design.reference_arm};
  for (std::size_t a = 0; a < design.arms.size(); ++a) {
    if (a != design.reference_arm) order.push_back(a);
  }
  require_memory(static_cast<double>(design.patients) * static_cast<double>(n_outcomes) * sizeof(double),
                 "the reference arm's outcomes of " + std::to_string(design.patients) + " patients", "use fewer patients");
  std::vector<double> reference(static_cast<std::size_t>(design.patients) * n_outcomes, kNaN);
  std::vector<ArmSummary> summaries(design.arms.size());
  for (std::size_t a : order) {
    ArmSummary& summary = summaries[a];
    summary.name = design.arms[a].name;
    summary.value.resize(n_outcomes);
    summary.difference.resize(n_outcomes);
    const ArmRun arm{a, arm_horizon_day(design, design.arms[a]), arm_plan(design, design.arms[a])};
    const PatientSampler sampler(design.arms[a].typical_params, design.arms[a].variability);
    summary.recovery = RecoveryAnalysis(patient_outputs(), arm.plan.courses().size());
    if (observer.begin_arm) observer.begin_arm(arm);
    run_population(sampler, arm.plan, run, [&](std::span<const PatientOutcome> batch) {
      for (const PatientOutcome& p : batch) {
        ++summary.patients;
        if (!p.ok) ++summary.failed;
        if (p.ok) summary.recovery.add(p.result.courses);
        const auto values = patient_study_outcomes(p, arm.plan.grid_day(), design.outcome_course, arm.outcome_end_day);
        double* ref = &reference[static_cast<std::size_t>(p.index) * n_outcomes];
        for (std::size_t m = 0; m < n_outcomes; ++m) {
          summary.value[m].add(values[m]);
          if (a == design.reference_arm) ref[m] = values[m];
          summary.difference[m].add(values[m] - ref[m]);
        }
      }
      if (observer.batch) observer.batch(arm, batch);
    });
    if (observer.end_arm) observer.end_arm(arm);
  }
  return summaries;
}

}  // namespace alemsim
