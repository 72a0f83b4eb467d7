#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/shipped_scenarios.hpp"
#include "io/scenario_writer.hpp"
#include "io/variability_overrides.hpp"
#include "tests/shipped_files.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

fs::path temp_path(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_io_test";
  fs::create_directories(dir);
  fs::remove(dir / name);
  return dir / name;
}

void expect_same(const Scenario& a, const Scenario& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.patients, b.patients);
  EXPECT_EQ(a.horizon_day, b.horizon_day);
  EXPECT_EQ(a.output_step_day, b.output_step_day);
  ASSERT_EQ(a.courses.size(), b.courses.size());
  for (std::size_t k = 0; k < a.courses.size(); ++k) {
    EXPECT_EQ(a.courses[k].start_day, b.courses[k].start_day);
    EXPECT_EQ(a.courses[k].infusion_days, b.courses[k].infusion_days);
    EXPECT_EQ(a.courses[k].dose_mg_per_day, b.courses[k].dose_mg_per_day);
    EXPECT_EQ(a.courses[k].infusion_hours, b.courses[k].infusion_hours);
    EXPECT_EQ(a.courses[k].missed_days, b.courses[k].missed_days);
  }
  for (const ParamInfo& p : param_table()) EXPECT_EQ(a.typical_params.*p.field, b.typical_params.*p.field) << p.name;
}

TEST(ScenarioWriter, EveryShippedScenarioSurvivesARoundTrip) {
  int checked = 0;
  for (const fs::path& file : test::shipped_scenarios(kSource / "scenarios")) {
    SCOPED_TRACE(file.string());
    const Scenario original = load_scenario(file.string());
    const fs::path copy = temp_path(file.filename().string());
    save_scenario(copy.string(), original);
    expect_same(original, load_scenario(copy.string()));
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

TEST(ScenarioWriter, EditedValuesSurviveExactly) {
  Scenario s = labelled_regimen_scenario();
  s.name = "edited: with a colon";
  s.courses[0].missed_days = {2, 4};
  s.courses[1].infusion_hours = 1.0 / 3.0;
  s.typical_params.central_volume_l = 13.89 * 1.1;
  s.typical_params.tissue_lysis_max_per_day = 0.2;
  const fs::path path = temp_path("edited.yaml");
  save_scenario(path.string(), s);
  expect_same(s, load_scenario(path.string()));
}

TEST(ScenarioWriter, WritesOnlyParametersThatDifferFromTheDefaults) {
  Scenario s = labelled_regimen_scenario();
  EXPECT_EQ(scenario_yaml(s).find("parameters"), std::string::npos);
  s.typical_params.target_km_ng_per_ml = 400.0;
  const std::string yaml = scenario_yaml(s);
  EXPECT_NE(yaml.find("target_km_ng_per_ml: 400  # ng/mL; default 338"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("central_volume_l"), std::string::npos);
}

TEST(ScenarioWriter, UnwritablePathThrowsNamingIt) {
  try {
    save_scenario("/nonexistent-dir/x.yaml", labelled_regimen_scenario());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.yaml"), std::string::npos);
  }
}

TEST(ScenarioWriter, ChangedVariabilitySurvivesARoundTrip) {
  Scenario s = labelled_regimen_scenario();
  EXPECT_EQ(scenario_yaml(s).find("variability"), std::string::npos);
  s.variability.effects.front().cv = 0.45;                          // changed
  s.variability.effects.erase(s.variability.effects.begin() + 1);   // removed: written as CV 0
  s.variability.effects.push_back({"target_km_ng_per_ml", 0.25, "test"});  // added
  s.variability.correlations.front().rho = 0.2;
  s.variability.covariates.female_fraction = 0.7;
  const fs::path path = temp_path("variability.yaml");
  save_scenario(path.string(), s);
  const Scenario back = load_scenario(path.string());
  const VariabilityOverrides left = variability_overrides(back.variability, s.variability);
  EXPECT_EQ(left.cv.size(), 1u) << "only the removed effect differs, as CV 0 instead of absent";
  EXPECT_EQ(left.correlations.size(), 0u);
  EXPECT_EQ(left.covariates.size(), 0u);
  const VariabilityOverrides written = variability_overrides(s.variability, default_variability());
  EXPECT_EQ(written.cv.size(), 3u);
  EXPECT_EQ(written.covariates.size(), 1u);
}

TEST(VariabilityOverrides, EveryCovariateFieldIsWritten) {
  VariabilityModel v = default_variability();
  CovariateModel& c = v.covariates;
  for (double* field : {&c.weight_kg_median, &c.weight_kg_cv, &c.female_fraction, &c.age_years_mean, &c.age_years_sd,
                        &c.age_years_min, &c.age_years_max, &c.reference_weight_kg, &c.volume_weight_exponent,
                        &c.clearance_weight_exponent}) {
    *field += 0.125;
  }
  EXPECT_EQ(variability_overrides(v, default_variability()).covariates.size(), 10u);
}

}  // namespace
}  // namespace alemsim
