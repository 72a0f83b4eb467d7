#include "validation/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "io/atomic_file.hpp"
#include "validation/check_table.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPageName = "report.md";

// A '|' inside a Markdown table cell must be escaped.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// The accepted interval to 4 significant digits (enough to see where a bound falls, e.g. 182.5 days).
std::string accepted_range(const ReferenceFigure& f) {
  const double lo = f.accepted_min();
  const double hi = f.accepted_max();
  const auto num = [](double v) { return fmt::format("{:.4g}", v); };
  if (std::isfinite(lo) && std::isfinite(hi)) return lo == hi ? num(lo) : num(lo) + " to " + num(hi);
  return std::isfinite(hi) ? "≤ " + num(hi) : "≥ " + num(lo);
}

std::string verdict_cell(const CheckResult& r) {
  switch (r.verdict) {
    case Verdict::kPass: return "pass";
    case Verdict::kFail: return "**FAIL**";
    case Verdict::kKnownDeviation: return r.within_tolerance ? "known deviation (now within)" : "KNOWN DEVIATION";
    case Verdict::kMiss: return "**MISS**";
  }
  return "";
}

std::string results_table(std::span<const CheckResult> results, FigureRole role) {
  std::string out =
      "| Quantity | Source | Reference | Simulated | Tolerance | Accepted | Result |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const CheckResult& r : results) {
    const ReferenceFigure& f = *r.figure;
    if (f.role != role) continue;
    out += fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} |\n", cell(f.quantity), cell(f.source), cell(format_reference(f, true)),
        cell(std::isnan(r.simulated) ? format_value(r.simulated) : with_unit(format_value(r.simulated), f.unit)),
        cell(format_tolerance(f, true)), accepted_range(f), verdict_cell(r));
  }
  return out;
}

std::string numerical_table(std::span<const NumericalCheck> checks) {
  std::string out =
      "| Check | Measured quantity | Measured | Required | Result |\n"
      "|---|---|---|---|---|\n";
  for (const NumericalCheck& c : checks) {
    out += fmt::format("| {} | {} | {} | ≤ {} | {} |\n", cell(c.name), cell(c.measure), format_measured(c.measured),
                       format_measured(c.limit), c.pass ? "pass" : "**FAIL**");
  }
  return out;
}

// Each distinct text once, with the quantities of the figures it belongs to ("- **A; B.** text").
std::string grouped(const ReferenceSet& set, std::string ReferenceFigure::*text) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const ReferenceFigure& f : set.figures) {
    if ((f.*text).empty()) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == f.*text; });
    if (it == groups.end()) {
      groups.push_back({f.*text, {}});
      it = std::prev(groups.end());
    }
    it->second.push_back(f.quantity);
  }
  std::string out;
  for (const auto& [body, quantities] : groups) {
    std::string names;
    for (const std::string& q : quantities) names += (names.empty() ? "" : "; ") + q;
    out += fmt::format("- **{}.** {}\n", names, body);
  }
  return out;
}

}  // namespace

void check_report_dir(const std::string& dir) {
  std::error_code ec;
  const fs::path path(dir);
  if (fs::exists(path, ec)) {
    if (!fs::is_directory(path, ec)) throw std::runtime_error(dir + ": --report: exists and is not a folder");
    check_writable((path / kPageName).string());
    return;
  }
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec)) {
    throw std::runtime_error(dir + ": --report: cannot create the folder, its parent " + parent.string() +
                             " does not exist");
  }
  check_writable((parent / (path.filename().string() + ".probe")).string());
}

std::string report_markdown(const ReferenceSet& set, const ValidationRuns& runs, std::span<const CheckResult> results,
                            std::span<const NumericalCheck> numerical, std::span<const ReportFigure> figures,
                            const std::string& command) {
  const CheckCounts c = count(results);
  const bool numerical_ok = all_passed(numerical);
  const bool passed = all_passed(results) && numerical_ok;
  std::string out = "# alemsim validation report\n\n";
  out += fmt::format(
      "The model with its shipped parameters (`models/model.md`) against the published "
      "figures in `{}`: the typical patient on the labelled regimen (EU SmPC 4.2: 12 mg/day infused over 4 hours, "
      "course 1 on 5 consecutive days, course 2 on 3 days 12 months later), simulated for 2 years, and a virtual "
      "population of {} patients (seed {}) on the same regimen. Month m is day 365·m/12 after the first infusion.\n\n",
      set.path, runs.population.size(), runs.population_seed);
  out += fmt::format("Produced by `{}`.\n\n", command);
  out += fmt::format(
      "**Result: {}.** {} calibrated and checked figures within tolerance, {} outside, {} known deviations "
      "(simulated and shown with the reason in their note: figures the model does not reach); numerical "
      "verification {}. **Predictions: {} of {} within tolerance.**\n\n",
      passed ? "PASSED" : "FAILED", c.pass, c.fail, c.known_deviations, numerical_ok ? "passed" : "FAILED",
      c.predictions_within, c.predictions_within + c.predictions_missed);
  out += "## Reference figures\n\n";
  out +=
      "Each row is one published figure, the value the simulation gives for it (read off the simulation the way "
      "the figure was measured: see the quantity), the tolerance and the interval it accepts. Why each tolerance "
      "is what it is: [below](#why-these-tolerances).\n\n";
  for (FigureRole role : kRoleSections) {
    const bool any = std::any_of(results.begin(), results.end(), [&](const CheckResult& r) { return r.figure->role == role; });
    if (any) out += fmt::format("### {}\n\n{}\n", role_heading(role), results_table(results, role));
  }
  out += "\n## Plots\n\n";
  for (const ReportFigure& f : figures)
    out += fmt::format("### {}\n\n![{}]({})\n\n{}\n\n", f.title, f.title, f.file, f.caption);
  out += "## Numerical verification\n\n";
  out +=
      "Whether the numbers above are the solution of the model's equations: the default solver (Dormand–Prince "
      "5(4), relative tolerance 1e-6) against a run a million times tighter and against an independent method of "
      "another order (Fehlberg 7(8)); conservation of the drug through the dosing engine; and a one-compartment "
      "infusion with a closed-form solution, through the same engine. The limit, 1e-5 (of a series' peak, or "
      "relative), is two orders of magnitude below the precision of any figure above.\n\n";
  out += numerical_table(numerical);
  out += "\n## Why these tolerances\n\n";
  out += grouped(set, &ReferenceFigure::tolerance_why);
  const std::string n = grouped(set, &ReferenceFigure::note);
  if (!n.empty()) out += "\n## Notes\n\n" + n;
  return out;
}

void write_report(const std::string& dir, const ReferenceSet& set, const ValidationRuns& runs,
                  std::span<const CheckResult> results, std::span<const NumericalCheck> numerical,
                  const std::string& command) {
  const std::vector<ReportFigure> figures = build_report_figures(set, runs);
  const std::string page = report_markdown(set, runs, results, numerical, figures, command);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir + ": --report: cannot create the folder: " + ec.message());
  for (const ReportFigure& f : figures) {
    AtomicFile file((fs::path(dir) / f.file).string());
    file.stream() << f.svg;
    file.commit();
  }
  AtomicFile file((fs::path(dir) / kPageName).string());
  file.stream() << page;
  file.commit();
}

}  // namespace alemsim
