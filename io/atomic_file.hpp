// Writes a file so that it appears under its final name complete or not at all.
#pragma once

#include <fstream>
#include <string>

namespace alemsim {

// Opens "<path>.tmp-<pid>" beside `path`; commit() flushes it and renames it over `path`. If the
// object is destroyed without commit() (an exception, an early return) the temporary is removed.
// Throws std::runtime_error naming the path if the temporary cannot be created or written.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return out_; }
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool committed_ = false;
};

// The temporary name beside `path` that a file is written under before it is renamed: "<path>.tmp-<pid>".
std::string temporary_path(const std::string& path);

// Throws std::runtime_error naming `path` if a file cannot be created there (checked before a long
// run, so a typo in the output path fails in a second, not after the simulation). Leaves no file.
void check_writable(const std::string& path);

}  // namespace alemsim
