#include "gui/viewer/style.hpp"

#include <filesystem>

#include <imgui.h>

namespace alemsim::gui {
namespace {

constexpr const char* kFontCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
};

// Latin-1 (with µ, ½, x) plus the dashes, minus and comparison signs used in labels.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2212, 0x2212, 0x2264, 0x2265, 0};

}  // namespace

std::string setup_style(float size_px) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.ItemSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(6, 3);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.Colors[ImGuiCol_TitleBgActive] = style.Colors[ImGuiCol_TitleBg];

  ImGuiIO& io = ImGui::GetIO();
  for (const char* path : kFontCandidates) {
    if (std::filesystem::exists(path) && io.Fonts->AddFontFromFileTTF(path, size_px, nullptr, kGlyphRanges) != nullptr) {
      return path;
    }
  }
  ImFontConfig config;
  config.SizePixels = size_px;
  io.Fonts->AddFontDefault(&config);
  return "";
}

}  // namespace alemsim::gui
