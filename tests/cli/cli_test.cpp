// Integration tests: the real alemsim binary on real files, as a user runs it.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli/cli_runner.hpp"
#include "tests/shipped_files.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

using alemsim::test::Outcome;

Outcome run(const std::string& args) { return alemsim::test::run_cli(args); }

fs::path temp_output(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_cli_test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  fs::remove(path);
  return path;
}

TEST(Cli, HelpExplainsEveryRunOption) {
  const Outcome top = run("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("run"), std::string::npos);
  const Outcome help = run("run --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* option : {"--typical", "--out", "--seed", "--patients", "--threads"}) {
    EXPECT_NE(help.out.find(option), std::string::npos) << option;
  }
}

TEST(Cli, TypicalLabelRunPrintsBothCoursesAndWritesCsv) {
  const fs::path csv = temp_output("label.csv");
  const Outcome r = run("run scenarios/label.yaml --typical --out '" + csv.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Course 1"), std::string::npos);
  EXPECT_NE(r.out.find("Course 2"), std::string::npos);
  EXPECT_NE(r.out.find("Cmax"), std::string::npos);
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("id,time_day,concentration_ng_per_ml", 0), 0u) << header;
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_GT(rows, 2192u);  // daily grid over 6 years plus infusion bounds
}

TEST(Cli, EveryShippedScenarioRuns) {
  for (const fs::path& scenario : alemsim::test::shipped_scenarios(kSource / "scenarios")) {
    const Outcome r = run("run '" + scenario.string() + "' --patients 20");
    EXPECT_EQ(r.exit_code, 0) << scenario << "\n" << r.out;
    EXPECT_NE(r.out.find("Cmax"), std::string::npos) << r.out;
  }
}

TEST(Cli, PopulationRunIsReproducibleAndSeedMatters) {
  const fs::path a = temp_output("a.csv"), b = temp_output("b.csv"), c = temp_output("c.csv");
  ASSERT_EQ(run("run scenarios/label.yaml --patients 8 --seed 5 --threads 1 --out '" + a.string() + "'").exit_code, 0);
  ASSERT_EQ(run("run scenarios/label.yaml --patients 8 --seed 5 --threads 2 --out '" + b.string() + "'").exit_code, 0);
  ASSERT_EQ(run("run scenarios/label.yaml --patients 8 --seed 6 --out '" + c.string() + "'").exit_code, 0);
  const auto slurp = [](const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(slurp(a), slurp(b));
  EXPECT_NE(slurp(a), slurp(c));
}

TEST(Cli, SetChangesTheScenarioAsItsFileWould) {
  // high-ada-4-courses.yaml is label-4-courses.yaml with parameters: {ada_propensity: 3}.
  const Outcome set = run("run scenarios/label-4-courses.yaml --typical --set parameters.ada_propensity=3");
  const Outcome file = run("run scenarios/high-ada-4-courses.yaml --typical");
  ASSERT_EQ(set.exit_code, 0) << set.out;
  ASSERT_EQ(file.exit_code, 0) << file.out;
  EXPECT_EQ(set.out.rfind("Scenario scenarios/label-4-courses.yaml changed by --set: parameters.ada_propensity=3\n", 0), 0u)
      << set.out;
  const auto from_course_1 = [](const std::string& s) { return s.substr(s.find("Course 1")); };
  EXPECT_EQ(from_course_1(set.out), from_course_1(file.out));
  const Outcome moved = run("run scenarios/label.yaml --typical --set courses[1].start_day=500");
  EXPECT_NE(moved.out.find("Course 2 (day 500)"), std::string::npos) << moved.out;
}

TEST(Cli, BadSettingsExitWithOneLineNamingThem) {
  for (const char* bad : {"parameters.nope=3", "parameters.ada_propensity", "parameters.ada_propensity=x",
                          "courses[1].start_day=2", "variability.covariates.weight_kg_median=9000", "colour=1"}) {
    const Outcome r = run(std::string("run scenarios/label.yaml --patients 3 --set '") + bad + "'");
    EXPECT_EQ(r.exit_code, 1) << bad;
    EXPECT_EQ(r.out.rfind("alemsim: error: --set", 0), 0u) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  }
}

class CliBadInput : public testing::TestWithParam<const char*> {};

TEST_P(CliBadInput, ExitsNonZeroWithOneLineAndNoOutputFile) {
  const fs::path csv = temp_output(std::string("should-not-exist-") + GetParam() + ".csv");
  const std::string scenario = std::string("tests/data/bad/") + GetParam();
  const Outcome r = run("run " + scenario + " --out '" + csv.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.out.rfind("alemsim: error: " + scenario, 0), 0u) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  EXPECT_FALSE(fs::exists(csv));
  for (const auto& entry : fs::directory_iterator(csv.parent_path())) {
    EXPECT_EQ(entry.path().filename().string().find(csv.filename().string() + ".tmp"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Files, CliBadInput,
                         testing::Values("unknown-key.yaml", "wrong-type.yaml", "negative-dose.yaml",
                                         "overlapping-courses.yaml", "zero-infusion-hours.yaml",
                                         "horizon-before-last-dose.yaml", "empty.yaml", "not-yaml.yaml",
                                         "does-not-exist.yaml", "unknown-parameter.yaml", "duplicate-parameter.yaml"));

TEST(Cli, UnwritableOutputPathFailsBeforeSimulating) {
  const Outcome r = run("run scenarios/label.yaml --typical --out /nonexistent-dir/x.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("/nonexistent-dir/x.csv: cannot create output file"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Cmax"), std::string::npos) << "nothing should be simulated";
}

TEST(Cli, AnOutputPathThatIsAFolderFailsBeforeSimulating) {
  // Before 2026-12-01 the whole population was simulated and then the rename onto the folder failed.
  const fs::path folder = fs::temp_directory_path() / "alemsim_out_is_a_folder.csv";
  fs::create_directories(folder);
  const Outcome r = run("run scenarios/label.yaml --patients 20 --out '" + folder.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(folder.string() + ": is a folder; expected the name of a file to write"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Cmax"), std::string::npos) << "nothing should be simulated";
  fs::remove(folder);
}

TEST(Cli, BadCommandLineIsRejected) {
  EXPECT_NE(run("run scenarios/label.yaml --patients 0").exit_code, 0);
  EXPECT_NE(run("run scenarios/label.yaml --threads -1").exit_code, 0);
  EXPECT_NE(run("run").exit_code, 0);
  EXPECT_NE(run("fly").exit_code, 0);
}

}  // namespace
