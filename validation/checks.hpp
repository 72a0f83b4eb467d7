// Reads each reference figure off the validation runs and judges it against its tolerance.
#pragma once

#include <span>
#include <vector>

#include "validation/reference_figures.hpp"
#include "validation/validation_runs.hpp"

namespace alemsim {

// A titer is in multiples of the assay cut point, so a sample is positive at 1 or above.
inline constexpr double kAdaPositiveTiter = 1.0;

// kMiss: a prediction outside its tolerance, reported with its numbers; it does not fail the run.
enum class Verdict { kPass, kFail, kKnownDeviation, kMiss };

struct CheckResult {
  const ReferenceFigure* figure = nullptr;  // points into the ReferenceSet, which must outlive this
  double simulated = 0.0;                   // in figure->unit; NaN when the run never gets there
  bool within_tolerance = false;            // simulated lies in [accepted_min, accepted_max]
  Verdict verdict = Verdict::kFail;         // kKnownDeviation for known-deviation figures, whatever within_tolerance says
};

// The value of a typical-patient figure (no population, no scenario of its own, no second run) in
// one run of the labelled regimen. Throws std::invalid_argument naming the figure for any other.
double evaluate_typical(const ReferenceFigure& figure, const LabelFigures& typical);

// The value of figure.metric in the runs. Throws std::invalid_argument when the runs cannot give it
// (a scenario with fewer courses than the metric reads), naming the figure.
double evaluate(const ReferenceFigure& figure, const ValidationRuns& runs);

// One result per figure, in file order.
std::vector<CheckResult> run_checks(const ReferenceSet& set, const ValidationRuns& runs);

// True when no calibrated or checked figure failed (a prediction's miss is reported, not failed).
bool all_passed(std::span<const CheckResult> results);

// Percentage of the population (patients the solver completed) with `column` at or above `threshold`
// at grid time index i, for every grid time.
std::vector<double> population_percent_at_or_above(const ValidationRuns& runs, std::string_view column,
                                                   double threshold);

}  // namespace alemsim
