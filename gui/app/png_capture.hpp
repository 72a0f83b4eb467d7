// Saving what OpenGL drew: the --screenshot option, and exported plots (File > Export plots, --export).
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace alemsim::gui {

// A rectangle of the framebuffer in pixels, origin at the top left (ImGui's convention).
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

// Reads the back buffer of the current OpenGL context (call after rendering, before swapping) and
// writes it, or the part `crop` clipped to the framebuffer, to `path` as an RGB PNG, atomically.
// Throws std::runtime_error naming the path when the rectangle is empty or the file cannot be written.
void save_framebuffer_png(const std::string& path, int framebuffer_width, int framebuffer_height,
                          std::optional<PixelRect> crop = std::nullopt);

// Renders `render` (OpenGL calls) into an off-screen framebuffer of `width` x `height` pixels,
// cleared to white, and writes it to `path` as an RGB PNG, atomically; any size the OpenGL
// implementation allows, whatever the window's. Throws std::runtime_error naming the path when the
// framebuffer cannot be made or the file cannot be written.
void save_offscreen_png(const std::string& path, int width, int height, const std::function<void()>& render);

}  // namespace alemsim::gui
