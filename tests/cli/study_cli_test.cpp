#include <filesystem>
#include <fstream>
#include <sstream>

#include <H5Cpp.h>
#include <gtest/gtest.h>

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
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

INSTANTIATE_TEST_SUITE_P(StudyCli, ShippedStudy, testing::Values("study-dose.yaml", "study-course3-timing.yaml"));

TEST(StudyCli, SameStudyTwiceWritesIdenticalTables) {
  const fs::path a = fs::temp_directory_path() / "alemsim_study_twice_a";
  const fs::path b = fs::temp_directory_path() / "alemsim_study_twice_b";
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 4 --threads 1 --quiet --out '" + a.string() + "'").exit_code, 0);
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 4 --threads 2 --quiet --out '" + b.string() + "'").exit_code, 0);
  EXPECT_EQ(read(a / "outcomes.csv"), read(b / "outcomes.csv"));
}

TEST(StudyCli, Hdf5HasOneGroupPerArmWithPairedDifferences) {
  const fs::path out = fs::temp_directory_path() / "alemsim_study_h5";
  ASSERT_EQ(run_cli("study scenarios/study-dose.yaml --patients 4 --quiet --out '" + out.string() + "'").exit_code, 0);
  const H5::H5File file((out / "study.h5").string(), H5F_ACC_RDONLY);
  EXPECT_EQ(file.openGroup("/arms").getNumObjs(), 4u);  // 2 doses x 2 lengths
  double reference[5] = {}, high_dose[5] = {};
  file.openDataSet("/arms/000/paired_difference/cmax_ng_per_ml").read(reference, H5::PredType::NATIVE_DOUBLE);
  file.openDataSet("/arms/002/paired_difference/cmax_ng_per_ml").read(high_dose, H5::PredType::NATIVE_DOUBLE);
  for (double v : reference) EXPECT_EQ(v, 0.0);
  EXPECT_GT(high_dose[0], 0.0);  // 24 mg/day raises every patient's Cmax
  std::string name;
  const H5::Attribute attr = file.openGroup("/arms/002").openAttribute("name");
  attr.read(attr.getStrType(), name);
  EXPECT_EQ(name, "courses[2].dose_mg_per_day=24 courses[2].infusion_days=3");
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
