// The published figures the model is checked against, as data (validation/reference_figures.yaml):
// what each figure is, its value or range, unit, source, the tolerance and why that tolerance.
#pragma once

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "validation/metric.hpp"

namespace alemsim {

// Whether a figure decides the outcome of `alemsim validate`.
enum class FigureStatus {
  kActive,                        // pass or fail counts
  kKnownDeviation,  // simulated value shown, never fails: the between-patient variances
                                  // it depends on are being calibrated (population issue)
};

// What a figure is to the model: fitted to it, built to meet it, or asked to predict it.
enum class FigureRole {
  kCalibration,  // a calibration objective fits the model to it (alemsim-calibrate, -calibrate-population)
  kCheck,        // a labelled statement the model is checked against but not fitted to (the default)
  kPrediction,   // published beyond what was fitted; never read by a calibration, a miss is reported as one
};

struct ReferenceFigure {
  std::string id;        // unique, e.g. "cmax-course-1"
  std::string quantity;  // what a reader sees, e.g. "Cmax, course 1"
  const MetricInfo* metric = nullptr;
  int course = 0;                                                  // 1-based; 0 when the metric takes none
  double months_after = std::numeric_limits<double>::quiet_NaN();  // NaN when the metric takes none
  std::string subset;                                              // output column; empty when none
  std::string scenario_path;                                       // resolved against the file's folder
  // Reference: a value (min == max), a range, or a one-sided bound (the other side infinite).
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::string unit;       // always the metric's unit (checked on loading)
  std::string source;     // document and section, e.g. "EU SmPC 5.2"
  std::string statement;  // what the source says, quoted or paraphrased
  // Accepted: [min - t(min), max + t(max)] with t(x) = max(tolerance_absolute, tolerance_relative * |x|).
  double tolerance_relative = 0.0;  // fraction
  double tolerance_absolute = 0.0;  // in `unit`
  std::string tolerance_why;
  FigureRole role = FigureRole::kCheck;
  FigureStatus status = FigureStatus::kActive;
  std::string note;  // optional: context a reader needs beside the number

  bool is_point() const { return min == max; }
  double tolerance_at(double bound) const;
  double accepted_min() const;
  double accepted_max() const;
};

// The whole file: the figures and the virtual population the population figures are read from.
struct ReferenceSet {
  std::string path;
  std::uint64_t seed = 0;     // random effects of the validation population
  std::int64_t patients = 0;  // its default size (`alemsim validate --patients` overrides)
  std::vector<ReferenceFigure> figures;
};

// A reference file that cannot be used. what() is one line: "FILE:LINE:COL: FIELD: what was expected".
class ReferenceFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and checks a reference file: unknown keys, metrics, subsets or statuses, missing fields,
// arguments the metric does not take, a unit other than the metric's, an empty range, a negative
// tolerance, a missing reason for the tolerance, duplicate ids, a scenario file that does not exist.
// Throws ReferenceFileError.
ReferenceSet load_reference_figures(const std::string& path);

// The same checks on reference-file text kept elsewhere; errors name `origin`, and scenario paths
// are resolved against origin's folder. With check_scenario_files false a scenario file need not
// exist where origin says (the copy compiled into the program, shipped_reference_figures()).
ReferenceSet reference_figures_from_text(const std::string& text, const std::string& origin, bool check_scenario_files);

// The figure with `id`. Throws std::invalid_argument naming the id and the file if there is none.
const ReferenceFigure& find_figure(const ReferenceSet& set, std::string_view id);

// validation/reference_figures.yaml as this program was built with it: the one definition of the
// published figures, for what needs them without reading the file (the viewer's overlays, the
// calibration). Parsed once.
const ReferenceSet& shipped_reference_figures();

}  // namespace alemsim
