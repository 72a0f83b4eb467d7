// HDF5 pieces shared by the writers in io: text and number attributes, datasets written a block
// at a time, and a file that appears under its final name complete or not at all. Internal to io:
// it exposes HDF5 types, which the engine and the CLI never see.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <H5Cpp.h>

namespace alemsim::hdf5 {

void set_text(H5::H5Object& object, const char* name, const std::string& value);
void set_number(H5::H5Object& object, const char* name, double value);
// The root attributes every alemsim file carries: seed, alemsim_version, git_commit, layout.
void set_provenance(H5::Group& root, std::uint64_t seed);

// A dataset of shape `dims`, chunked by `chunk` (each clamped to 1..dims) unless `chunk` is empty;
// with `compress` (chunked only), stored with the shuffle and deflate (level 1) filters.
H5::DataSet create(H5::Group& group, const std::string& name, const H5::PredType& type, std::vector<hsize_t> dims,
                   std::vector<hsize_t> chunk = {}, bool compress = false);

// Writes rows [first_row, first_row + rows) of a 2-D dataset with `columns` columns from row-major `data`.
void write_rows(H5::DataSet& d, hsize_t first_row, hsize_t rows, hsize_t columns, const void* data,
                const H5::PredType& memory_type);

// Writes elements [first, first + count) of a 1-D dataset.
void write_range(H5::DataSet& d, hsize_t first, hsize_t count, const void* data, const H5::PredType& memory_type);

// An HDF5 file created exclusively as temporary_path(path) and renamed over `path` by commit().
// Destroyed without commit() (an error, an exception), it is closed and removed; on SIGINT/SIGTERM
// it is removed too (io/signal_cleanup.hpp).

class AtomicH5File {
 public:
  // Throws std::runtime_error naming the path if the temporary cannot be created.
  explicit AtomicH5File(std::string path);
  ~AtomicH5File();
  AtomicH5File(const AtomicH5File&) = delete;
  AtomicH5File& operator=(const AtomicH5File&) = delete;

  H5::H5File& file() { return *file_; }
  // Closes the file and renames it into place. Throws std::runtime_error naming the path if
  // closing (the last writes) or the rename fails; the temporary is then removed by the destructor.
  void commit();
  // A failed write (a full disk) poisons an HDF5 file: every close writes again and fails, and a
  // second close, as the C++ wrappers' destructors attempt, crashed HDF5 1.10. abandon() removes
  // the temporary and leaks the file handle, never to be closed; the owner leaks the objects holding
  // the file's datasets too. The library's own exit handler would still close them, and crash: a
  // process that abandoned a file ends with std::_Exit (any_file_abandoned()).
  void abandon() noexcept;

 private:
  std::string path_;
  std::string temp_path_;
  std::unique_ptr<H5::H5File> file_;  // null once closed
  bool committed_ = false;
  void close_quietly() noexcept;
};

// True once an AtomicH5File was abandoned in this process.
bool any_file_abandoned();

}  // namespace alemsim::hdf5
