// Benchmark (not a test): how far the engine is from its limit, for the typical patient.
//  - the cost of one right-hand-side evaluation (one patient; and per patient in 4 SIMD lanes),
//  - the engine's time per patient against "evaluations × cost of one",
//  - where the evaluations go: infusion segments, the weeks while drug is present, washout; and,
//    while drug is present, the steps taken against those Dormand-Prince's stability bound alone
//    forces (a lower bound for any explicit method).
// Dormand-Prince 5(4) is stable on the negative real axis for h·|λ| up to 3.31 (Hairer & Wanner,
// Solving ODEs II, IV.2, fig. 2.1). While drug is present the stiffest mode is lysis of blood
// cells, λ ≈ −(w_p·k_lysis,b·occupancy + k_ret) for the population p with the largest CD52 weight
// (CD19+ B cells, w = 4): its diagonal term, the off-diagonal coupling being 10-100 times weaker.
//
// Usage: alemsim-bench-limit [SCENARIO]        (default scenarios/label-4-courses.yaml)
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/bench_timing.hpp"
#include "io/scenario.hpp"
#include "models/alemtuzumab_model.hpp"
#include "sim/patient.hpp"
#include "sim/simulate.hpp"

namespace {

using alemsim::AlemtuzumabModel;
using Model = AlemtuzumabModel;

constexpr double kStabilityBound = 3.31;     // Dormand-Prince 5(4), negative real axis
constexpr double kDrugPresentNgPerMl = 1.0;  // "drug present": above 1 ng/mL (occupancy above 0.3%)

enum Phase { kInfusion, kDrugPresent, kWashout, kPhases };
constexpr const char* kPhaseNames[kPhases] = {"infusion segments", "drug present (>= 1 ng/mL)", "washout"};

// Evaluations by phase: the engine's system wrapped to count, the phase read from the state.
struct PhaseCounter {
  static constexpr auto kDoseStates = Model::kDoseStates;
  using State = Model::State;
  const Model& model;
  const alemsim::SimulationPlan& plan;
  long* counts;
  State initial_state() const { return model.initial_state(); }
  void operator()(const State& x, State& dxdt, double t) const {
    model(x, dxdt, t);
    bool infusing = false;
    for (const alemsim::Infusion& inf : plan.infusions()) infusing = infusing || (t >= inf.start_day && t <= inf.end_day);
    const Phase phase = infusing ? kInfusion
                        : model.concentration_ng_per_ml(x) >= kDrugPresentNgPerMl ? kDrugPresent
                                                                                  : kWashout;
    ++counts[phase];
  }
};

// |λ| of the stiffest lysis mode at state x, 1/day.
double stiffest_rate_per_day(const Model& model, const Model::State& x) {
  const double occupancy = model.cd52_occupancy(x);
  double most = 0.0;
  for (double w : model.k.lysis_weight) most = std::max(most, w * model.k.blood_lysis_max_per_day * occupancy);
  return most + model.k.tissue_to_blood_per_day;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "scenarios/label-4-courses.yaml";
  const alemsim::Scenario s = alemsim::load_scenario(path);
  const alemsim::SimulationPlan plan = alemsim::simulation_plan(s);
  const Model model(s.typical_params);
  const auto grid = plan.grid_day();

  // States along the trajectory: realistic inputs for timing one evaluation, and the stiffness.
  const std::vector<Model::State> states = alemsim::simulate(model, plan);

  Model::State dxdt{};
  double sink = 0.0;
  const double per_evaluation = alemsim::bench::seconds_per_run(
                                    [&] {
                                      for (const Model::State& x : states) {
                                        model(x, dxdt, 0.0);
                                        sink += dxdt[Model::kCd19];
                                      }
                                    },
                                    5, 20) /
                                static_cast<double>(states.size());
  using Group = alemsim::PatientLanes<alemsim::kPatientLanes>;
  std::array<alemsim::ModelParams, alemsim::kPatientLanes> same;
  same.fill(s.typical_params);
  const Group group(same);
  std::vector<Group::State> lane_states(states.size());
  for (std::size_t i = 0; i < states.size(); ++i) {
    for (std::size_t l = 0; l < alemsim::kPatientLanes; ++l) Group::set_lane(lane_states[i], l, states[i]);
  }
  Group::State lane_dxdt{};
  const double per_group_evaluation = alemsim::bench::seconds_per_run(
                                          [&] {
                                            for (const Group::State& x : lane_states) {
                                              group(x, lane_dxdt, 0.0);
                                              sink += lane_dxdt[0];
                                            }
                                          },
                                          5, 20) /
                                      static_cast<double>(states.size());

  long counts[kPhases] = {0, 0, 0};
  alemsim::simulate_observed(PhaseCounter{model, plan, counts}, plan, [](std::size_t, const Model::State&) {});
  const long evaluations = counts[kInfusion] + counts[kDrugPresent] + counts[kWashout];
  alemsim::PatientResult result;
  const double per_patient =
      alemsim::bench::seconds_per_run([&] { result = alemsim::simulate_patient(s.typical_params, plan); }, 5, 20);

  // Steps the stability bound forces while drug is present: the integral of |λ|/3.31 over the
  // grid intervals outside infusions with drug present at both ends.
  double forced_steps = 0.0, drug_days = 0.0;
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    bool infusing = false;
    const double mid = 0.5 * (grid[i] + grid[i + 1]);
    for (const alemsim::Infusion& inf : plan.infusions()) infusing = infusing || (mid >= inf.start_day && mid <= inf.end_day);
    if (infusing || model.concentration_ng_per_ml(states[i + 1]) < kDrugPresentNgPerMl) continue;
    const double rate = 0.5 * (stiffest_rate_per_day(model, states[i]) + stiffest_rate_per_day(model, states[i + 1]));
    forced_steps += (grid[i + 1] - grid[i]) * rate / kStabilityBound;
    drug_days += grid[i + 1] - grid[i];
  }

