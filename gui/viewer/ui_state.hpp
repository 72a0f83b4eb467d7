// Everything the viewer's panels read and edit besides the computed results: the scenario being
// edited, view settings, open dialogs. Panels are functions of (const Results&, UiState&) that
// report what the user asked for in Actions; the Controller carries the actions out.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <imgui.h>

#include "gui/core/snapshot.hpp"
#include "gui/core/study_arms.hpp"
#include "gui/plot/plot.hpp"
#include "gui/viewer/plot_choice.hpp"
#include "gui/viewer/style.hpp"
#include "gui/viewer/time_axis.hpp"
#include "io/lesson_file.hpp"
#include "io/scenario.hpp"

namespace alemsim::gui {

struct PlotSettings {
  bool log_concentration = false;  // concentration on a log10 axis (a half-life is then a straight line)
  bool show_typical = true;
  bool show_bands = true;          // 5-95% and 25-75% of the population
  bool show_median = true;
  bool show_traces = false;        // individual virtual patients
  bool show_fractions = false;     // a plot of the fraction of patients below CD4+ 200 and each LLN
  int trace_count = 20;            // individual patients kept by population runs
  plot::AxisState time_axis;       // shared by every plot, so all zoom and pan together (days)
  TimeAxisChoice time;             // the unit and origin the time axis is shown in
  std::map<std::string, plot::AxisState> value_axes;  // per output column
  PlotChoice choice;               // which plots are shown, in what order
};

struct TeachingSettings {
  bool enabled = true;           // master switch for everything below
  bool cmax = true;              // Cmax of each course, with its course day
  bool half_life = true;         // the chord days 1-10 after a course that the half-life is read from
  bool reference_points = true;  // published values (SmPC Cmax, CARE-MS means) beside the curves
  bool reference_lines = true;   // lower limits of normal, 200 CD4+/uL
};

// A study file whose arm is shown: its arms, for the arm chooser.
struct OpenStudy {
  StudyArms file;
  std::size_t shown = 0;  // index in file.arms of the arm read last
};

// A typical patient (and optionally its population's median) pinned for before/after comparisons:
// drawn in grey under every later edit, with its summary figures beside the current ones. The axes
// fit it and the curves shown when it is pinned, then stay (double-click a plot to fit it again).
struct PinnedReference {
  std::string name;                                       // "normal patient", "label"
  std::shared_ptr<const TypicalSnapshot> typical;
  std::shared_ptr<const PopulationSnapshot> population;  // null unless its median is pinned too
  bool axes_frozen = false;  // set after the first frame that drew it: from then on the axes stay
};

// The lesson open in the lesson panel and which of its variants is shown.
struct OpenLesson {
  Lesson file;
  std::size_t variant = 0;
  bool select_tab = true;  // bring the lesson's tab to the front on the next frame
};

enum class FileDialog { kNone, kOpen, kSaveAs, kExportCsv, kExportPlots };

struct UiState {
  Scenario scenario;          // the document being edited
  std::optional<OpenStudy> study;  // set while an arm of a study file is open
  std::optional<OpenLesson> lesson;  // set while a lesson is open
  std::optional<PinnedReference> reference;  // set while a reference is pinned
  bool modified = false;      // edited since opened or saved
  std::string file_error;     // last failed open/save/export, shown until dismissed
  std::string status;         // last successful file operation
  PlotSettings plots;
  TeachingSettings teaching;
  DisplaySettings display;    // projector scale and theme (the window applies them between frames)
  FileDialog dialog = FileDialog::kNone;  // dialog to show (opened on the next frame)
  std::string dialog_path;                // path typed in the open dialog
  int export_width = 1920;                // size chosen in the export dialog, pixels
  int export_height = 1080;
  ImVec2 plots_min{0, 0};     // screen rectangle of the Plots window in the last frame (PNG export)
  ImVec2 plots_max{0, 0};
  int plot_columns = 1;       // plots side by side, from the layout of the last frame
  std::map<std::string, double> switched_off;  // parameter -> its value before it was switched off (0)
};

// The plots as a picture for slides: PNG (rendered off screen at this size) or SVG (the same
// drawing as vectors), by the file's extension.
struct PlotExport {
  std::string path;
  int width = 1920;   // pixels
  int height = 1080;
};

// What the user asked for during a frame.
struct Actions {
  bool scenario_changed = false;  // re-simulate (the scenario or the population settings changed)
  std::optional<std::string> open_path;
  std::optional<std::size_t> open_arm;  // show this arm (index in UiState::study) instead
  std::optional<std::string> open_lesson;     // a lesson's name or file
  std::optional<std::size_t> open_variant;    // show this variant of the open lesson
  std::optional<bool> pin_reference;          // pin the typical patient (true: with the population median)
  bool unpin_reference = false;
  std::optional<std::string> save_path;
  std::optional<std::string> export_csv_path;
  std::optional<PlotExport> export_plots;     // the window draws the plots at this size and saves them
  bool quit = false;
};

}  // namespace alemsim::gui
