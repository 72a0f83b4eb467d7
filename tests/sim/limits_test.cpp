// The bounds that keep a run from exhausting the machine or producing inf (issue 13): the memory
// budget, the thread and patient limits of a population run, the range a stored output may take,
// the plausible values a user may give a parameter, and the regimen's bounds.
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/model_params.hpp"
#include "sim/memory_budget.hpp"
#include "sim/plan.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {
namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(MemoryBudget, RefusesMoreThanHalfTheMachineWithTheFigureAndTheRemedy) {
  EXPECT_GT(memory_budget_bytes(), 100u << 20);
  EXPECT_NO_THROW(require_memory(1e6, "a small thing", "nothing"));
  const std::string m = message_of([] { require_memory(18.3e9 * 1e3, "the bands", "use a larger step"); });
  EXPECT_NE(m.find("the bands would need 18300.0 GB of memory, more than the "), std::string::npos) << m;
  EXPECT_NE(m.find("(half of this machine's memory); use a larger step"), std::string::npos) << m;
  EXPECT_THROW(require_memory(std::nan(""), "NaN bytes", ""), MemoryBudgetError) << "NaN is never within budget";
  EXPECT_EQ(format_bytes(512e6), "512 MB");
  EXPECT_EQ(format_bytes(18.34e9), "18.3 GB");
}

TEST(MemoryBudget, PercentileBandsAreCheckedBeforeTheyAreAllocated) {
  // 7 outputs x 1191 bins x 4 bytes = 33 KB per output time: 10^9 times is 33 TB.
  EXPECT_THROW(require_summary_memory(7, 1'000'000'000), MemoryBudgetError);
  EXPECT_THROW(SeriesPercentiles(7, 1'000'000'000), MemoryBudgetError);
  EXPECT_NO_THROW(require_summary_memory(7, 2209));
}

TEST(PopulationLimits, ThreadsAndPatientsOutOfRangeAreRefused) {
  const PatientSampler sampler(typical_params(), default_variability());
  const SimulationPlan plan({Course{0.0, 1, 12.0, 4.0, {}}}, 30.0);
  const auto run = [&](std::int64_t patients, int threads) {
    PopulationRunOptions o;
    o.patients = patients;
    o.threads = threads;
    return message_of([&] { run_population(sampler, plan, o, [](std::span<const PatientOutcome>) {}); });
  };
  EXPECT_NE(run(1, kMaxThreads + 1).find("number of threads must be from 0 (all cores) to 1024"), std::string::npos);
  EXPECT_NE(run(1, -1).find("number of threads"), std::string::npos);
  EXPECT_NE(run(0, 1).find("number of patients must be from 1 to 1000000000"), std::string::npos);
  EXPECT_NE(run(kMaxPatients + 1, 1).find("number of patients"), std::string::npos);
  EXPECT_EQ(run(2, 2), "(no error)");
}

TEST(PopulationLimits, OutputsBeyondTheStoredRangeOrNotFiniteAreOutOfRange) {
  EXPECT_TRUE(outputs_in_range({{0.0, 1e30, -1e30}}));
  EXPECT_FALSE(outputs_in_range({{1.0}, {1e31}}));
  EXPECT_FALSE(outputs_in_range({{std::numeric_limits<double>::infinity()}}));
  EXPECT_FALSE(outputs_in_range({{std::nan("")}}));
  EXPECT_LT(kMaxOutputValue, static_cast<double>(std::numeric_limits<float>::max())) << "float32 series never overflow";
}

TEST(PlausibleValues, AFactorOfAThousandFromTheTypicalValueWithTheUnitInTheMessage) {
  const ParamInfo& volume = *find_param("central_volume_l");
  EXPECT_EQ(implausible_value(volume, 14.26), "");
  EXPECT_EQ(implausible_value(volume, 0.01426), "") << "the bound as printed is accepted";
  EXPECT_EQ(implausible_value(volume, 1e300),
            "expected a number from 0.01426 to 14260 L (typical 14.26; at most a factor of 1000 from it), got 1e+300");
  EXPECT_NE(implausible_value(volume, 0.0), "");
  EXPECT_NE(implausible_value(volume, std::nan("")), "");
  // 0 switches a process off; a typical value of 0 allows up to 1000 in its unit.
  const ParamInfo& vmax = *find_param("target_vmax_mg_per_day");
  EXPECT_EQ(implausible_value(vmax, 0.0), "");
  EXPECT_EQ(implausible_value(vmax, 1000.0), "");
  EXPECT_NE(implausible_value(vmax, 1001.0), "");
  // A share of a whole stays below 1.
  const ParamInfo& naive = *find_param("cd4_naive_fraction");
  EXPECT_EQ(implausible_value(naive, 0.99), "");
  EXPECT_NE(implausible_value(naive, 1.0).find("to below 1 fraction"), std::string::npos) << implausible_value(naive, 1.0);
  // Every typical value is plausible.
  for (const ParamInfo& info : param_table()) EXPECT_EQ(implausible_value(info, info.typical_value), "") << info.name;
}

// The plausible range is a guard, not physiology: every parameter at either end of it, the others
// typical, must still integrate the labelled regimen to finite outputs within kMaxOutputValue.
TEST(PlausibleValues, EveryParameterAtEitherEndIntegratesToFiniteOutputs) {
  const SimulationPlan plan({Course{0.0, 5, 12.0, 4.0, {}}, Course{365.0, 3, 12.0, 4.0, {}}}, 2000.0);
  for (const ParamInfo& info : param_table()) {
    const PlausibleRange range = plausible_range(info);
    for (double value : {range.low, range.high_exclusive ? range.high * (1.0 - 1e-6) : range.high}) {
      SCOPED_TRACE(std::string(info.name) + " = " + std::to_string(value));
      ModelParams p = typical_params();
      p.*info.field = value;
      ASSERT_EQ(implausible_value(info, value), "");
      const PatientResult r = simulate_patient(p, plan);
      EXPECT_TRUE(outputs_in_range(r.series));
    }
  }
}

TEST(RegimenLimits, DayDoseAndCourseCountHaveBounds) {
  const auto error = [](std::vector<Course> courses, double horizon) {
    return message_of([&] { (void)SimulationPlan(std::move(courses), horizon); });
  };
  EXPECT_NE(error({Course{0.0, 5, 1e308, 4.0, {}}}, 400).find("at most 1000"), std::string::npos);
  EXPECT_NE(error({Course{1e9, 5, 12.0, 4.0, {}}}, 2e9).find("expected a day from 0 to 36525 (100 years)"),
            std::string::npos);
  EXPECT_NE(error({Course{0.0, 5, 12.0, 4.0, {}}}, 1e308).find("expected a horizon of at most 36525 days"),
            std::string::npos);
  std::vector<Course> many;
  for (int k = 0; k <= static_cast<int>(kMaxCourses); ++k) many.push_back(Course{365.0 * k, 1, 12.0, 4.0, {}});
  EXPECT_NE(error(many, kMaxDay).find("expected at most 100 courses, got 101"), std::string::npos);
}

}  // namespace
}  // namespace alemsim
