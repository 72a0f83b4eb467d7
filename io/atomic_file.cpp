#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "io/signal_cleanup.hpp"

namespace alemsim {
namespace {

// Tries this many random names before giving up: each is taken only if someone planted it.
constexpr int kTemporaryNameAttempts = 100;

}  // namespace

std::string temporary_path(const std::string& path) {
  std::random_device entropy;  // the kernel's: names another user cannot predict
  for (;;) {
    const std::uint64_t suffix = (static_cast<std::uint64_t>(entropy()) << 32 | entropy()) & 0xffffffffffffULL;
    std::string candidate = fmt::format("{}.tmp-{:012x}", path, suffix);
    // Taken names are skipped. Any other failure (a name too long, a folder that is missing or
    // not searchable) would fail for every name: the exclusive create then reports it.
    struct stat info {};
    if (::lstat(candidate.c_str(), &info) != 0) return candidate;
  }
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < kTemporaryNameAttempts; ++attempt) {
    temp_path_ = temporary_path(path_);
    fd = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw std::runtime_error(path_ + ": cannot create output file: " + std::strerror(errno));
  register_temporary_file(temp_path_.c_str());
  buffer_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::out | std::ios::binary);
  out_.rdbuf(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  buffer_->close();
  std::remove(temp_path_.c_str());
  unregister_temporary_file(temp_path_.c_str());
}

void AtomicFile::commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  const bool closed = buffer_->close() != nullptr;
  if (!written || !closed) throw std::runtime_error(path_ + ": writing the output file failed (disk full?)");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot move the finished output into place: " + std::strerror(errno));
  }
  committed_ = true;
  unregister_temporary_file(temp_path_.c_str());
}

void check_writable(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw std::runtime_error(path + ": is a folder; expected the name of a file to write");
  }
  const AtomicFile probe(path);  // removed again by its destructor
}

}  // namespace alemsim
