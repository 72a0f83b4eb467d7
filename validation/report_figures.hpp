// The plots of the validation report: simulated trajectories with the reference figures beside them.
// Reference points are taken from the reference file, so every figure drawn is one that is checked.
#pragma once

#include <string>
#include <vector>

#include "validation/reference_figures.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {

struct ReportFigure {
  std::string file;     // e.g. "concentration.svg"
  std::string title;    // heading in the report
  std::string caption;  // what is drawn, the units, the sources, what the error bars are
  std::string svg;      // the complete SVG document
};

// Concentration (linear and semi-log) for both courses, CD4+/CD8+, CD19+, the population fraction at
// the lower limit of normal, and ADA in the scenario runs the figures name.
std::vector<ReportFigure> build_report_figures(const ReferenceSet& set, const ValidationRuns& runs);

}  // namespace alemsim
