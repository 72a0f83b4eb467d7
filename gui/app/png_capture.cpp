#include "gui/app/png_capture.hpp"

// Framebuffer objects are OpenGL 3.0, declared in glext.h; Mesa's libGL exports them.
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <string>
#include <stdexcept>
#include <vector>

#include <stb_image_write.h>

#include "io/atomic_file.hpp"

namespace alemsim::gui {
namespace {

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<unsigned char>*>(context);
  const auto* bytes = static_cast<const unsigned char*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

// Reads the rectangle from the framebuffer bound for reading and its buffer `read_buffer`, flips it
// top to bottom and writes it as a PNG.
void save_read_buffer_png(const std::string& path, GLenum read_buffer, int x0, int y0_from_bottom, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(read_buffer);
  // OpenGL rows run bottom to top.
  glReadPixels(x0, y0_from_bottom, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) throw std::runtime_error(path + ": could not read the picture back from OpenGL");
  std::vector<unsigned char> flipped(pixels.size());
  const std::size_t row = static_cast<std::size_t>(width) * 3;
  for (int y = 0; y < height; ++y) {
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)), row,
                flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
  }
  std::vector<unsigned char> png;
  if (stbi_write_png_to_func(append_bytes, &png, width, height, 3, flipped.data(), static_cast<int>(row)) == 0) {
    throw std::runtime_error(path + ": PNG encoding failed");
  }
  AtomicFile file(path);
  file.stream().write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  file.commit();
}

}  // namespace

void save_framebuffer_png(const std::string& path, int framebuffer_width, int framebuffer_height,
                          std::optional<PixelRect> crop) {
  PixelRect r = crop.value_or(PixelRect{0, 0, framebuffer_width, framebuffer_height});
  const int x0 = std::clamp(r.x, 0, framebuffer_width);
  const int y0 = std::clamp(r.y, 0, framebuffer_height);
  const int x1 = std::clamp(r.x + r.width, 0, framebuffer_width);
  const int y1 = std::clamp(r.y + r.height, 0, framebuffer_height);
  const int width = x1 - x0;
  const int height = y1 - y0;
  if (width <= 0 || height <= 0) throw std::runtime_error(path + ": nothing to save (empty picture)");
  save_read_buffer_png(path, GL_BACK, x0, framebuffer_height - y1, width, height);
}

void save_offscreen_png(const std::string& path, int width, int height, const std::function<void()>& render) {
  GLuint framebuffer = 0, colour = 0;
  glGenFramebuffers(1, &framebuffer);
  glGenRenderbuffers(1, &colour);
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  const auto release = [&] {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteRenderbuffers(1, &colour);
    glDeleteFramebuffers(1, &framebuffer);
  };
  try {
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      throw std::runtime_error(path + ": OpenGL cannot draw a picture of " + std::to_string(width) + " x " +
                               std::to_string(height) + " pixels");
    }
    glViewport(0, 0, width, height);
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render();
    glFinish();
    save_read_buffer_png(path, GL_COLOR_ATTACHMENT0, 0, 0, width, height);
  } catch (...) {
    release();
    throw;
  }
  release();
}

}  // namespace alemsim::gui
