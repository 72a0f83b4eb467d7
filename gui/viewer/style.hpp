// Look of the viewer: a light theme (plots read like printed figures, and screenshots go into
// slides) and a legible font.
#pragma once

#include <string>

namespace alemsim::gui {

// Applies the theme and loads DejaVu Sans at `size_px` when it is installed (Debian fonts-dejavu-core),
// otherwise ImGui's built-in font scaled to about that size. Call before the font atlas is built.
// Returns the font file used, or "" for the built-in font.
std::string setup_style(float size_px);

}  // namespace alemsim::gui
