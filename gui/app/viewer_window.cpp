#include "gui/app/viewer_window.hpp"

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "gui/app/png_capture.hpp"
#include "gui/plot/plot.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_writer.hpp"
#include "io/shipped_scenarios.hpp"
#include "gui/viewer/controller.hpp"
#include "gui/viewer/panels.hpp"
#include "gui/viewer/style.hpp"

namespace alemsim::gui {
namespace {

using Clock = std::chrono::steady_clock;

constexpr float kFontSizePx = 16.0f;
// While a population runs the loop polls instead of waiting for input; this caps it near 60 frames
// per second so it leaves the cores to the simulation (Xvfb has no vsync to do it).
constexpr auto kBusyFrame = std::chrono::milliseconds(16);
// A screenshot waits at most this long for the population.
constexpr auto kScreenshotTimeout = std::chrono::seconds(300);

void glfw_error(int code, const char* message) { std::fprintf(stderr, "alemsim-viewer: GLFW error %d: %s\n", code, message); }

// Frame times for the screenshot report: building the frame (panels, plots, draw lists) and the
// whole frame including OpenGL drawing (finished, in screenshot mode, since pixels are read back).
struct FrameTimes {
  double build_ms = 0.0;
  double total_ms = 0.0;
  double max_total_ms = 0.0;
  int count = 0;
  void add(double build, double total) {
    build_ms += build;
    total_ms += total;
    max_total_ms = std::max(max_total_ms, total);
    ++count;
  }
};

// One extra ImGui frame with the display set to the picture's size that draws only the plots (the
// next regular frame takes the window's size again); then a PNG rendered off screen, or the SVG the
// plot module recorded while drawing. Failures go to the UI's error banner.
void export_plots(Controller& controller, const PlotExport& request) {
  UiState& ui = controller.ui();
  const std::string extension = std::filesystem::path(request.path).extension().string();
  const bool svg = extension == ".svg";
  try {
    if (!svg && extension != ".png") throw std::runtime_error(request.path + ": expected a file name ending in .png or .svg");
    const ImVec2 size(static_cast<float>(request.width), static_cast<float>(request.height));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // Drawn right after a regular frame: the clock may not have moved, and ImGui needs time to pass.
    io.DeltaTime = std::max(io.DeltaTime, 1e-4f);
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover read-out in the picture
    ImGui::NewFrame();
    if (svg) plot::BeginSvgRecording();
    draw_plots_for_export(controller.results(), ui);
    ImGui::Render();
    if (svg) {
      AtomicFile file(request.path);
      file.stream() << plot::EndSvgRecording(size.x, size.y);
      file.commit();
    } else {
      save_offscreen_png(request.path, request.width, request.height, [] { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); });
    }
    ui.status = "exported " + request.path + " (" + std::to_string(request.width) + " x " + std::to_string(request.height) + ")";
    ui.file_error.clear();
  } catch (const std::exception& e) {
    plot::EndSvgRecording(0.0f, 0.0f);
    ui.file_error = std::string("Could not export the plots. ") + e.what();
  }
}

}  // namespace

constexpr double kBusyFrameSeconds = 0.05;

