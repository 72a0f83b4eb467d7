// alemsim-viewer: the desktop viewer.
// alemsim-viewer [SCENARIO.yaml | RESULTS.h5] [--screenshot FILE.png [--frames N]] [--time FROM TO] [--log] [--width W --height H]
#include <CLI/CLI.hpp>

#include "gui/app/viewer_window.hpp"

int main(int argc, char** argv) {
  CLI::App app{"alemsim-viewer: explore alemtuzumab serum concentration and lymphocyte depletion"};
  alemsim::gui::ViewerOptions options;
  app.add_option("file", options.scenario_path,
                 "Scenario (YAML, e.g. scenarios/label.yaml) or results file (HDF5, from 'alemsim run --out X.h5') to open");
  app.add_option("--screenshot", options.screenshot_path,
                 "Draw the window, wait for the population, save it as PNG and exit");
  app.add_option("--frames", options.frames, "Frames drawn after the population is ready, before the screenshot")
      ->check(CLI::Range(1, 10000));
  app.add_option("--time", options.time_range_day, "Show days FROM TO on the time axis at start (default: the whole horizon)")
      ->type_size(2);
  app.add_flag("--log", options.log_concentration, "Start with the concentration on a log axis");
  app.add_option("--width", options.width, "Window width, pixels")->check(CLI::Range(640, 8192));
  app.add_option("--height", options.height, "Window height, pixels")->check(CLI::Range(480, 8192));
  CLI11_PARSE(app, argc, argv);
  return alemsim::gui::run_viewer(options);
}
