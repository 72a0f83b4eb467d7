// The real viewer under Xvfb (Mesa software OpenGL): it starts, draws the labelled regimen or a
// results file, saves a screenshot, and the picture holds plots rather than a blank or garbled
// window; bad files give a picture with the error and exit code 2.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include "gui/viewer/layout.hpp"
#include "tests/cli/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;
constexpr int kWidth = 1600;
constexpr int kHeight = 1000;

using alemsim::test::Outcome;

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / "alemsim_gui_screenshot_test";
  fs::create_directories(dir);
  return dir;
}

Outcome run_viewer(const std::string& args) {
  // An auth file of our own (-f): with its own temporary one, xvfb-run now and then fails to remove
  // it after the viewer has finished and exits with 5 instead of the viewer's code.
  const std::string auth = (temp_dir() / "Xauthority").string();
  const std::string command = "cd '" + kSource.string() + "' && xvfb-run -a -f '" + auth + "' -s '-screen 0 " +
                              std::to_string(kWidth) + "x" + std::to_string(kHeight) + "x24' '" + ALEMSIM_VIEWER + "' " +
                              args;
  return alemsim::test::run_shell(command);
}

// A path as one shell word.
std::string quoted(const fs::path& path) {
  std::string out = "'";
  out += path.string();
  out += "'";
  return out;
}

fs::path temp_png(const std::string& name) {
  fs::remove(temp_dir() / name);
  return temp_dir() / name;
}

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  std::array<unsigned char, 3> at(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

Image load(const fs::path& path) {
  Image image;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  if (data == nullptr) return image;
  image.rgb.assign(data, data + static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
  stbi_image_free(data);
  return image;
}

// The plots panel, less its toolbar (where the curves are), holds a real picture: many colours,
// the population's blue bands and, when `typical`, the typical patient's orange curve.
void check_plots_in(const fs::path& png, const std::string& out, bool typical_curve) {
  const Image image = load(png);
  ASSERT_EQ(image.width, kWidth) << out;
  ASSERT_EQ(image.height, kHeight);
  const auto layout = alemsim::gui::compute_layout(ImVec2(kWidth, kHeight), 0.0f);
  const int x0 = static_cast<int>(layout.plots.pos.x) + 60;
  const int x1 = static_cast<int>(layout.plots.pos.x + layout.plots.size.x) - 20;
  const int y0 = static_cast<int>(layout.plots.pos.y) + 150;
  const int y1 = kHeight - 20;
  std::set<int> colours;
  int band = 0, typical = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const auto [red, green, blue] = image.at(x, y);
      colours.insert(red << 16 | green << 8 | blue);
      // Population bands: blue over white; typical patient: orange (215, 85, 20).
      if (blue > 200 && red < 215 && blue - red > 25) ++band;
      if (red > 180 && green > 50 && green < 130 && blue < 70) ++typical;
    }
  }
  EXPECT_GE(colours.size(), 20u) << "too few distinct colours: a blank or failed rendering";
  EXPECT_GT(band, 5000) << "population bands not visible";
  if (typical_curve) {
    EXPECT_GT(typical, 300) << "typical patient's curve not visible";
  }
}

void check_label_scenario_gives_a_real_picture() {
  const fs::path png = temp_png("label.png");
  const Outcome r = run_viewer("scenarios/label.yaml --screenshot '" + png.string() + "' --frames 3");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  check_plots_in(png, r.out, true);
}

void check_results_file_shows_its_bands() {
  const fs::path h5 = temp_dir() / "label.h5";
  const std::string write = "cd '" + kSource.string() + "' && '" + ALEMSIM_CLI + "' run scenarios/label.yaml --patients 60 " +
                            "--quiet --out '" + h5.string() + "' > /dev/null 2>&1";
  ASSERT_EQ(std::system(write.c_str()), 0) << write;
  const fs::path png = temp_png("results.png");
  const Outcome r = run_viewer(quoted(h5) + " --screenshot " + quoted(png) + " --frames 2");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  check_plots_in(png, r.out, true);  // the typical patient of the scenario stored in the file
}

