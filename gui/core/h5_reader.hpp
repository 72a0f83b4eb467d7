// Reading numeric datasets and text attributes of an HDF5 file with shape checks, every error a
// std::runtime_error naming the file and the dataset, never an HDF5 exception or a message on stderr.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace H5 {
class DataSet;
}

namespace alemsim::gui {

class H5Reader {
 public:
  // Throws when the file does not exist, is not HDF5, or cannot be opened.
  explicit H5Reader(const std::string& path);
  ~H5Reader();
  H5Reader(const H5Reader&) = delete;
  H5Reader& operator=(const H5Reader&) = delete;

  const std::string& path() const { return path_; }

  bool has(const std::string& name) const;  // a dataset or group at that path, e.g. "/summary"
  // Names of the datasets directly in group `group` (none when it does not exist).
  std::vector<std::string> datasets_in(const std::string& group) const;
  // Names of the groups directly in group `group` (none when it does not exist).
  std::vector<std::string> groups_in(const std::string& group) const;

  // Shape of numeric dataset `name`; throws if it is absent, not numeric or not of rank `rank`, if
  // it declares far more values than the file stores for it, or if reading it whole would exceed
  // the memory budget (sim/memory_budget.hpp). Every read checks the shape first.
  std::vector<std::uint64_t> shape(const std::string& name, int rank) const;
  // Whole 1-D dataset as doubles.
  std::vector<double> read_vector(const std::string& name) const;
  // Rows [first, first + rows) of a 2-D dataset, row after row, as doubles.
  std::vector<double> read_rows(const std::string& name, std::uint64_t first, std::uint64_t rows) const;

  // Text attribute of the object at `object` ("/" for the root), or "" when there is none.
  std::string text_attribute(const std::string& object, const std::string& attribute) const;

 private:
  // Throws unless dataset `d` of shape `dims` is plausible (see shape()).
  void check_declared_size(const H5::DataSet& d, const std::string& name, const std::vector<unsigned long long>& dims) const;
  // Names of the children of `group` of HDF5 object type `type` (an H5O_type_t).
  std::vector<std::string> children_of(const std::string& group, int type) const;

  struct Impl;
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alemsim::gui
