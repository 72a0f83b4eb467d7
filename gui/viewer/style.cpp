#include "gui/viewer/style.hpp"

#include <filesystem>

#include "gui/plot/plot.hpp"

namespace alemsim::gui {
namespace {

constexpr const char* kFontCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
};

// Latin-1 (with µ, ½, x) plus the dashes, minus and comparison signs used in labels.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2212, 0x2212, 0x2264, 0x2265, 0};

// The atlas's fonts: [0] normal, [1] projector size (when a TTF font was found).
ImFont* g_fonts[2] = {nullptr, nullptr};

void base_style(Theme theme) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(10, 10);
  style.ItemSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(6, 3);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.Colors[ImGuiCol_TitleBgActive] = style.Colors[ImGuiCol_TitleBg];
  if (theme == Theme::kHighContrast) {
    // Black on white, dark frames: what survives a washed-out projector.
    style.Colors[ImGuiCol_Text] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.20f, 0.20f, 0.20f, 1.0f);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.0f, 0.0f, 0.0f, 0.8f);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.88f, 0.88f, 0.88f, 1.0f);
    style.Colors[ImGuiCol_Button] = ImVec4(0.60f, 0.75f, 1.0f, 1.0f);
    style.Colors[ImGuiCol_Header] = ImVec4(0.60f, 0.75f, 1.0f, 1.0f);
    style.FrameBorderSize = 1.0f;
  }
}

}  // namespace

std::string setup_style(float size_px) {
  base_style(Theme::kLight);
  ImGuiIO& io = ImGui::GetIO();
  for (const char* path : kFontCandidates) {
    if (!std::filesystem::exists(path)) continue;
    g_fonts[0] = io.Fonts->AddFontFromFileTTF(path, size_px, nullptr, kGlyphRanges);
    g_fonts[1] = io.Fonts->AddFontFromFileTTF(path, size_px * kProjectorScale, nullptr, kGlyphRanges);
    if (g_fonts[0] != nullptr && g_fonts[1] != nullptr) {
      io.FontDefault = g_fonts[0];
      return path;
    }
  }
  ImFontConfig config;
  config.SizePixels = size_px;
  g_fonts[0] = io.Fonts->AddFontDefault(&config);
  g_fonts[1] = nullptr;
  return "";
}

void apply_display(const DisplaySettings& settings) {
  base_style(settings.theme);
  const float scale = settings.projector ? kProjectorScale : 1.0f;
  ImGui::GetStyle().ScaleAllSizes(scale);
  ImGuiIO& io = ImGui::GetIO();
  if (g_fonts[1] != nullptr) {
    io.FontDefault = g_fonts[settings.projector ? 1 : 0];
    io.FontGlobalScale = 1.0f;
  } else {
    io.FontGlobalScale = scale;  // the built-in font only comes at one size
  }
  plot::PlotTheme theme;
  if (settings.theme == Theme::kHighContrast) {
    theme.grid = IM_COL32(170, 170, 170, 255);
    theme.grid_minor = IM_COL32(215, 215, 215, 255);
    theme.border = IM_COL32(0, 0, 0, 255);
    theme.label_background = IM_COL32(255, 255, 255, 240);
  }
  theme.line_scale = settings.projector ? 1.6f : 1.0f;
  theme.marker_radius = settings.projector ? 6.5f : 4.5f;
  plot::SetPlotTheme(theme);
}

const Palette& palette(Theme theme) {
  static const Palette kLight{IM_COL32(66, 133, 244, 50),  IM_COL32(66, 133, 244, 100), IM_COL32(25, 85, 190, 255),
                              IM_COL32(80, 80, 80, 55),    IM_COL32(215, 85, 20, 255),  IM_COL32(180, 30, 60, 230),
                              IM_COL32(30, 160, 80, 255),  IM_COL32(120, 120, 120, 200), IM_COL32(130, 40, 170, 255),
                              IM_COL32(30, 30, 30, 255),   IM_COL32(110, 110, 110, 255), IM_COL32(165, 165, 165, 255)};
  // Denser bands and darker lines, so nothing fades on a bright screen.
  static const Palette kHighContrast{IM_COL32(30, 100, 230, 90), IM_COL32(30, 100, 230, 170), IM_COL32(0, 40, 150, 255),
                                     IM_COL32(40, 40, 40, 110),  IM_COL32(220, 70, 0, 255),   IM_COL32(200, 0, 40, 255),
                                     IM_COL32(0, 130, 50, 255),  IM_COL32(60, 60, 60, 255),   IM_COL32(120, 0, 170, 255),
                                     IM_COL32(0, 0, 0, 255),     IM_COL32(70, 70, 70, 255),   IM_COL32(130, 130, 130, 255)};
  return theme == Theme::kHighContrast ? kHighContrast : kLight;
}

}  // namespace alemsim::gui
