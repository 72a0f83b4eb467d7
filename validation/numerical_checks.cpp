#include "validation/numerical_checks.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "models/alemtuzumab_model.hpp"
#include "sim/output_grid.hpp"
#include "sim/simulate.hpp"
#include "sim/reference_systems.hpp"

namespace alemsim {
namespace {

using Model = AlemtuzumabModel;

// Accuracies required, each with its reason.
// The model's outputs are read to 3-4 significant digits in every figure; the solver's accuracy
// (sim/solver.hpp: kAccuracyPerRelTol x rel_tol, 1e-5 at the default 1e-6) is two orders of magnitude
// below that.
const double kAgreementOfPeak = kAccuracyPerRelTol * SolverOptions{}.rel_tol;
// Mass balance adds up every step's error in the eliminated amount: 1e-7 of the total dose.
constexpr double kMassBalanceOfDose = 1e-7;
// The closed-form check the solver wrapper is documented against (sim/solver.hpp).
const double kClosedFormRelative = kAccuracyPerRelTol * SolverOptions{}.rel_tol;

// Largest |a - b| over all outputs and times, each output scaled by its peak in b (relative error is
// meaningless where a concentration has decayed to 1e-20 ng/mL).
double largest_difference_of_peak(const PatientResult& a, const PatientResult& b) {
  double worst = 0.0;
  for (std::size_t q = 0; q < b.series.size(); ++q) {
    double peak = 0.0;
    for (double v : b.series[q]) peak = std::max(peak, std::abs(v));
    if (peak == 0.0) continue;
    for (std::size_t i = 0; i < b.series[q].size(); ++i) {
      worst = std::max(worst, std::abs(a.series[q][i] - b.series[q][i]) / peak);
    }
  }
  return worst;
}

double mass_balance_error(const ModelParams& params, const SimulationPlan& plan) {
  const std::span<const Infusion> infusions = plan.infusions();
  const std::span<const double> grid_day = plan.grid_day();
  const auto states = simulate(ModelWithEliminated{Model{params}}, plan);
  const double total = dosed_mg(infusions, grid_day.back());
  double worst = 0.0;
  for (std::size_t i = 0; i < grid_day.size(); ++i) {
    const double accounted = states[i][Model::kCentralMg] + states[i][ModelWithEliminated::kEliminatedMg];
    worst = std::max(worst, std::abs(accounted - dosed_mg(infusions, grid_day[i])) / total);
  }
  return worst;
}

double closed_form_error(SolverOptions::Stepper stepper, const SimulationPlan& default_plan) {
  const double k = std::log(2.0) / 4.5;  // the labelled alpha half-life
  SolverOptions options;
  options.stepper = stepper;
  const SimulationPlan plan = default_plan.with_solver(options);
  const std::span<const Infusion> infusions = plan.infusions();
  const std::span<const double> grid_day = plan.grid_day();
  const auto states = simulate(OneCompartment{k}, plan);
  double worst = 0.0;
  for (std::size_t i = 0; i < grid_day.size(); ++i) {
    const double exact = exact_one_compartment_mg(infusions, k, grid_day[i]);
    // Below 0.01 mg (under 1 ng/mL) the absolute tolerance, 1e-9 mg, governs: a relative figure
    // there says nothing about the method.
    if (exact < 1e-2) continue;
    worst = std::max(worst, std::abs(states[i][0] - exact) / exact);
  }
  return worst;
}

}  // namespace

std::vector<NumericalCheck> run_numerical_checks(const ValidationRuns& runs) {
  // The typical run's own grid: its times as extra times give exactly that grid again.
  const SimulationPlan plan(label_regimen(), kLabelHorizonDay, 1.0, runs.typical.grid_day);
  const PatientResult& ours = runs.typical.result;

  SolverOptions tight;
  tight.rel_tol = 1e-12;
  tight.abs_tol = 1e-13;
  SolverOptions fehlberg;
  fehlberg.stepper = SolverOptions::Stepper::kFehlberg78;
  const std::string of_peak = "largest difference over 2 years, fraction of each output's peak";

  std::vector<NumericalCheck> checks;
  checks.push_back({"Default tolerances vs rel_tol 1e-12 (typical patient)", of_peak,
                    largest_difference_of_peak(ours, simulate_patient(runs.params, plan.with_solver(tight))),
                    kAgreementOfPeak});
  checks.push_back({"Dormand-Prince 5(4) vs Fehlberg 7(8) (typical patient)", of_peak,
                    largest_difference_of_peak(ours, simulate_patient(runs.params, plan.with_solver(fehlberg))),
                    kAgreementOfPeak});
  checks.push_back({"Drug mass balance (typical patient)",
                    "largest |dosed - in serum - eliminated|, fraction of the dose",
                    mass_balance_error(runs.params, plan), kMassBalanceOfDose});
  for (const auto& [name, stepper] : {std::pair{"Dormand-Prince 5(4)", SolverOptions::Stepper::kDormandPrince54},
                                      std::pair{"Fehlberg 7(8)", SolverOptions::Stepper::kFehlberg78}}) {
    checks.push_back({std::string("Closed-form one-compartment infusion, ") + name,
                      "largest relative error of the amount (where above 0.01 mg)",
                      closed_form_error(stepper, plan), kClosedFormRelative});
  }
  // Population patients are integrated four at a time in SIMD lanes with one step controller
  // (sim/patient_lanes.hpp): each must still meet the tolerance it would alone. Two groups.
  const SimulationPlan population_plan(label_regimen(), kLabelHorizonDay, 1.0, runs.population_grid_day);
  double lanes_worst = 0.0;
  int lanes_checked = 0;
  for (const PatientOutcome& p : runs.population) {
    if (!p.ok || lanes_checked == 8) continue;
    lanes_worst = std::max(lanes_worst, largest_difference_of_peak(
                                            p.result, simulate_patient(p.patient.params, population_plan.with_solver(tight))));
    ++lanes_checked;
  }
  checks.push_back({"SIMD lanes vs rel_tol 1e-12 alone (first 8 population patients)", of_peak, lanes_worst,
                    kAgreementOfPeak});
  auto failed =
      std::count_if(runs.population.begin(), runs.population.end(), [](const PatientOutcome& p) { return !p.ok; });
  // A scenario population keeps no summary for a patient it could not integrate.
  for (const ScenarioRun& s : runs.scenarios) {
    failed += std::count_if(s.population_courses.begin(), s.population_courses.end(),
                            [](const std::vector<CourseSummary>& c) { return c.empty(); });
  }
  checks.push_back({"Population runs", "patients the solver could not integrate", static_cast<double>(failed), 0.0});
  for (NumericalCheck& c : checks) c.pass = c.measured <= c.limit;
  return checks;
}

bool all_passed(std::span<const NumericalCheck> checks) {
  return std::all_of(checks.begin(), checks.end(), [](const NumericalCheck& c) { return c.pass; });
}

}  // namespace alemsim
