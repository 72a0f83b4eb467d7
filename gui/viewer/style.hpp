// Look of the viewer: a light theme (plots read like printed figures, and screenshots go into
// slides), a high-contrast one for projectors, a legible font at a normal and a projector size, and
// the colours of the curves.
#pragma once

#include <string>

#include <imgui.h>

namespace alemsim::gui {

enum class Theme { kLight, kHighContrast };

// How the viewer is drawn (View menu, --projector, --high-contrast).
struct DisplaySettings {
  bool projector = false;  // text, spacing and lines kProjectorScale times larger
  Theme theme = Theme::kLight;
  bool operator==(const DisplaySettings&) const = default;
};

inline constexpr float kProjectorScale = 1.5f;

// Loads DejaVu Sans at `size_px` and at kProjectorScale times that when it is installed (Debian
// fonts-dejavu-core), otherwise ImGui's built-in font. Call before the font atlas is built.
// Returns the font file used, or "" for the built-in font.
std::string setup_style(float size_px);

// Font, sizes and colours of `settings`, for ImGui and the plots. Call between frames.
void apply_display(const DisplaySettings& settings);

// The curves' colours: population blue, typical patient orange, published figures green,
// thresholds red, a pinned reference grey.
struct Palette {
  ImU32 outer_band, inner_band, median, trace, typical, reference_line, reference_point, course_marker, half_life,
      annotation_text, pinned_typical, pinned_median;
};
const Palette& palette(Theme theme);

}  // namespace alemsim::gui
