// The real viewer under Xvfb (Mesa software OpenGL): it starts, draws the labelled regimen or a
// results file, saves a screenshot, and the picture holds plots rather than a blank or garbled
// window; bad files give a picture with the error and exit code 2.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
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
constexpr int kWidth = 1600;  // the viewer's default window
constexpr int kHeight = 1000;
constexpr const char* kScreen = "2000x1200x24";  // room for every window size tested

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
  const std::string command = "cd '" + kSource.string() + "' && xvfb-run -a -f '" + auth + "' -s '-screen 0 " + kScreen +
                              "' '" + ALEMSIM_VIEWER + "' " + args;
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

struct Counts {
  int band = 0, typical = 0, dark = 0;
};

// Population-band blue, typical-patient orange and dark (text) pixels in a rectangle of the image.
Counts count_in(const Image& image, int x0, int y0, int x1, int y1) {
  Counts c;
  for (int y = std::max(y0, 0); y < std::min(y1, image.height); ++y) {
    for (int x = std::max(x0, 0); x < std::min(x1, image.width); ++x) {
      const auto [red, green, blue] = image.at(x, y);
      if (blue > 200 && red < 215 && blue - red > 25) ++c.band;
      if (red > 180 && green > 50 && green < 130 && blue < 70) ++c.typical;
      if (red < 90 && green < 90 && blue < 90) ++c.dark;
    }
  }
  return c;
}

// Every lesson at projector scale at a projector's 1280x720 and at 1920x1080: the drug and three
// cell plots on screen (population bands or the typical curve in each of the four plot cells) and
// the lesson's text.
void check_lessons_at_projector_sizes() {
  for (const char* lesson : {"labelled-regimen", "target-mediated-clearance", "depletion-and-repopulation",
                             "anti-drug-antibodies", "missed-dose"}) {
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
      SCOPED_TRACE(std::string(lesson) + " at " + std::to_string(width) + "x" + std::to_string(height));
      const fs::path png = temp_png(std::string(lesson) + "-" + std::to_string(width) + ".png");
      const Outcome r = run_viewer(std::string("--lesson ") + lesson + " --projector --width " + std::to_string(width) +
                                   " --height " + std::to_string(height) + " --screenshot " + quoted(png) + " --frames 2");
      ASSERT_EQ(r.exit_code, 0) << r.out;
      const Image image = load(png);
      ASSERT_EQ(image.width, width);
      ASSERT_EQ(image.height, height);
      const auto layout = alemsim::gui::compute_layout(ImVec2(static_cast<float>(width), static_cast<float>(height)), 0.0f, true);
      ASSERT_EQ(layout.plot_columns, 2);
      // Four plot cells below the toolbar and the legend (about 200 pixels at projector scale), two by two.
      const int left = static_cast<int>(layout.plots.pos.x), top = static_cast<int>(layout.plots.pos.y) + 200;
      const int cell_w = static_cast<int>(layout.plots.size.x) / 2, cell_h = (height - top) / 2;
      for (int cell = 0; cell < 4; ++cell) {
        const int x0 = left + (cell % 2) * cell_w, y0 = top + (cell / 2) * cell_h;
        const Counts c = count_in(image, x0, y0, x0 + cell_w, y0 + cell_h);
        EXPECT_GT(c.band + c.typical, 400) << "plot " << cell << " shows no curve";
      }
      const auto* text = alemsim::gui::slot_of(layout, alemsim::gui::Panel::kLesson);
      const Counts words = count_in(image, static_cast<int>(text->rect.pos.x), static_cast<int>(text->rect.pos.y) + 60,
                                    static_cast<int>(text->rect.pos.x + text->rect.size.x),
                                    static_cast<int>(text->rect.pos.y + text->rect.size.y));
      EXPECT_GT(words.dark, 3000) << "no lesson text";
    }
  }
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// --export: the plots alone at the size asked, as a PNG or as an SVG of the same drawing; a name
// that is neither is an error and writes nothing.
void check_plots_export() {
  const fs::path png = temp_png("export.png");
  Outcome r = run_viewer("--lesson target-mediated-clearance --export " + quoted(png) + " --export-size 2400 1350");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("exported " + png.string() + " (2400 x 1350)"), std::string::npos) << r.out;
  const Image image = load(png);
  ASSERT_EQ(image.width, 2400);
  ASSERT_EQ(image.height, 1350);
  EXPECT_GT(count_in(image, 0, 0, 2400, 1350).band, 50000) << "no population bands in the exported plots";

  const fs::path svg = temp_dir() / "export.svg";
  fs::remove(svg);
  r = run_viewer("--lesson target-mediated-clearance --export " + quoted(svg) + " --export-size 1600 900");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string text = read_text(svg);
  EXPECT_NE(text.find("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600.00\" height=\"900.00\""), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 7), "</svg>\n");
  EXPECT_EQ(count_of(text, "<clipPath"), 4u);  // the lesson's four plots
  EXPECT_EQ(count_of(text, "<g "), count_of(text, "</g>"));
  for (const char* title : {"Serum alemtuzumab", "Total lymphocytes", "CD4+ T cells", "CD19+ B cells", "typical patient",
                            "Cmax 3010 ng/mL, course day 5", "Time since first infusion (days)"}) {
    EXPECT_NE(text.find(std::string(">") + title + "<"), std::string::npos) << title;
  }
  EXPECT_GE(count_of(text, "<polyline"), 8u);  // typical patient and median in each plot

  const fs::path bad = temp_dir() / "export.jpg";
  fs::remove(bad);
  r = run_viewer("--export " + quoted(bad));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("expected a file name ending in .png or .svg"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(bad));
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
  {
    SCOPED_TRACE("lessons");
    check_lessons_at_projector_sizes();
  }
  {
    SCOPED_TRACE("export");
    check_plots_export();
  }
}

// A lesson that is not there is a command-line error naming the lessons, before any window opens.
TEST(ViewerCommandLine, ALessonThatIsNotThereIsAnErrorNamingTheLessons) {
  const std::string viewer = "cd '" + kSource.string() + "' && '" + ALEMSIM_VIEWER + "' ";
  const Outcome missing = alemsim::test::run_shell(viewer + "--lesson no-such-lesson");
  EXPECT_EQ(missing.exit_code, 1) << missing.out;
  EXPECT_NE(missing.out.find("--lesson no-such-lesson: no lesson 'no-such-lesson'; the lessons are: anti-drug-antibodies, "),
            std::string::npos)
      << missing.out;
  const Outcome both = alemsim::test::run_shell(viewer + "scenarios/label.yaml --lesson missed-dose");
  EXPECT_NE(both.exit_code, 0) << both.out;
  EXPECT_NE(both.out.find("excludes"), std::string::npos) << both.out;
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
