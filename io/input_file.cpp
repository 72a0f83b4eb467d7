#include "io/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace alemsim {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes the descriptor however the read ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string size_text(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    throw InputFileError(path + ": cannot open file (" + std::strerror(errno) + "; does it exist and is it readable?)");
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw InputFileError(path + ": cannot read file: " + std::strerror(errno));
  if (!S_ISREG(info.st_mode)) throw InputFileError(path + ": is " + kind_of(info.st_mode) + "; expected a regular file");
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    throw InputFileError(path + ": is " + std::to_string(info.st_size) + " bytes; expected a file of at most " +
                         size_text(max_bytes));
  }
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(file.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputFileError(path + ": cannot read file: " + std::strerror(errno));
    if (got == 0) break;
    // A file that grows while it is read is still held to the cap.
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
      throw InputFileError(path + ": is larger than " + size_text(max_bytes) + "; expected a smaller file");
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace alemsim
