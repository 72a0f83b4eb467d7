#include "validation/check_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "sim/regimen.hpp"

namespace alemsim {
namespace {

// Number of code points: fmt pads by code point, so column widths must be counted the same way.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void print_table(std::FILE* out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = width(header[c]);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  }
  const auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - width(row[c]) + 2, ' ');
    }
    fmt::print(out, "{}\n", line);
  };
  print_row(header);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  print_row(rule);
  for (const auto& row : rows) print_row(row);
}

}  // namespace

std::string with_unit(const std::string& number, const std::string& unit) {
  if (unit.starts_with("%")) return number + unit;
  if (unit == "course day") return "day " + number;
  return number + " " + unit;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "not reached";
  const double a = std::abs(value);
  if (a >= 100.0 || value == std::round(value)) return fmt::format("{:.0f}", value);
  if (a >= 10.0) return fmt::format("{:.1f}", value);
  if (a >= 1.0) return fmt::format("{:.2f}", value);
  return fmt::format("{:.3g}", value);
}

std::string format_reference(const ReferenceFigure& f, bool unicode) {
  const std::string le = unicode ? "≤ " : "<= ";
  const std::string ge = unicode ? "≥ " : ">= ";
  const std::string dash = unicode ? "–" : "-";
  std::string text;
  if (f.is_point()) {
    text = format_number(f.min);
  } else if (std::isfinite(f.min) && std::isfinite(f.max)) {
    text = format_number(f.min) + dash + format_number(f.max);
  } else if (std::isfinite(f.max)) {
    text = le + format_number(f.max);
  } else {
    text = ge + format_number(f.min);
  }
  return with_unit(text, f.unit);
}

std::string format_tolerance(const ReferenceFigure& f, bool unicode) {
  const std::string pm = unicode ? "±" : "+/-";
  const bool rel = f.tolerance_relative > 0.0;
  const bool abs = f.tolerance_absolute > 0.0;
  const std::string unit = f.unit.starts_with("%") ? " points" : " " + f.unit;
  if (rel && abs) {
    return pm + format_number(100.0 * f.tolerance_relative) + "% or " + pm + format_number(f.tolerance_absolute) +
           unit + ", larger";
  }
  if (rel) return pm + format_number(100.0 * f.tolerance_relative) + "%";
  if (abs) return pm + format_number(f.tolerance_absolute) + unit;
  if (f.is_point()) return "exact";
  return std::isfinite(f.min) && std::isfinite(f.max) ? "none (range)" : "none (bound)";
}

std::string format_verdict(const CheckResult& r) {
  switch (r.verdict) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kKnownDeviation: return r.within_tolerance ? "known deviation (now within)" : "KNOWN DEVIATION";
    case Verdict::kMiss: return "MISS";
  }
  return "";
}

CheckCounts count(std::span<const CheckResult> results) {
  CheckCounts c;
  for (const CheckResult& r : results) {
    if (r.figure->role == FigureRole::kPrediction) {
      ++(r.verdict == Verdict::kPass ? c.predictions_within : c.predictions_missed);
      continue;
    }
    if (r.verdict == Verdict::kPass) ++c.pass;
    if (r.verdict == Verdict::kFail) ++c.fail;
    if (r.verdict == Verdict::kKnownDeviation) ++c.known_deviations;
  }
  return c;
}

const char* role_heading(FigureRole role) {
  switch (role) {
    case FigureRole::kCalibration: return "Calibrated: figures the model was fitted to";
    case FigureRole::kCheck: return "Checked: labelled figures the model is held to but not fitted to";
    case FigureRole::kPrediction: return "Predicted: published figures beyond what was fitted (a miss does not fail the run)";
  }
  return "";
}

void print_check_table(std::FILE* out, std::span<const CheckResult> results) {
  bool first = true;
  for (FigureRole role : kRoleSections) {
    std::vector<std::vector<std::string>> rows;
    for (const CheckResult& r : results) {
      const ReferenceFigure& f = *r.figure;
      if (f.role != role) continue;
      rows.push_back({f.quantity, f.source, format_reference(f, false), format_value(r.simulated),
                      format_tolerance(f, false), format_verdict(r)});
    }
    if (rows.empty()) continue;
    fmt::print(out, "{}{}\n\n", first ? "" : "\n", role_heading(role));
    first = false;
    print_table(out, {"quantity", "source", "reference", "simulated", "tolerance", "result"}, rows);
  }
}

std::string format_measured(double value) {
  // Counts (failed patients) as whole numbers, errors in scientific notation.
  if (value == std::round(value) && std::abs(value) < 1e6) return fmt::format("{:.0f}", value);
  return fmt::format("{:.1e}", value);
}

void print_numerical_table(std::FILE* out, std::span<const NumericalCheck> checks) {
  std::vector<std::vector<std::string>> rows;
  for (const NumericalCheck& c : checks) {
    rows.push_back({c.name, format_measured(c.measured), "<= " + format_measured(c.limit), c.pass ? "PASS" : "FAIL"});
  }
  print_table(out, {"numerical check", "measured", "required", "result"}, rows);
}

}  // namespace alemsim