  std::printf("%s: typical patient, %zu output times (CPU time; fastest of 5 batches)\n\n", path.c_str(), grid.size());
  std::printf("one right-hand-side evaluation:        %6.1f ns (one patient)\n", 1e9 * per_evaluation);
  std::printf("                                        %6.1f ns per patient in %zu SIMD lanes (%.1f ns a group)\n",
              1e9 * per_group_evaluation / alemsim::kPatientLanes, alemsim::kPatientLanes, 1e9 * per_group_evaluation);
  std::printf("evaluations per patient:               %6ld (%.0f attempted steps of 6)\n", evaluations,
              static_cast<double>(evaluations) / 6.0);
  std::printf("time per patient:                      %6.3f ms = %.1f x evaluations x cost of one (%.3f ms):\n"
              "                                        the rest is the stepper, dense output and the outputs\n",
              1e3 * per_patient, per_patient / (static_cast<double>(evaluations) * per_evaluation),
              1e3 * static_cast<double>(evaluations) * per_evaluation);
  std::printf("\nwhere the evaluations go:\n");
  for (int p = 0; p < kPhases; ++p) {
    std::printf("  %-28s %6ld (%4.1f%%)\n", kPhaseNames[p], counts[p],
                100.0 * static_cast<double>(counts[p]) / static_cast<double>(evaluations));
  }
  const double taken = static_cast<double>(counts[kDrugPresent]) / 6.0;
  std::printf("\nwhile drug is present (%.0f days outside infusions): %.0f attempted steps taken, %.1f times the\n"
              "%.0f the stability bound alone forces (h <= 3.31 / |lambda|, |lambda| up to %.1f/day: lysis of\n"
              "blood B cells). The rest is the explicit method's local error on that fast mode, which it must\n"
              "resolve to the tolerance (h·|lambda| well below 1); a method that damps the mode (implicit or\n"
              "IMEX in the lysis terms) would take only the steps the slow solution needs there.\n",
              drug_days, taken, taken / forced_steps, forced_steps,
              stiffest_rate_per_day(model, states[plan.index_of(plan.infusions().front().end_day)]));
  return sink == 12345.678 ? 1 : 0;  // keeps the timed loops from being optimised away
}
