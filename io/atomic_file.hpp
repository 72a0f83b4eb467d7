// Writes a file so that it appears under its final name complete or not at all.
#pragma once

#include <ext/stdio_filebuf.h>

#include <memory>
#include <ostream>
#include <string>

namespace alemsim {

// Creates a new temporary file "<path>.tmp-<random>" beside `path`, exclusively (O_EXCL |
// O_NOFOLLOW: a file or symbolic link already at that name is never opened, truncated or followed);
// commit() flushes it and renames it over `path`. If the object is destroyed without commit() (an
// exception, an early return) the temporary is removed, and on SIGINT/SIGTERM too
// (io/signal_cleanup.hpp). Throws std::runtime_error naming the path if the temporary cannot be
// created or written.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer_;  // owns the descriptor
  std::ostream out_{nullptr};
  bool committed_ = false;
};

// A name beside `path` for its temporary, "<path>.tmp-<12 random hex digits>", that names nothing
// at the moment it is chosen (the caller still creates it exclusively: it may be taken meanwhile,
// and a name the system refuses is returned for the create to report).
std::string temporary_path(const std::string& path);

// Throws std::runtime_error naming `path` if a file cannot be created there (checked before a long
// run, so a typo in the output path fails in a second, not after the simulation). Leaves no file.
void check_writable(const std::string& path);

}  // namespace alemsim
