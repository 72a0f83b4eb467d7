// The validation report: a Markdown page (report.md) with the results table, the plots (SVG files
// beside it), the numerical verification, and why each tolerance is what it is.
#pragma once

#include <span>
#include <string>

#include "validation/checks.hpp"
#include "validation/numerical_checks.hpp"
#include "validation/reference_figures.hpp"
#include "validation/report_figures.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {

// Checks, before anything is simulated, that `dir` is a writable folder or can be created as one
// (its parent exists). Creates nothing. Throws std::runtime_error naming the folder.
void check_report_dir(const std::string& dir);

// The Markdown page. `command` is the command line that produced it, shown so a reader can reproduce it.
std::string report_markdown(const ReferenceSet& set, const ValidationRuns& runs, std::span<const CheckResult> results,
                            std::span<const NumericalCheck> numerical, std::span<const ReportFigure> figures,
                            const std::string& command);

// Creates `dir` if needed and writes every figure and then report.md, each atomically (complete or not
// at all). Throws std::runtime_error naming the folder or file that could not be written.
void write_report(const std::string& dir, const ReferenceSet& set, const ValidationRuns& runs,
                  std::span<const CheckResult> results, std::span<const NumericalCheck> numerical,
                  const std::string& command);

}  // namespace alemsim
