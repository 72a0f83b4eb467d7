// A Dear ImGui context without a window system or renderer: panels and plots build their draw lists
// as in the viewer, and tests read the draw lists, the plot statistics and the text widgets showed.
#pragma once

#include <string>
#include <utility>

#include <imgui.h>

namespace alemsim::gui::testing {

class HeadlessImGui {
 public:
  explicit HeadlessImGui(ImVec2 display = ImVec2(1600, 1000));
  ~HeadlessImGui();
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // One frame around `draw`: NewFrame, draw(), Render.
  template <class Draw>
  void frame(Draw&& draw) {
    ImGui::NewFrame();
    std::forward<Draw>(draw)();
    end_frame();
  }

  // One frame with `draw` inside a window filling the display; returns the text its widgets showed
  // (ImGui's log, which ends with the window, captured through the clipboard hook).
  template <class Draw>
  std::string window_text(Draw&& draw) {
    ImGui::NewFrame();
    begin_capture_window();
    std::forward<Draw>(draw)();
    end_capture_window();
    end_frame();
    return captured_;
  }

  // Mouse state for the next frame (ImGui 1.86 reads io.MousePos, io.MouseDown and io.MouseWheel).
  void set_mouse(ImVec2 pos, bool left_down = false, float wheel = 0.0f, bool right_down = false);

 private:
  void begin_capture_window();
  void end_capture_window();
  void end_frame();
  ImGuiContext* context_;
  std::string captured_;
};

}  // namespace alemsim::gui::testing
