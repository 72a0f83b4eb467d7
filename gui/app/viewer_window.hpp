// The viewer's window: GLFW + OpenGL 3 + Dear ImGui's backends around the Controller.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace alemsim::gui {

struct ViewerOptions {
  std::optional<std::string> scenario_path;    // scenario or results file opened at start; without it, the labelled regimen
  std::optional<std::string> lesson;           // lesson opened at start (scenarios/lessons/NAME.yaml, or a lesson file)
  std::optional<std::string> reference;        // scenario pinned as the reference before anything else opens
  std::optional<std::size_t> arm;              // arm of a study file opened at start (0-based); default its reference arm
  std::optional<std::string> screenshot_path;  // save the window as PNG and exit
  std::optional<std::string> export_path;      // export the plots (.png or .svg) and exit
  std::pair<int, int> export_size{1920, 1080};  // pixels
  int frames = 3;       // frames drawn after the population is ready, before the screenshot or export
  std::optional<std::pair<double, double>> time_range_day;  // initial time axis; default: the whole horizon
  bool log_concentration = false;                           // start with the concentration on a log axis
  bool show_fractions = false;                              // start with the fractions-below plot shown
  bool projector = false;                                   // start at projector scale
  bool high_contrast = false;                               // start with the high-contrast theme
  int width = 1600;     // window size, pixels
  int height = 1000;
};

// Runs until the window closes, or until the screenshot is saved. Returns the exit code: 0; 1 when
// no window can be opened or the screenshot cannot be saved; 2 when a screenshot was saved but the
// file could not be opened or the population did not finish (both are shown in the picture).
int run_viewer(const ViewerOptions& options);

}  // namespace alemsim::gui
