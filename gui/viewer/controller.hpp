// Ties the session (computation) to the panels (UI state): runs a frame, then carries out what the
// user asked for (re-simulate, open, save, export CSV). Knows nothing of GLFW or OpenGL, so tests
// drive it with a bare ImGui context.
#pragma once

#include <string>

#include "gui/core/session.hpp"
#include "gui/viewer/ui_state.hpp"

namespace alemsim::gui {

class Controller {
 public:
  // Starts on `scenario` and simulates it. worker_threads: see PopulationWorker.
  explicit Controller(Scenario scenario, int worker_threads = 0);

  // Opens a scenario file, or a results file (.h5): its population is shown as read, and the
  // scenario it was run from becomes the one edited. On failure the current scenario stays,
  // ui().file_error says why, and false is returned; the viewer never stops on a bad file.
  bool open(const std::string& path);

  // One frame, between ImGui::NewFrame() and ImGui::Render(). Returns what only the window system
  // can do: export_png_path (read back the frame) and quit. Everything else is done here.
  Actions frame();

  // Carries out what a frame's panels asked for (frame() calls it): re-simulates, opens, saves and
  // exports CSV; failures go to ui().file_error, successes to ui().status.
  void apply(Actions& actions);

  UiState& ui() { return ui_; }
  const Results& results() const { return session_.results(); }
  Session& session() { return session_; }

 private:
  void set_scenario(Scenario scenario);
  void open_results(const std::string& path);

  Session session_;
  UiState ui_;
};

}  // namespace alemsim::gui
