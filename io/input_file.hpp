// Reads an input file (scenario, study, reference figures) the one safe way: only a regular file,
// never more than a size cap, never blocking on a FIFO or a device.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace alemsim {

// Largest input file alemsim reads: the shipped scenarios are 1-3 KB and the reference figures
// 40 KB, so 16 MiB is far beyond any real file and far below what could exhaust memory.
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{16} << 20;

// Thrown with a message that starts with the path and says what was wrong.
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole text of the regular file at `path`. Throws InputFileError if it does not exist, cannot
// be read, is a folder, FIFO, device or socket, or is larger than `max_bytes`. The file is opened
// without blocking (a FIFO with no writer would otherwise block the open forever) and checked
// after opening, so the file read is the file checked.
std::string read_input_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

}  // namespace alemsim
