#include "tests/gui/headless_imgui.hpp"

namespace alemsim::gui::testing {
namespace {

void capture_clipboard(void* user_data, const char* text) { *static_cast<std::string*>(user_data) = text; }

}  // namespace

HeadlessImGui::HeadlessImGui(ImVec2 display) : context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = display;
  io.DeltaTime = 1.0f / 60.0f;
  io.IniFilename = nullptr;
  // What the OpenGL3 backend declares: draw lists may exceed 65536 vertices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  io.SetClipboardTextFn = capture_clipboard;
  io.ClipboardUserData = &captured_;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the font atlas, as a backend would
  io.MousePos = ImVec2(-1, -1);
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(context_); }

void HeadlessImGui::set_mouse(ImVec2 pos, bool left_down, float wheel, bool right_down) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = pos;
  io.MouseDown[0] = left_down;
  io.MouseDown[1] = right_down;
  io.MouseWheel = wheel;
}

void HeadlessImGui::begin_capture_window() {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("capture", nullptr, ImGuiWindowFlags_NoSavedSettings);
  captured_.clear();
  ImGui::LogToClipboard();
}

void HeadlessImGui::end_capture_window() {
  ImGui::LogFinish();
  ImGui::End();
}

void HeadlessImGui::end_frame() {
  ImGui::Render();
  ImGui::GetIO().MouseWheel = 0.0f;
}

}  // namespace alemsim::gui::testing
