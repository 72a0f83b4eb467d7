#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace alemsim {

std::string temporary_path(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), temp_path_(temporary_path(path_)) {
  out_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    throw std::runtime_error(path_ + ": cannot create output file: " + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(temp_path_.c_str());
  }
}

void AtomicFile::commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) throw std::runtime_error(path_ + ": writing the output file failed (disk full?)");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot move the finished output into place: " + std::strerror(errno));
  }
  committed_ = true;
}

void check_writable(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw std::runtime_error(path + ": is a folder; expected the name of a file to write");
  }
  const AtomicFile probe(path);  // removed again by its destructor
}

}  // namespace alemsim
