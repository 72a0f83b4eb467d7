// The results of `alemsim validate` as text: cells shared by the terminal table and the report.
#pragma once

#include <cstdio>
#include <span>
#include <string>

#include "validation/checks.hpp"
#include "validation/numerical_checks.hpp"

namespace alemsim {

// "3014 ng/mL", "4-5 days", "<= 30.4 days", ">= 1 x cut point". `unicode` uses – ≤ ≥ instead of - <= >=.
std::string format_reference(const ReferenceFigure& f, bool unicode);
// A simulated value to the precision the figures are given in (4 significant digits at most).
std::string format_value(double value);
// "12 cells/µL", "3%", "day 5": a number (already formatted) with its unit.
std::string with_unit(const std::string& number, const std::string& unit);
// "±10%", "±30% or ±30 cells/µL, larger", "none (range)", "none (bound)", "exact".
std::string format_tolerance(const ReferenceFigure& f, bool unicode);
// A numerical check's measure or limit: whole numbers as such, errors as "3.2e-08".
std::string format_measured(double value);
// "PASS", "FAIL", "MISS" (a prediction), "known deviation (now within)" or "KNOWN DEVIATION".
std::string format_verdict(const CheckResult& r);

struct CheckCounts {
  int pass = 0;               // calibrated and checked figures within tolerance
  int fail = 0;
  int known_deviations = 0;
  int predictions_within = 0;
  int predictions_missed = 0;
};

// The sections figures are shown in, in this order, and each one's heading.
inline constexpr FigureRole kRoleSections[] = {FigureRole::kCalibration, FigureRole::kCheck, FigureRole::kPrediction};
const char* role_heading(FigureRole role);
CheckCounts count(std::span<const CheckResult> results);

// Terminal tables: one row per figure (a table per role, headed) / per numerical check, aligned columns.
void print_check_table(std::FILE* out, std::span<const CheckResult> results);
void print_numerical_table(std::FILE* out, std::span<const NumericalCheck> checks);

}  // namespace alemsim
