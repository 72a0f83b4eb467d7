// The simulations `alemsim validate` reads its figures from, run once: the typical patient on the
// labelled regimen (with and without anti-drug antibodies), each scenario a figure names, and a
// virtual population on the labelled regimen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "validation/label_figures.hpp"
#include "validation/reference_figures.hpp"

namespace alemsim {

struct ScenarioRun {
  std::string path;  // as named by the figure (resolved against the reference file)
  std::string name;  // the scenario's own name
  std::vector<double> grid_day;
  PatientResult result;  // typical patient of the scenario
  // When a population figure names the scenario: the per-course summaries of its virtual patients
  // (the reference file's seed and size, the scenario's variability), [patient]; empty for a patient
  // the solver could not integrate. Series are not kept: years of them for 2000 patients would
  // take hundreds of MB.
  std::vector<std::vector<CourseSummary>> population_courses;
};

struct ValidationRuns {
  ModelParams params;                // typical values every run starts from (shipped, plus overrides)
  LabelFigures typical;              // label_regimen(), 2 years
  LabelFigures typical_without_ada;  // the same with ada_propensity = 0
  std::vector<ScenarioRun> scenarios;
  std::uint64_t population_seed = 0;
  std::vector<double> population_grid_day;    // label_regimen(), 2 years, daily plus figure times
  std::vector<PatientOutcome> population;  // patients 0..n-1 drawn with default_variability()

  // Throws std::invalid_argument if no figure named `path`.
  const ScenarioRun& scenario(const std::string& path) const;
};

// Day (from the first infusion of the labelled regimen) at which a figure with course and
// months_after is read.
double figure_day(const ReferenceFigure& figure);

// A scenario's parameters rebased on `base` instead of the shipped values: a field the scenario sets
// to something other than its shipped value keeps the scenario's value; every other field is base's.
ModelParams rebase_scenario_params(const ModelParams& scenario_params, const ModelParams& base);

// Runs everything `set` needs. `patients` virtual patients with set.seed; threads 0 = all cores.
// Throws ScenarioError for a bad scenario file, SolverError if a typical-patient run fails (a failing
// population patient is flagged in its PatientOutcome instead).
ValidationRuns simulate_validation_runs(const ReferenceSet& set, const ModelParams& params, std::int64_t patients,
                                        int threads);

}  // namespace alemsim
