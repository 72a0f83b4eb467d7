#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/cli/cli_runner.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ShippedStudy : public testing::TestWithParam<const char*> {};

TEST_P(ShippedStudy, RunsAndWritesEveryFile) {
  const fs::path out = fs::temp_directory_path() / ("alemsim_study_cli_" + fs::path(GetParam()).stem().string());
  fs::remove_all(out);
  const auto r = run_cli(std::string("study scenarios/") + GetParam() + " --patients 3 --quiet --out '" +
                         out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("nadir_cd4_cells_per_ul"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(ref)"), std::string::npos) << r.out;
  const std::string csv = read(out / "outcomes.csv");
  EXPECT_EQ(csv.rfind("arm,", 0), 0u) << csv.substr(0, 200);
  EXPECT_NE(read(out / "outcomes.md").find("## days_cd4_below_200"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "study.h5"));
  EXPECT_NE(read(out / "plots" / "cmax_ng_per_ml.svg").find("<svg"), std::string::npos);
  EXPECT_NE(read(out / "plots" / "incomplete_depletion.svg").find("Wilson"), std::string::npos);
  EXPECT_NE(read(out / "plots" / "time_to_cd4_200.svg").find("Kaplan-Meier"), std::string::npos);
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

INSTANTIATE_TEST_SUITE_P(StudyCli, ShippedStudy,
                         testing::Values("study-dose.yaml", "study-course3-timing.yaml", "study-ada-propensity.yaml"));

// Shape of a dataset.
std::vector<hsize_t> dims(const H5::H5File& file, const std::string& path) {
  const H5::DataSpace space = file.openDataSet(path).getSpace();
  std::vector<hsize_t> d(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(d.data());
  return d;
}

// A whole dataset as doubles (any stored type is converted).
std::vector<double> read_doubles(const H5::H5File& file, const std::string& path) {
  const H5::DataSet d = file.openDataSet(path);
  std::vector<double> values(static_cast<std::size_t>(d.getSpace().getSimpleExtentNpoints()));
  d.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

TEST(StudyCli, SameStudyTwiceWritesIdenticalTables) {
  const fs::path a = fs::temp_directory_path() / "alemsim_study_twice_a";
  const fs::path b = fs::temp_directory_path() / "alemsim_study_twice_b";
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 4 --keep-series 4 --threads 1 --quiet --out '" + a.string() + "'")
                .exit_code,
            0);
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 4 --keep-series 4 --threads 2 --quiet --out '" + b.string() + "'")
                .exit_code,
            0);
  EXPECT_EQ(read(a / "outcomes.csv"), read(b / "outcomes.csv"));
  const H5::H5File file_a((a / "study.h5").string(), H5F_ACC_RDONLY);
  const H5::H5File file_b((b / "study.h5").string(), H5F_ACC_RDONLY);
  for (const char* path : {"/arms/001/summary/cd4_cells_per_ul", "/arms/001/series/concentration_ng_per_ml",
                           "/arms/001/metrics/nadir_cd4_cells_per_ul", "/arms/001/paired_difference/days_cd4_below_200"}) {
    EXPECT_EQ(read_doubles(file_a, path), read_doubles(file_b, path)) << path;
  }
}

// The shipped dose study on 6 patients, series kept for 4, written once per test process for the
// tests below (CTest runs each test in its own process, in parallel: one folder each).
const fs::path& dose_study_output() {
  static const fs::path out = [] {
    const fs::path dir = fs::temp_directory_path() / ("alemsim_study_h5_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto r = run_cli("study scenarios/study-dose.yaml --patients 6 --keep-series 4 --quiet --out '" + dir.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return dir;
  }();
  return out;
}

constexpr const char* kQuantities[] = {"concentration_ng_per_ml", "cd4_cells_per_ul", "cd8_cells_per_ul", "cd19_cells_per_ul",
                                       "nk_cells_per_ul", "lymphocytes_cells_per_ul", "ada_titer"};

TEST(StudyCli, Hdf5HasOneGroupPerArmWithOutcomesAndPairedDifferences) {
  const H5::H5File file((dose_study_output() / "study.h5").string(), H5F_ACC_RDONLY);
  EXPECT_EQ(file.openGroup("/arms").getNumObjs(), 4u);  // 2 doses x 2 lengths
  const auto reference = read_doubles(file, "/arms/000/paired_difference/cmax_ng_per_ml");
  const auto high_dose = read_doubles(file, "/arms/002/paired_difference/cmax_ng_per_ml");
  ASSERT_EQ(reference.size(), 5u);
  for (double v : reference) EXPECT_EQ(v, 0.0);
  EXPECT_GT(high_dose.at(0), 0.0);  // 24 mg/day raises every patient's Cmax
  EXPECT_EQ(dims(file, "/arms/002/outcomes/cmax_ng_per_ml"), (std::vector<hsize_t>{5}));
  std::string name;
  const H5::Attribute attr = file.openGroup("/arms/002").openAttribute("name");
  attr.read(attr.getStrType(), name);
  EXPECT_EQ(name, "courses[2].dose_mg_per_day=24 courses[2].infusion_days=3");
}

TEST(StudyCli, EveryArmHoldsTheRunLayoutWithTheDocumentedShapes) {
  const H5::H5File file((dose_study_output() / "study.h5").string(), H5F_ACC_RDONLY);
  for (const char* arm : {"/arms/000", "/arms/001", "/arms/002", "/arms/003"}) {
    SCOPED_TRACE(arm);
    const std::string g = arm;
    const hsize_t t = dims(file, g + "/time_day").at(0);
    const auto time = read_doubles(file, g + "/time_day");
    EXPECT_EQ(time.back(), 730.0 + 365.0);  // the arm's horizon: course 3's start + the outcome window
    for (const char* q : kQuantities) {
      EXPECT_EQ(dims(file, g + "/series/" + q), (std::vector<hsize_t>{4, t})) << q;  // K = --keep-series
      EXPECT_EQ(dims(file, g + "/summary/" + q), (std::vector<hsize_t>{5, t})) << q;
    }
    // Course 4 of the base is moved past the horizon, so each arm simulates 3 courses.
    EXPECT_EQ(dims(file, g + "/metrics/cmax_ng_per_ml"), (std::vector<hsize_t>{6, 3}));
    EXPECT_EQ(dims(file, g + "/metrics/days_to_lln_cd4"), (std::vector<hsize_t>{6, 3}));
    EXPECT_EQ(dims(file, g + "/parameters/central_volume_l"), (std::vector<hsize_t>{6}));
    EXPECT_EQ(dims(file, g + "/parameters/weight_kg"), (std::vector<hsize_t>{6}));
    EXPECT_EQ(dims(file, g + "/status"), (std::vector<hsize_t>{6}));
    EXPECT_TRUE(file.openDataSet(g + "/series/cd4_cells_per_ul").attrExists("units"));
  }
}

TEST(StudyCli, ArmsShareTheirPatientsAndAgreeUntilTheyDiffer) {
  const H5::H5File file((dose_study_output() / "study.h5").string(), H5F_ACC_RDONLY);
  const H5::Group parameters = file.openGroup("/arms/000/parameters");
  ASSERT_GT(parameters.getNumObjs(), 3u);
  for (hsize_t i = 0; i < parameters.getNumObjs(); ++i) {
    const std::string p = "/parameters/" + parameters.getObjnameByIdx(i);
    const auto reference = read_doubles(file, "/arms/000" + p);
    for (const char* arm : {"/arms/001", "/arms/002", "/arms/003"}) EXPECT_EQ(read_doubles(file, arm + p), reference) << arm << p;
  }
  // The arms differ from course 3 (day 730) on: every series is the same until then, and courses 1
  // and 2 have the same figures.
  const auto time = read_doubles(file, "/arms/003/time_day");
  const auto before = static_cast<std::size_t>(std::lower_bound(time.begin(), time.end(), 730.0) - time.begin());
  ASSERT_EQ(time.at(before), 730.0);
  for (const char* q : kQuantities) {
    const auto a = read_doubles(file, std::string("/arms/000/series/") + q);
    const auto b = read_doubles(file, std::string("/arms/003/series/") + q);
    const std::size_t t_a = a.size() / 4, t_b = b.size() / 4;
    for (std::size_t patient = 0; patient < 4; ++patient) {
      for (std::size_t i = 0; i <= before; ++i) ASSERT_EQ(a[patient * t_a + i], b[patient * t_b + i]) << q << " " << i;
    }
  }
  const auto cmax_a = read_doubles(file, "/arms/000/metrics/cmax_ng_per_ml");
  const auto cmax_b = read_doubles(file, "/arms/003/metrics/cmax_ng_per_ml");
  for (std::size_t patient = 0; patient < 6; ++patient) {
    EXPECT_EQ(cmax_a[patient * 3], cmax_b[patient * 3]);
    EXPECT_EQ(cmax_a[patient * 3 + 1], cmax_b[patient * 3 + 1]);
    EXPECT_LT(cmax_a[patient * 3 + 2], cmax_b[patient * 3 + 2]);  // 24 mg/day over 5 days
  }
}

// A text attribute of a group.
std::string text_attribute(const H5::H5File& file, const std::string& group, const std::string& name) {
  std::string value;
  const H5::Attribute attr = file.openGroup(group).openAttribute(name);
  attr.read(attr.getStrType(), value);
  return value;
}

TEST(StudyCli, AnArmsScenarioRunsAsThatArmRan) {
  const H5::H5File study((dose_study_output() / "study.h5").string(), H5F_ACC_RDONLY);
  const std::string scenario = text_attribute(study, "/arms/002", "scenario");
  EXPECT_NE(scenario.find("dose_mg_per_day: 24"), std::string::npos) << scenario;
  EXPECT_EQ(scenario.find("start_day: 4000"), std::string::npos) << "course 4 is past the horizon: " << scenario;
  const fs::path dir = dose_study_output() / "arm-002";
  fs::create_directories(dir);
  std::ofstream(dir / "arm.yaml") << scenario;
  // With the study's seed and patients, `alemsim run` gives the arm's patients, bit for bit.
  const auto r = run_cli("run '" + (dir / "arm.yaml").string() + "' --seed " + text_attribute(study, "/", "seed") +
                         " --patients 6 --keep-series 4 --quiet --out '" + (dir / "run.h5").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const H5::H5File run((dir / "run.h5").string(), H5F_ACC_RDONLY);
  EXPECT_EQ(read_doubles(run, "/time_day"), read_doubles(study, "/arms/002/time_day"));
  for (const char* q : kQuantities) {
    EXPECT_EQ(read_doubles(run, std::string("/series/") + q), read_doubles(study, std::string("/arms/002/series/") + q)) << q;
  }
  const auto cmax_run = read_doubles(run, "/metrics/cmax_ng_per_ml");
  EXPECT_EQ(cmax_run, read_doubles(study, "/arms/002/metrics/cmax_ng_per_ml"));
}

TEST(StudyCli, AnArmThatSetsAParameterStoresItInItsScenarioAndRunsAsThatArm) {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_study_ada_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ASSERT_EQ(run_cli("study scenarios/study-ada-propensity.yaml --patients 5 --seed 11 --quiet --out '" + dir.string() + "'")
                .exit_code,
            0);
  const H5::H5File study((dir / "study.h5").string(), H5F_ACC_RDONLY);
  EXPECT_EQ(text_attribute(study, "/", "seed"), "11");  // --seed
  const std::string scenario = text_attribute(study, "/arms/001", "scenario");
  EXPECT_NE(scenario.find("ada_propensity: 3"), std::string::npos) << scenario;
  std::ofstream(dir / "arm.yaml") << scenario;
  const auto r = run_cli("run '" + (dir / "arm.yaml").string() + "' --seed 11 --patients 5 --quiet --out '" +
                         (dir / "run.h5").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const H5::H5File run((dir / "run.h5").string(), H5F_ACC_RDONLY);
  for (const char* m : {"/metrics/nadir_cd4_cells_per_ul", "/metrics/ada_titer_at_start", "/parameters/ada_propensity"}) {
    EXPECT_EQ(read_doubles(run, m), read_doubles(study, std::string("/arms/001") + m)) << m;
  }
  // Paired: the arms' patients differ in the propensity (3 times) and nothing else that was drawn.
  const auto typical = read_doubles(study, "/arms/000/parameters/ada_propensity");
  const auto high = read_doubles(study, "/arms/001/parameters/ada_propensity");
  ASSERT_EQ(typical.size(), high.size());
  for (std::size_t i = 0; i < typical.size(); ++i) EXPECT_DOUBLE_EQ(high[i], 3.0 * typical[i]);
  EXPECT_EQ(read_doubles(study, "/arms/000/parameters/weight_kg"), read_doubles(study, "/arms/001/parameters/weight_kg"));
}

TEST(StudyCli, NoSeriesByDefaultButSummariesMetricsAndSurvival) {
  const fs::path out = fs::temp_directory_path() / "alemsim_study_default_keep";
  fs::remove_all(out);
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 3 --quiet --out '" + out.string() + "'").exit_code, 0);
  const H5::H5File file((out / "study.h5").string(), H5F_ACC_RDONLY);
  EXPECT_EQ(file.openGroup("/arms/001/series").getNumObjs(), 0u);
  EXPECT_EQ(dims(file, "/arms/001/summary/cd4_cells_per_ul").at(0), 5u);
  EXPECT_EQ(dims(file, "/arms/001/metrics/nadir_cd4_cells_per_ul").at(0), 3u);
  EXPECT_EQ(dims(file, "/arms/001/survival/course_3/cd4_200").at(0), 7u);
  EXPECT_EQ(dims(file, "/arms/001/fractions_below/cd4_below_200").at(0), 3u);
}

TEST(StudyCli, KeepSeriesOutsideZeroToPatientsFailsAndWritesNothing) {
  const fs::path out = fs::temp_directory_path() / "alemsim_study_bad_keep";
  // Above the patients: checked by alemsim; negative: by the option parser, on the option's text.
  const std::pair<const char*, const char*> cases[] = {
      {"5", "--keep-series: expected 0 to the number of patients (4), got 5"},
      {"-1", "--keep-series: expected a whole number from 0 to 9223372036854775807, got '-1'"}};
  for (const auto& [keep, message] : cases) {
    SCOPED_TRACE(keep);
    fs::remove_all(out);
    const auto r = run_cli(std::string("study scenarios/study-dose.yaml --patients 4 --keep-series ") + keep + " --out '" +
                           out.string() + "'");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find(message), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST(StudyCli, CompressWithoutAnOutputFolderIsAnError) {
  const auto r = run_cli("study scenarios/study-dose.yaml --patients 2 --compress --quiet");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("--compress: only study.h5 (--out DIR) is compressed"), std::string::npos) << r.out;
}

TEST(StudyCli, BadStudyFailsWithOneLineAndWritesNothing) {
  const fs::path study = fs::temp_directory_path() / "alemsim_study_cli_bad.yaml";
  std::ofstream(study) << "base: " << ALEMSIM_SOURCE_DIR << "/scenarios/label-4-courses.yaml\noutcome_course: 3\nsweep: {}\n";
  const fs::path out = fs::temp_directory_path() / "alemsim_study_cli_bad_out";
  fs::remove_all(out);
  const auto r = run_cli("study '" + study.string() + "' --out '" + out.string() + "'");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("sweep: empty sweep"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << r.out;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace alemsim
