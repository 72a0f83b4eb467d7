// How figures, tolerances and values are written in the table and the report, and how a scenario's
// parameters are rebased on changed typical values.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "validation/check_table.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {
namespace {

ReferenceFigure figure(double min, double max, const char* unit) {
  ReferenceFigure f;
  f.min = min;
  f.max = max;
  f.unit = unit;
  return f;
}

TEST(CheckTable, ReferencesAreWrittenAsValueRangeOrBound) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(format_reference(figure(3014, 3014, "ng/mL"), true), "3014 ng/mL");
  EXPECT_EQ(format_reference(figure(4, 5, "days"), true), "4–5 days");
  EXPECT_EQ(format_reference(figure(4, 5, "days"), false), "4-5 days");
  EXPECT_EQ(format_reference(figure(-inf, 30.4, "days"), false), "<= 30.4 days");
  EXPECT_EQ(format_reference(figure(1.5, inf, "x course-1 nadir"), true), "≥ 1.5 x course-1 nadir");
  EXPECT_EQ(format_reference(figure(40, 40, "% of patients"), true), "40% of patients");
  EXPECT_EQ(format_reference(figure(5, 5, "course day"), true), "day 5");
}

TEST(CheckTable, TolerancesSayWhatIsAccepted) {
  ReferenceFigure f = figure(50, 50, "cells/µL");
  EXPECT_EQ(format_tolerance(f, true), "exact");
  f.tolerance_relative = 0.3;
  EXPECT_EQ(format_tolerance(f, true), "±30%");
  f.tolerance_absolute = 30;
  EXPECT_EQ(format_tolerance(f, true), "±30% or ±30 cells/µL, larger");
  ReferenceFigure percent = figure(40, 40, "% of patients");
  percent.tolerance_absolute = 10;
  EXPECT_EQ(format_tolerance(percent, false), "+/-10 points");
  EXPECT_EQ(format_tolerance(figure(4, 5, "days"), true), "none (range)");
}

TEST(CheckTable, ValuesKeepAboutFourSignificantDigits) {
  EXPECT_EQ(format_value(3069.6), "3070");
  EXPECT_EQ(format_value(60.84), "60.8");
  EXPECT_EQ(format_value(4.391), "4.39");
  EXPECT_EQ(format_value(0.04512), "0.0451");
  EXPECT_EQ(format_value(std::nan("")), "not reached");
}

TEST(ValidationRuns, AScenarioKeepsItsOwnParametersOnChangedTypicalValues) {
  ModelParams scenario = typical_params();
  scenario.ada_propensity = 5.0;  // what the high-ADA scenario sets
  ModelParams base = typical_params();
  base.linear_clearance_l_per_day *= 0.5;  // what --set changes
  const ModelParams p = rebase_scenario_params(scenario, base);
  EXPECT_EQ(p.ada_propensity, 5.0);
  EXPECT_EQ(p.linear_clearance_l_per_day, base.linear_clearance_l_per_day);
  EXPECT_EQ(p.central_volume_l, typical_params().central_volume_l);
}

}  // namespace
}  // namespace alemsim
