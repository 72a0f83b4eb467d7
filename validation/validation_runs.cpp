#include "validation/validation_runs.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/variability.hpp"
#include "io/scenario.hpp"
#include "models/calendar.hpp"
#include "sim/plan.hpp"

namespace alemsim {

const ScenarioRun& ValidationRuns::scenario(const std::string& path) const {
  for (const ScenarioRun& s : scenarios) {
    if (s.path == path) return s;
  }
  throw std::invalid_argument("no validation run of scenario " + path);
}

double figure_day(const ReferenceFigure& figure) {
  return label_regimen().at(static_cast<std::size_t>(figure.course - 1)).start_day +
         figure.months_after * kDaysPerMonth;
}

ModelParams rebase_scenario_params(const ModelParams& scenario_params, const ModelParams& base) {
  const ModelParams shipped = typical_params();
  ModelParams p = base;
  for (const ParamInfo& info : param_table()) {
    if (scenario_params.*info.field != shipped.*info.field) p.*info.field = scenario_params.*info.field;
  }
  return p;
}

ValidationRuns simulate_validation_runs(const ReferenceSet& set, const ModelParams& params, std::int64_t patients,
                                        int threads) {
  std::vector<double> figure_times;
  for (const ReferenceFigure& f : set.figures) {
    if (f.metric->needs_months_after) figure_times.push_back(figure_day(f));
  }

  ValidationRuns runs;
  runs.params = params;
  runs.typical = simulate_label(params, figure_times);
  ModelParams without_ada = params;
  without_ada.ada_propensity = 0.0;
  runs.typical_without_ada = simulate_label(without_ada, figure_times);

  for (const ReferenceFigure& f : set.figures) {
    if (!f.metric->needs_scenario) continue;
    const bool done = std::any_of(runs.scenarios.begin(), runs.scenarios.end(),
                                  [&](const ScenarioRun& s) { return s.path == f.scenario_path; });
    if (done) continue;
    const Scenario scenario = load_scenario(f.scenario_path);
    const SimulationPlan plan = simulation_plan(scenario);
    const ModelParams typical = rebase_scenario_params(scenario.typical_params, params);
    ScenarioRun run{f.scenario_path, scenario.name, {plan.grid_day().begin(), plan.grid_day().end()}, {}, {}};
    run.result = simulate_patient(typical, plan);
    const bool population = std::any_of(set.figures.begin(), set.figures.end(), [&](const ReferenceFigure& g) {
      return g.metric->population && g.scenario_path == f.scenario_path;
    });
    if (population) {
      PopulationRunOptions options;
      options.seed = set.seed;
      options.patients = patients;
      options.threads = threads;
      run_population(PatientSampler(typical, scenario.variability), plan, options,
                     [&](std::span<const PatientOutcome> batch) {
                       for (const PatientOutcome& p : batch) {
                         run.population_courses.push_back(p.ok ? p.result.courses : std::vector<CourseSummary>{});
                       }
                     });
    }
    runs.scenarios.push_back(std::move(run));
  }

  const SimulationPlan plan(label_regimen(), kLabelHorizonDay, 1.0, figure_times);
  runs.population_seed = set.seed;
  runs.population_grid_day.assign(plan.grid_day().begin(), plan.grid_day().end());
  PopulationRunOptions options;
  options.seed = set.seed;
  options.patients = patients;
  options.threads = threads;
  runs.population = simulate_population(PatientSampler(params, default_variability()), plan, options);
  return runs;
}

}  // namespace alemsim
