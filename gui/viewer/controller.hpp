// Ties the session (computation) to the panels (UI state): runs a frame, then carries out what the
// user asked for (re-simulate, open, save, export CSV). Knows nothing of GLFW or OpenGL, so tests
// drive it with a bare ImGui context.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "gui/core/file_loader.hpp"
#include "gui/core/session.hpp"
#include "gui/viewer/ui_state.hpp"

namespace alemsim::gui {

class Controller {
 public:
  // Starts on `scenario` and simulates it. worker_threads: see PopulationWorker.
  explicit Controller(Scenario scenario, int worker_threads = 0);

  // Opens a scenario file, or a results file (.h5): its population is shown as read, and the
  // scenario it was run from becomes the one edited. A study file opens on its arm `arm` (0-based;
  // by default its reference arm) and ui().study lists its arms; `arm` is an error for any other
  // file. A scenario is read at once; a results file is read on a background thread (FileLoader)
  // and shown by the frame after it is done, so a large or damaged file never stops the window.
  // On failure the current scenario stays, ui().file_error says why, and false is returned (for a
  // results file: when the read ends; open() itself only refuses an arm for a scenario file); the
  // viewer never stops on a bad file.
  bool open(const std::string& path, std::optional<std::size_t> arm = {});

  // Shows arm `index` of the open study as open() shows a results file, keeping the axes as they
  // are, so arms compare on the same scales once the user has zoomed. Read in the background too.
  bool open_arm(std::size_t index);

  // Opens a lesson (a name from scenarios/lessons or a lesson file's path): its first variant
  // becomes the scenario, its view is applied and the lesson panel shows its text. On failure
  // (no such lesson, a bad lesson file, a variant's scenario that cannot be read) nothing changes,
  // ui().file_error says why and false is returned.
  bool open_lesson(const std::string& name_or_path);

  // Shows variant `index` of the open lesson. The axes stay as they are (the user double-clicks a
  // plot to fit it again), so variants compare on the same scales.
  bool open_lesson_variant(std::size_t index);

  // Pins the typical patient shown (and, with `median`, its population's median) as the reference,
  // named after the lesson variant or the scenario; the next frame fits the axes to it and the
  // curves shown and then freezes them. False when nothing has been simulated yet.
  bool pin_reference(bool median);

  // True while a results file is being read.
  bool opening() const { return loader_.busy(); }
  // Waits for the read in progress and shows it. True when nothing failed: the file is open, or
  // no read was in progress and no error is shown. For tests and the screenshot mode.
  bool wait_for_file(std::chrono::milliseconds timeout = std::chrono::seconds(60));

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
  // A new scenario to edit and simulate; `refit`: the axes fit its results.
  void set_scenario(Scenario scenario, bool refit = true);
  // Shows a finished read: its population and scenario, or its error.
  void show_read(FileRead read);

  Session session_;
  UiState ui_;
  FileLoader loader_;  // last member: its thread stops before the rest is destroyed
};

}  // namespace alemsim::gui
