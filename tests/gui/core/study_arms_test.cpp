// Reading the arms of a study file written by the real CLI: the list of arms, one arm read as a run
// file is (its own grid and regimen), and clear errors for an arm that is not there.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "gui/core/results_file.hpp"
#include "gui/core/simulation.hpp"
#include "gui/core/study_arms.hpp"
#include "io/study_file.hpp"

namespace alemsim::gui {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

// One directory per test process: ctest runs the tests of this file in parallel processes.
fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_gui_study_arms_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// Three arms whose reference is not the first, and a name with '/' (why groups are numbered).
std::string study_yaml() {
  return "name: three arms\n"
         "base: " + (kSource / "scenarios/label-4-courses.yaml").string() + "\n"
         "outcome_course: 3\n"
         "outcome_window_day: 200\n"
         "set:\n"
         "  courses[3].start_day: 4000\n"
         "reference_arm: label\n"
         "arms:\n"
         "  - name: late/24 mg\n"
         "    set:\n"
         "      courses[2].start_day: 1095\n"
         "      courses[2].dose_mg_per_day: 24\n"
         "  - name: label\n"
         "  - name: early 5 days\n"
         "    set:\n"
         "      courses[2].start_day: 548\n"
         "      courses[2].infusion_days: 5\n";
}

int run(const std::string& command) {
  const int code = std::system(("cd '" + kSource.string() + "' && " + command + " > /dev/null 2>&1").c_str());
  EXPECT_EQ(code, 0) << command;
  return code;
}

// The study above on 6 patients, series of 3 kept: DIR/study.h5, written once per process.
const fs::path& study_file() {
  static const fs::path path = [] {
    const fs::path yaml = temp_dir() / "three-arms.yaml";
    std::ofstream(yaml) << study_yaml();
    fs::remove_all(temp_dir() / "study");
    run(std::string("'") + ALEMSIM_CLI + "' study '" + yaml.string() + "' --patients 6 --keep-series 3 --quiet --out '" +
        (temp_dir() / "study").string() + "'");
    return temp_dir() / "study" / "study.h5";
  }();
  return path;
}

const fs::path& run_file() {
  static const fs::path path = [] {
    const fs::path out = temp_dir() / "label.h5";
    run(std::string("'") + ALEMSIM_CLI + "' run scenarios/label.yaml --patients 4 --quiet --out '" + out.string() + "'");
    return out;
  }();
  return path;
}

std::string error_of(auto&& call) {
  try {
    call();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(StudyArms, ListsTheArmsInTheStudysOrderWithTheirNamesAndReference) {
  const StudyArms arms = list_study_arms(study_file().string());
  EXPECT_TRUE(arms.study);
  EXPECT_EQ(arms.path, study_file().string());
  ASSERT_EQ(arms.arms.size(), 3u);
  EXPECT_EQ(arms.arms[0].group, "/arms/000");
  EXPECT_EQ(arms.arms[0].name, "late/24 mg");
  EXPECT_EQ(arms.arms[1].group, "/arms/001");
  EXPECT_EQ(arms.arms[1].name, "label");
  EXPECT_EQ(arms.arms[2].group, "/arms/002");
  EXPECT_EQ(arms.arms[2].name, "early 5 days");
  EXPECT_EQ(arm_number(arms.arms[2]), "002");
  EXPECT_EQ(arms.reference_arm, 1u);
}

TEST(StudyArms, ARunFileIsNoStudy) {
  const StudyArms arms = list_study_arms(run_file().string());
  EXPECT_FALSE(arms.study);
  EXPECT_TRUE(arms.arms.empty());
}

TEST(StudyArms, ReadingArm002GivesThatArmsGridRegimenAndPatients) {
  const ResultsFile arm = read_results_file(study_file().string(), 2, "/arms/002");
  const ResultsFile reference = read_results_file(study_file().string(), 2, "/arms/001");
  const StudyFile study = load_study((temp_dir() / "three-arms.yaml").string());
  const std::vector<Course> courses = arm_courses(study.design, study.design.arms[2]);

  ASSERT_TRUE(arm.scenario) << arm.scenario_error;
  EXPECT_EQ(arm.scenario->courses, courses);  // course 4 (day 4000) left out, course 3 moved and 5 days long
  EXPECT_EQ(arm.scenario->courses.at(2).start_day, 548.0);
  EXPECT_EQ(arm.scenario->courses.at(2).infusion_days, 5);
  EXPECT_EQ(arm.scenario->horizon_day, 548.0 + 200.0);
  EXPECT_EQ(arm.scenario->seed, study.design.seed);
  EXPECT_EQ(arm.scenario->patients, 6);
  // The grid stored for the arm is the one its scenario plans: horizon, infusion bounds, read times.
  const SimulationPlan arm_plan = viewer_plan(*arm.scenario);
  EXPECT_EQ(arm.population.grid_day, std::vector<double>(arm_plan.grid_day().begin(), arm_plan.grid_day().end()));
  EXPECT_EQ(arm.population.grid_day.back(), 748.0);
  EXPECT_NE(arm.population.grid_day.size(), reference.population.grid_day.size());
  EXPECT_EQ(reference.population.grid_day.back(), 730.0 + 200.0);

  EXPECT_EQ(arm.population.patients, 6);
  EXPECT_EQ(arm.population.course_metrics.size(), 3u);
  ASSERT_FALSE(arm.population.traces.empty());
  EXPECT_EQ(arm.population.traces[0].size(), 2u);
  EXPECT_NE(arm.population.source.find("/arms/002 'early 5 days'"), std::string::npos) << arm.population.source;
  EXPECT_NE(arm.population.source.find("6 virtual patients"), std::string::npos) << arm.population.source;
}

TEST(StudyArms, AnArmThatIsNotThereIsAClearError) {
  const StudyArms arms = list_study_arms(study_file().string());
  EXPECT_EQ(&study_arm(arms, 2), &arms.arms[2]);
  for (long long bad : {3LL, -1LL, 100LL}) {
    const std::string e = error_of([&] { study_arm(arms, bad); });
    EXPECT_NE(e.find(study_file().string() + " has 3 arms, numbered 0 to 2: there is no arm " + std::to_string(bad)),
              std::string::npos)
        << e;
  }
  const std::string not_study = error_of([&] { study_arm(list_study_arms(run_file().string()), 0); });
  EXPECT_NE(not_study.find(run_file().string() + " is a run file"), std::string::npos) << not_study;

  const std::string no_group = error_of([&] { read_results_file(study_file().string(), 0, "/arms/007"); });
  EXPECT_NE(no_group.find(study_file().string() + ": no group /arms/007"), std::string::npos) << no_group;
  const std::string root = error_of([&] { read_results_file(study_file().string(), 0); });
  EXPECT_NE(root.find("a study file"), std::string::npos) << root;
  EXPECT_NE(root.find("/arms/000"), std::string::npos) << root;
  const std::string missing = error_of([] { list_study_arms("/no/such/study.h5"); });
  EXPECT_NE(missing.find("/no/such/study.h5: cannot open file"), std::string::npos) << missing;
}

TEST(StudyArms, AnArmWithoutAScenarioStillShowsItsPopulation) {
  // Study files written before arms kept their scenario: the arm reads, and says what it lacks.
  const fs::path old = temp_dir() / "old-study.h5";
  fs::copy_file(study_file(), old, fs::copy_options::overwrite_existing);
  H5::H5File(old.string(), H5F_ACC_RDWR).openGroup("/arms/002").removeAttr("scenario");
  const ResultsFile arm = read_results_file(old.string(), 0, "/arms/002");
  EXPECT_FALSE(arm.scenario);
  EXPECT_NE(arm.scenario_error.find("no scenario for /arms/002"), std::string::npos) << arm.scenario_error;
  EXPECT_EQ(arm.population.grid_day.back(), 748.0);
}

}  // namespace
}  // namespace alemsim::gui