int run_viewer(const ViewerOptions& options) {
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) {
    std::fprintf(stderr, "alemsim-viewer: cannot start GLFW (no display? headless machines: xvfb-run alemsim-viewer ...)\n");
    return 1;
  }
  // A screenshot or an export runs without a user: draw until the population is ready, save, exit.
  const bool screenshot = options.screenshot_path.has_value() || options.export_path.has_value();
  glfwWindowHint(GLFW_RESIZABLE, screenshot ? GLFW_FALSE : GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "alemsim viewer", nullptr, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "alemsim-viewer: cannot open an OpenGL window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(screenshot ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is tiled from the window size; nothing to remember
  setup_style(kFontSizePx);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  int exit_code = 0;
  {
    Controller controller(labelled_regimen_scenario());
    if (options.reference && controller.open(*options.reference) &&
        controller.session().wait_population(std::chrono::duration_cast<std::chrono::milliseconds>(kScreenshotTimeout))) {
      controller.pin_reference(true);
    }
    if (options.lesson) controller.open_lesson(*options.lesson);
    if (options.scenario_path) controller.open(*options.scenario_path, options.arm);
    // The flags add to what a lesson's view sets.
    if (options.log_concentration) controller.ui().plots.log_concentration = true;
    if (options.show_fractions) controller.ui().plots.show_fractions = true;
    controller.ui().display = {options.projector, options.high_contrast ? Theme::kHighContrast : Theme::kLight};
    std::optional<DisplaySettings> applied;
    if (options.time_range_day) {
      controller.ui().plots.time_axis = {{options.time_range_day->first, options.time_range_day->second}, false};
    }
    const auto started = Clock::now();
    FrameTimes times;
    int frames_ready = 0;
    std::string title;
    while (!glfwWindowShouldClose(window)) {
      const bool busy = controller.opening() || controller.results().progress.running;
      if (busy) {
        // While a file is read or a population runs, redraw for every event and otherwise at 20
        // frames/s, enough for the progress bar: a frame drawn for nothing takes the CPU from the
        // population (Mesa's software renderer: 40 ms a frame on 2 cores, and the population of
        // the labelled regimen took 320-420 ms instead of 40 ms).
        glfwWaitEventsTimeout(kBusyFrameSeconds);
      } else if (screenshot) {
        glfwPollEvents();
      } else {
        glfwWaitEventsTimeout(0.5);
      }
      const auto frame_start = Clock::now();
      // Fonts, sizes and colours change between frames, never inside one.
      if (applied != controller.ui().display) {
        apply_display(controller.ui().display);
        applied = controller.ui().display;
      }
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      // A screenshot shows the window as opened: no hover read-out wherever Xvfb left its pointer.
      if (screenshot) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      ImGui::NewFrame();
      const Actions actions = controller.frame();
      ImGui::Render();
      // The title names what is open (file, study arm), as the menu bar does.
      if (const std::string now = "alemsim viewer - " + document_title(controller.ui()); now != title) {
        title = now;
        glfwSetWindowTitle(window, title.c_str());
      }
      const auto built = Clock::now();
      int fb_width = 0, fb_height = 0;
      glfwGetFramebufferSize(window, &fb_width, &fb_height);
      glViewport(0, 0, fb_width, fb_height);
      glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      if (screenshot) glFinish();
      times.add(std::chrono::duration<double, std::milli>(built - frame_start).count(),
                std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count());

      if (actions.export_plots) export_plots(controller, *actions.export_plots);
      if (actions.quit) glfwSetWindowShouldClose(window, GLFW_TRUE);
      if (screenshot) {
        const bool ready = !controller.opening() && !controller.results().progress.running;
        if (ready) ++frames_ready;
        const bool timed_out = Clock::now() - started > kScreenshotTimeout;
        if (frames_ready >= options.frames || timed_out) {
          if (options.export_path) {
            export_plots(controller, {*options.export_path, options.export_size.first, options.export_size.second});
            if (controller.ui().file_error.empty()) std::printf("alemsim-viewer: %s\n", controller.ui().status.c_str());
          }
          if (!options.screenshot_path) {
            if (!controller.ui().file_error.empty()) {
              std::fprintf(stderr, "alemsim-viewer: %s\n", controller.ui().file_error.c_str());
              exit_code = 2;
            }
            break;
          }
          try {
            save_framebuffer_png(*options.screenshot_path, fb_width, fb_height);
          } catch (const std::exception& e) {
            std::fprintf(stderr, "alemsim-viewer: %s\n", e.what());
            exit_code = 1;
            break;
          }
          const Results& r = controller.results();
          std::printf("alemsim-viewer: saved %s (%dx%d) after %d frames; per frame: building %.2f ms, with OpenGL drawing "
                      "%.2f ms (max %.2f ms); typical patient %.2f ms; population %.0f ms\n",
                      options.screenshot_path->c_str(), fb_width, fb_height, times.count, times.build_ms / times.count,
                      times.total_ms / times.count, times.max_total_ms, r.typical ? r.typical->compute_ms : 0.0,
                      r.population ? r.population->compute_ms : 0.0);
          if (!controller.ui().file_error.empty()) {
            std::fprintf(stderr, "alemsim-viewer: %s\n", controller.ui().file_error.c_str());
            exit_code = 2;
          }
          if (timed_out) {
            std::fprintf(stderr, "alemsim-viewer: the population did not finish in time\n");
            exit_code = 2;
          }
          break;
        }
      }
      glfwSwapBuffers(window);
      if (busy && !screenshot) std::this_thread::sleep_until(frame_start + kBusyFrame);
    }
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace alemsim::gui
