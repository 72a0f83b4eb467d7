// Validation (CTest label "validation"): the virtual population against the SmPC figures, with the
// shipped seed and 10,000 patients.
//   - Fractions at the lower limit of normal: SmPC 5.1 says "approximately" 40% and 80%; the check
//     allows ±5 percentage points (the binomial standard error at N = 10,000 is 0.5 points, so the
//     band is about the rounding of "approximately").
//   - Mean Cmax: ±10% of the SmPC 5.2 means, as for the typical patient.
#include <gtest/gtest.h>

#include "sim/course_summary.hpp"
#include "io/scenario.hpp"
#include "sim/output_grid.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"
#include "validation/label_figures.hpp"
#include "validation/population_calibration.hpp"
#include "validation/reference_figures.hpp"

namespace alemsim {
namespace {

const PopulationSummary& label_population() {
  static const PopulationSummary summary = [] {
    const Scenario s = load_scenario(std::string(ALEMSIM_SOURCE_DIR) + "/scenarios/label.yaml");
    // Two years cover both courses' 12-month figures.
    const SimulationPlan plan(s.courses, 730.0);
    PopulationRunOptions options;
    options.seed = s.seed;
    options.patients = kPopulationCalibrationPatients;
    options.bin_series = true;
    PopulationSummary out(patient_outputs(), plan.grid_day().size(), s.courses.size());
    run_population(PatientSampler(s.typical_params, s.variability), plan, options,
                   [&](std::span<const PatientOutcome> batch) { out.add(batch, 0); });
    return out;
  }();
  return summary;
}

double mean_metric(const PopulationSummary& s, std::string_view name, std::size_t course) {
  for (std::size_t m = 0; m < s.metrics().size(); ++m) {
    if (s.metrics()[m].name == name) return s.metric(m, course).mean();
  }
  throw std::invalid_argument("no metric " + std::string(name));
}

TEST(PopulationSmpc, AllPatientsSimulate) { EXPECT_EQ(label_population().failed(), 0); }

TEST(PopulationSmpc, FortyPercentAtLowerLimitOfNormalSixMonthsAfterCourse1) {
  EXPECT_NEAR(label_population().fraction_at_lln(0, 0), smpc_fraction_at_lln_month6(), 0.05);
}

TEST(PopulationSmpc, EightyPercentAtLowerLimitOfNormalTwelveMonthsAfterCourse1) {
  EXPECT_NEAR(label_population().fraction_at_lln(0, 1), smpc_fraction_at_lln_month12(), 0.05);
}

TEST(PopulationSmpc, MeanCmaxWithinTenPercentInBothCourses) {
  for (std::size_t course = 0; course < 2; ++course) {
    const ReferenceFigure& f =
        find_figure(shipped_reference_figures(), "population-mean-cmax-course-" + std::to_string(course + 1));
    EXPECT_GE(mean_metric(label_population(), "cmax_ng_per_ml", course), f.accepted_min());
    EXPECT_LE(mean_metric(label_population(), "cmax_ng_per_ml", course), f.accepted_max());
  }
}

}  // namespace
}  // namespace alemsim
