// alemsim-viewer: the desktop viewer.
// alemsim-viewer [SCENARIO.yaml | RESULTS.h5 | STUDY.h5 [--arm N] | --lesson NAME] [--screenshot FILE.png [--frames N]]
//                [--time FROM TO] [--log] [--width W --height H]
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "gui/app/viewer_window.hpp"
#include "gui/core/results_file.hpp"
#include "gui/core/study_arms.hpp"
#include "gui/viewer/lessons.hpp"
#include "gui/viewer/panels.hpp"

namespace {

// --arm is checked before a window opens: a wrong index is a mistake on the command line, reported
// there, where the list of arms (0 to N-1) can be read; "" when the arm exists.
std::string arm_option_error(const std::string& path, long long arm) {
  try {
    if (!alemsim::gui::is_results_file_name(path)) return path + " is a scenario, not a study file: it has no arms";
    alemsim::gui::study_arm(alemsim::gui::list_study_arms(path), arm);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"alemsim-viewer: explore alemtuzumab serum concentration and lymphocyte depletion"};
  alemsim::gui::ViewerOptions options;
  long long arm = 0;
  CLI::Option* file = app.add_option(
      "file", options.scenario_path,
      "Scenario (YAML, e.g. scenarios/label.yaml), results file (HDF5, from 'alemsim run --out X.h5') or study file "
      "(DIR/study.h5 from 'alemsim study --out DIR') to open");
  CLI::Option* arm_option =
      app.add_option("--arm", arm, "Arm of the study file to show first, 0-based as the viewer numbers them (default: the reference arm)")
          ->needs(file);
  CLI::Option* lesson_option =
      app.add_option("--lesson", options.lesson,
                     "Open a lesson: its text, its scenarios and its view (scenarios/lessons/NAME.yaml, or a lesson file)")
          ->excludes(file);
  app.add_option("--reference", options.reference,
                 "Pin this scenario's typical patient and population median as the reference, drawn in grey under what opens")
      ->check(CLI::ExistingFile);
  app.add_option("--screenshot", options.screenshot_path,
                 "Draw the window, wait for the population, save it as PNG and exit");
  app.add_option("--export", options.export_path,
                 "Export the plots for slides (FILE.png, or FILE.svg as vectors) once the population is ready, and exit");
  app.add_option("--export-size", options.export_size, "Size of the exported plots, pixels (default 1920 1080)")
      ->check(CLI::Range(alemsim::gui::kMinExportPixels, alemsim::gui::kMaxExportPixels));
  app.add_option("--frames", options.frames, "Frames drawn after the population is ready, before the screenshot")
      ->check(CLI::Range(1, 10000));
  app.add_option("--time", options.time_range_day, "Show days FROM TO on the time axis at start (default: the whole horizon)")
      ->type_size(2);
  app.add_flag("--log", options.log_concentration, "Start with the concentration on a log axis");
  app.add_flag("--fractions", options.show_fractions,
               "Start with the plot of the fraction of patients below CD4+ 200 and each lower limit of normal");
  app.add_flag("--projector", options.projector, "Start at projector scale: text, spacing and lines 1.5 times larger");
  app.add_flag("--high-contrast", options.high_contrast, "Start with the high-contrast theme");
  app.add_option("--width", options.width, "Window width, pixels")->check(CLI::Range(640, 8192));
  app.add_option("--height", options.height, "Window height, pixels")->check(CLI::Range(480, 8192));
  CLI11_PARSE(app, argc, argv);
  if (lesson_option->count() > 0) {
    // Checked before a window opens, like --arm: a wrong name is a mistake on the command line.
    try {
      alemsim::load_lesson(alemsim::gui::find_lesson(*options.lesson));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "alemsim-viewer: --lesson %s: %s\n", options.lesson->c_str(), e.what());
      return 1;
    }
  }
  if (arm_option->count() > 0) {
    if (const std::string error = arm_option_error(*options.scenario_path, arm); !error.empty()) {
      std::fprintf(stderr, "alemsim-viewer: --arm %lld: %s\n", arm, error.c_str());
      return 1;
    }
    options.arm = static_cast<std::size_t>(arm);
  }
  return alemsim::gui::run_viewer(options);
}
