#include "validation/population_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "sim/course_summary.hpp"
#include "models/reference_ranges.hpp"
#include "sim/plan.hpp"
#include "sim/population.hpp"
#include "validation/checks.hpp"
#include "validation/label_figures.hpp"
#include "validation/reference_figures.hpp"

namespace alemsim {
namespace {

constexpr const char* kBaselineEffects[] = {"cd4_baseline_cells_per_ul", "cd8_baseline_cells_per_ul",
                                            "cd19_baseline_cells_per_ul", "nk_baseline_cells_per_ul"};

// Bisection for the x in [lo, hi] where f(x) crosses target (f increasing if `increasing`).
template <class F>
double bisect(F&& f, double lo, double hi, double target, bool increasing, int& evaluations) {
  constexpr int kSteps = 12;  // interval / 2^12: finer than the calibration needs (fractions move in 1/N steps)
  for (int i = 0; i < kSteps; ++i) {
    const double mid = 0.5 * (lo + hi);
    ++evaluations;
    const bool below = f(mid) < target;
    ((below == increasing) ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// A population calibration figure of the reference file as a fraction.
double fraction_of(std::string_view id) {
  const ReferenceFigure& f = find_figure(shipped_reference_figures(), id);
  if (f.role != FigureRole::kCalibration) throw std::logic_error(std::string(id) + ": not a calibration figure");
  return f.min / 100.0;
}

}  // namespace

double smpc_fraction_at_lln_month6() { return fraction_of("population-lln-6-months-course-1"); }
double smpc_fraction_at_lln_month12() { return fraction_of("population-lln-12-months-course-1"); }
double smpc_fraction_ada_positive() { return fraction_of("population-ada-positive-by-15-months"); }

LlnFractions simulate_lln_fractions(const ModelParams& typical, const VariabilityModel& variability,
                                    std::int64_t patients, std::uint64_t seed) {
  const SimulationPlan plan({label_regimen().front()}, 12.0 * kDaysPerMonth);
  PopulationRunOptions options;
  options.seed = seed;
  options.patients = patients;
  std::int64_t known = 0, at6 = 0, at12 = 0;
  run_population(PatientSampler(typical, variability), plan, options, [&](std::span<const PatientOutcome> batch) {
    for (const PatientOutcome& p : batch) {
      if (!p.ok) continue;
      ++known;
      const CourseSummary& c = p.result.courses.front();
      at6 += c.lymphocytes_6_months_cells_per_ul >= kLymphocyteLowerLimitCellsPerUl ? 1 : 0;
      at12 += c.lymphocytes_12_months_cells_per_ul >= kLymphocyteLowerLimitCellsPerUl ? 1 : 0;
    }
  });
  return {static_cast<double>(at6) / static_cast<double>(known), static_cast<double>(at12) / static_cast<double>(known)};
}

void apply_population_scales(double baseline_scale, double cv_scale, ModelParams& typical, VariabilityModel& variability) {
  typical.cd19_baseline_cells_per_ul = baseline_scale * kHealthyCd19CellsPerUl;
  typical.nk_baseline_cells_per_ul = baseline_scale * kHealthyNkCellsPerUl;
  for (RandomEffect& e : variability.effects) {
    for (const char* name : kBaselineEffects) {
      if (e.parameter == name) e.cv *= cv_scale;
    }
  }
}

PopulationCalibration calibrate_population(const ModelParams& typical, const VariabilityModel& healthy_cv_variability) {
  PopulationCalibration fit;
  const auto fractions = [&](double s, double v) {
    ModelParams p = typical;
    VariabilityModel var = healthy_cv_variability;
    apply_population_scales(s, v, p, var);
    return simulate_lln_fractions(p, var, kPopulationCalibrationPatients, kPopulationCalibrationSeed);
  };
  // Nested bisection: for each spread, the baseline scale that puts 40% at the LLN at month 6 (more B
  // and NK cells, more patients above it); over spreads, the one that then puts 80% there at month
  // 12 (month 12 sits above the median, so a wider spread moves patients below the LLN).
  const auto scale_for_month6 = [&](double v) {
    return bisect([&](double s) { return fractions(s, v).month6; }, 0.2, 1.5, smpc_fraction_at_lln_month6(), true,
                  fit.evaluations);
  };
  const double cv_scale = bisect([&](double v) { return fractions(scale_for_month6(v), v).month12; }, 0.05, 2.0,
                    smpc_fraction_at_lln_month12(), false, fit.evaluations);
  const double baseline_scale = scale_for_month6(cv_scale);
  fit.baseline_scale = baseline_scale;
  fit.cv_scale = cv_scale;
  fit.fractions = fractions(baseline_scale, cv_scale);
  ++fit.evaluations;
  return fit;
}

double simulate_ada_positive_fraction(const ModelParams& typical, const VariabilityModel& variability,
                                      std::int64_t patients, std::uint64_t seed) {
  const double month15 = 15.0 * kDaysPerMonth;
  const SimulationPlan plan(label_regimen(), month15);
  const std::size_t titer = output_index("ada_titer");
  PopulationRunOptions options;
  options.seed = seed;
  options.patients = patients;
  std::int64_t known = 0, positive = 0;
  run_population(PatientSampler(typical, variability), plan, options, [&](std::span<const PatientOutcome> batch) {
    for (const PatientOutcome& p : batch) {
      if (!p.ok) continue;
      ++known;
      const auto& s = p.result.series[titer];
      positive += *std::max_element(s.begin(), s.end()) >= kAdaPositiveTiter ? 1 : 0;
    }
  });
  return static_cast<double>(positive) / static_cast<double>(known);
}

double calibrate_ada_priming(const ModelParams& typical, const VariabilityModel& variability) {
  int evaluations = 0;
  return bisect(
      [&](double priming) {
        ModelParams p = typical;
        p.ada_priming_per_day = priming;
        return simulate_ada_positive_fraction(p, variability, kPopulationCalibrationPatients, kPopulationCalibrationSeed);
      },
      0.01, 1.0, smpc_fraction_ada_positive(), true, evaluations);
}

void print_population_calibration(std::FILE* out, const PopulationCalibration& fit) {
  fmt::print(out, "{:<44} {:>9} {:>9}\n", "target (SmPC 5.1, course 1)", "reference", "simulated");
  fmt::print(out, "{:<44} {:>9.3f} {:>9.4f}\n", "total lymphocytes >= LLN at month 6", smpc_fraction_at_lln_month6(),
             fit.fractions.month6);
  fmt::print(out, "{:<44} {:>9.3f} {:>9.4f}\n", "total lymphocytes >= LLN at month 12", smpc_fraction_at_lln_month12(),
             fit.fractions.month12);
  fmt::print(out, "{} virtual patients, seed {}, {} population runs\n", kPopulationCalibrationPatients,
             kPopulationCalibrationSeed, fit.evaluations);
  fmt::print(out, "baseline_scale {:.4g}: cd19_baseline_cells_per_ul {:.4g}, nk_baseline_cells_per_ul {:.4g}\n",
             fit.baseline_scale, fit.baseline_scale * kHealthyCd19CellsPerUl, fit.baseline_scale * kHealthyNkCellsPerUl);
  fmt::print(out, "cv_scale {:.4g} (models/variability.cpp kBaselineCvScale)\n", fit.cv_scale);
}

}  // namespace alemsim