void check_bad_scenario_file_is_shown_not_fatal() {
  const fs::path png = temp_png("bad.png");
  const Outcome r = run_viewer("tests/data/bad/not-yaml.yaml --screenshot '" + png.string() + "' --frames 2");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("not valid YAML"), std::string::npos) << r.out;
  EXPECT_EQ(load(png).width, kWidth);
}

void check_bad_results_file_is_shown_not_fatal() {
  const fs::path bad = temp_dir() / "not-hdf5.h5";
  std::ofstream(bad) << "time_day\n0\n";
  const fs::path png = temp_png("bad-results.png");
  const Outcome r = run_viewer(quoted(bad) + " --screenshot " + quoted(png) + " --frames 2");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("not an HDF5 file"), std::string::npos) << r.out;
  EXPECT_EQ(load(png).width, kWidth);
}

// `alemsim study scenarios/study-dose.yaml` on `patients` patients into `dir` (DIR/study.h5).
fs::path write_dose_study(const fs::path& dir, int patients) {
  fs::remove_all(dir);
  const std::string write = "cd '" + kSource.string() + "' && '" + ALEMSIM_CLI + "' study scenarios/study-dose.yaml --patients " +
                            std::to_string(patients) + " --quiet --out " + quoted(dir) + " > /dev/null 2>&1";
  EXPECT_EQ(std::system(write.c_str()), 0) << write;
  return dir / "study.h5";
}

void check_study_arm_shows_its_bands() {
  const fs::path study = write_dose_study(temp_dir() / "study", 60);
  const fs::path png = temp_png("study-arm.png");
  const Outcome r = run_viewer(quoted(study) + " --arm 2 --screenshot " + quoted(png) + " --frames 2");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  check_plots_in(png, r.out, true);  // the typical patient of the arm's own scenario
}

// One test, so no two Xvfb servers start at the same time: xvfb-run -a picks a free display number
// racily, and ctest -j runs separate tests in parallel.
TEST(ViewerScreenshot, RealPicturesOfScenarioAndResultsAndBadFilesAnErrorInTheWindow) {
  {
    SCOPED_TRACE("scenarios/label.yaml");
    check_label_scenario_gives_a_real_picture();
  }
  {
    SCOPED_TRACE("results file");
    check_results_file_shows_its_bands();
  }
  {
    SCOPED_TRACE("study file, --arm 2");
    check_study_arm_shows_its_bands();
  }
  {
    SCOPED_TRACE("tests/data/bad/not-yaml.yaml");
    check_bad_scenario_file_is_shown_not_fatal();
  }
  {
    SCOPED_TRACE("bad results file");
    check_bad_results_file_is_shown_not_fatal();
  }
}

// A wrong --arm is a command-line error, before any window opens (so no Xvfb here).
TEST(ViewerCommandLine, AnArmThatIsNotThereIsAnErrorNamingTheArms) {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_gui_viewer_arm_" + std::to_string(::getpid()));
  const fs::path study = write_dose_study(dir, 3);
  const std::string viewer = std::string("'") + ALEMSIM_VIEWER + "' ";
  const Outcome too_far = alemsim::test::run_shell(viewer + quoted(study) + " --arm 4");
  EXPECT_EQ(too_far.exit_code, 1) << too_far.out;
  EXPECT_NE(too_far.out.find("--arm 4: " + study.string() + " has 4 arms, numbered 0 to 3: there is no arm 4"), std::string::npos)
      << too_far.out;
  const Outcome negative = alemsim::test::run_shell(viewer + quoted(study) + " --arm -1");
  EXPECT_EQ(negative.exit_code, 1) << negative.out;
  EXPECT_NE(negative.out.find("there is no arm -1"), std::string::npos) << negative.out;
  const Outcome scenario = alemsim::test::run_shell("cd '" + kSource.string() + "' && " + viewer + "scenarios/label.yaml --arm 0");
  EXPECT_EQ(scenario.exit_code, 1) << scenario.out;
  EXPECT_NE(scenario.out.find("is a scenario, not a study file"), std::string::npos) << scenario.out;
  const Outcome no_file = alemsim::test::run_shell(viewer + "--arm 0");
  EXPECT_NE(no_file.exit_code, 0) << no_file.out;
  EXPECT_NE(no_file.out.find("--arm requires file"), std::string::npos) << no_file.out;
  fs::remove_all(dir);
}

}  // namespace
