// The viewer's panels. Each draws the contents of one ImGui window from the computed results and the
// UI state, edits the UI state (the scenario being edited is part of it) and reports requests in
// Actions; none of them simulates or writes files (the open dialog lists a directory). They run
// headless in tests.
#pragma once

#include <string>
#include <vector>

#include "gui/core/session.hpp"
#include "gui/viewer/ui_state.hpp"

namespace alemsim::gui {

// Courses (start, days, mg/day, infusion hours, missed doses), horizon, output step, population size.
void draw_regimen_panel(const Results& results, UiState& ui, Actions& actions);

// One slider per param_table() entry, with unit; default, source and variability as tooltip.
void draw_parameters_panel(const Results& results, UiState& ui, Actions& actions);

// The quantities the plots panel can show, in the engine's order.
struct PlotEntry {
  std::string column;
  std::string label;  // "Serum alemtuzumab"
};
std::vector<PlotEntry> available_plots(const Results& results);

// One plot per output quantity the plot choice shows (in its order; two columns when the layout
// says so), the population's progress and the view options.
void draw_plots_panel(const Results& results, UiState& ui, Actions& actions);

// The plots for an export: the shared legend and every plot shown, filling a window of the whole
// display (the export sets the display to the picture's size for one frame).
void draw_plots_for_export(const Results& results, UiState& ui);

// Smallest and largest side of an exported picture, pixels.
inline constexpr int kMinExportPixels = 320;
inline constexpr int kMaxExportPixels = 8192;

// Per-course figures of the typical patient and the population.
void draw_summary_panel(const Results& results, const UiState& ui);

// The open lesson: a button per variant (the one shown highlighted) and the lesson's text.
void draw_lesson_panel(UiState& ui, Actions& actions);

// Switches for the teaching overlays, with what each shows.
void draw_teaching_panel(UiState& ui);

// Main menu bar (File, View) and the file dialogs it opens.
void draw_main_menu(const Results& results, UiState& ui, Actions& actions);

// Which arm of the open study file is shown, with previous/next buttons and a list of every arm by
// name; nothing when no study file is open. Above the plots, which show the arm.
void draw_arm_chooser(const Results& results, const UiState& ui, Actions& actions);

// What is open, for the menu bar and the window title: the scenario's file or name, or the study
// file and the arm shown ("study.h5, arm 002 of 37: courses[2].start_day=790.8"); "(modified)" after
// an edit.
std::string document_title(const UiState& ui);

// The last failed file operation, in red, with a button to dismiss it; nothing when there is none.
void draw_file_error(UiState& ui);

}  // namespace alemsim::gui
