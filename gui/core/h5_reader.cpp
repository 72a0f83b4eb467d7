#include "gui/core/h5_reader.hpp"

#include <filesystem>
#include <stdexcept>

#include <H5Cpp.h>

#include "sim/memory_budget.hpp"

namespace alemsim::gui {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw std::runtime_error(path + ": " + what); }

std::string detail(const H5::Exception& e) {
  const std::string message = e.getDetailMsg();
  return message.empty() ? "HDF5 error" : message;
}

// Largest ratio of a dataset's values to the bytes the file stores for it: deflate compresses by
// at most about 1032:1 (RFC 1951's longest match per code), and an uncompressed dataset stores every
// byte. A dataset declaring more (HDF5 lets a chunked dataset declare 2^50 rows and store none of
// them, reading back fill values) is refused before anything is allocated or read.
constexpr double kMaxCompressionRatio = 1100.0;

}  // namespace

void H5Reader::check_declared_size(const H5::DataSet& d, const std::string& name, const std::vector<hsize_t>& dims) const {
  double values = 1.0;
  for (hsize_t n : dims) values *= static_cast<double>(n);
  const double declared_bytes = values * static_cast<double>(d.getDataType().getSize());
  const double stored_bytes = static_cast<double>(d.getStorageSize());
  // A few kilobytes of headroom: a tiny dataset may declare more than it stores (e.g. fill values).
  if (declared_bytes > kMaxCompressionRatio * stored_bytes + 65536.0) {
    fail(path_, name + ": declares " + format_bytes(declared_bytes) + " of values but the file stores " +
                    format_bytes(stored_bytes) + " for it (damaged or not written by alemsim)");
  }
  // What reading it whole as doubles would take, against the memory one run may use.
  require_memory(values * sizeof(double), path_ + ": " + name, "open a smaller file");
}

struct H5Reader::Impl {
  H5::H5File file;
};

H5Reader::H5Reader(const std::string& path) : path_(path) {
  // The C++ API prints a trace of every failed call to stderr unless told not to; failures here are
  // reported as exceptions instead.
  H5::Exception::dontPrint();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) fail(path, "cannot open file (does it exist and is it a file?)");
  try {
    if (!H5::H5File::isHdf5(path)) fail(path, "not an HDF5 file");
    impl_ = std::make_unique<Impl>(Impl{H5::H5File(path, H5F_ACC_RDONLY)});
  } catch (const H5::Exception& e) {
    fail(path, "cannot open as HDF5: " + detail(e));
  }
}

H5Reader::~H5Reader() = default;

bool H5Reader::has(const std::string& name) const {
  // H5Lexists fails on a path through a missing group, so each step is checked.
  try {
    std::string prefix;
    std::size_t from = 1;
    while (from <= name.size()) {
      const std::size_t slash = std::min(name.find('/', from), name.size());
      prefix = name.substr(0, slash);
      if (!impl_->file.nameExists(prefix)) return false;
      from = slash + 1;
    }
    return true;
  } catch (const H5::Exception&) {
    return false;
  }
}

std::vector<std::string> H5Reader::datasets_in(const std::string& group) const { return children_of(group, H5O_TYPE_DATASET); }

std::vector<std::string> H5Reader::groups_in(const std::string& group) const { return children_of(group, H5O_TYPE_GROUP); }

std::vector<std::string> H5Reader::children_of(const std::string& group, int type) const {
  std::vector<std::string> out;
  if (!has(group)) return out;
  try {
    // The root is a group, but childObjType() cannot be asked about it.
    if (group != "/" && impl_->file.childObjType(group) != H5O_TYPE_GROUP) fail(path_, group + ": expected a group");
    const H5::Group g = impl_->file.openGroup(group);
    for (hsize_t i = 0; i < g.getNumObjs(); ++i) {
      const std::string name = g.getObjnameByIdx(i);
      if (g.childObjType(name) == static_cast<H5O_type_t>(type)) out.push_back(name);
    }
  } catch (const H5::Exception& e) {
    fail(path_, group + ": " + detail(e));
  }
  return out;
}

std::vector<std::uint64_t> H5Reader::shape(const std::string& name, int rank) const {
  if (!has(name)) fail(path_, name + ": missing");
  try {
    if (impl_->file.childObjType(name) != H5O_TYPE_DATASET) fail(path_, name + ": expected a dataset");
    const H5::DataSet d = impl_->file.openDataSet(name);
    const H5T_class_t type = d.getTypeClass();
    if (type != H5T_FLOAT && type != H5T_INTEGER) fail(path_, name + ": expected numbers");
    const H5::DataSpace space = d.getSpace();
    if (space.getSimpleExtentNdims() != rank) {
      fail(path_, name + ": expected " + std::to_string(rank) + " dimension(s), found " +
                      std::to_string(space.getSimpleExtentNdims()));
    }
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    space.getSimpleExtentDims(dims.data());
    check_declared_size(d, name, dims);
    return {dims.begin(), dims.end()};
  } catch (const H5::Exception& e) {
    fail(path_, name + ": " + detail(e));
  }
}

std::vector<double> H5Reader::read_vector(const std::string& name) const {
  const auto dims = shape(name, 1);
  std::vector<double> values(dims[0]);
  try {
    if (!values.empty()) impl_->file.openDataSet(name).read(values.data(), H5::PredType::NATIVE_DOUBLE);
  } catch (const H5::Exception& e) {
    fail(path_, name + ": " + detail(e));
  }
  return values;
}

std::vector<double> H5Reader::read_rows(const std::string& name, std::uint64_t first, std::uint64_t rows) const {
  const auto dims = shape(name, 2);
  if (first + rows > dims[0]) {
    fail(path_, name + ": rows " + std::to_string(first) + "-" + std::to_string(first + rows) + " past its " +
                    std::to_string(dims[0]) + " rows");
  }
  std::vector<double> values(rows * dims[1]);
  if (values.empty()) return values;
  try {
    const H5::DataSet d = impl_->file.openDataSet(name);
    H5::DataSpace file_space = d.getSpace();
    const hsize_t start[2] = {first, 0};
    const hsize_t count[2] = {rows, dims[1]};
    file_space.selectHyperslab(H5S_SELECT_SET, count, start);
    const H5::DataSpace memory_space(2, count);
    d.read(values.data(), H5::PredType::NATIVE_DOUBLE, memory_space, file_space);
  } catch (const H5::Exception& e) {
    fail(path_, name + ": " + detail(e));
  }
  return values;
}

std::string H5Reader::text_attribute(const std::string& object, const std::string& attribute) const {
  const auto read = [&](const H5::H5Object& target) -> std::string {
    if (!target.attrExists(attribute)) return {};
    const H5::Attribute a = target.openAttribute(attribute);
    if (a.getTypeClass() != H5T_STRING) return {};
    std::string value;
    a.read(a.getStrType(), value);
    return value;
  };
  try {
    if (object == "/") return read(impl_->file.openGroup("/"));
    if (!has(object)) return {};
    if (impl_->file.childObjType(object) == H5O_TYPE_GROUP) return read(impl_->file.openGroup(object));
    return read(impl_->file.openDataSet(object));
  } catch (const H5::Exception&) {
    // A damaged or foreign attribute is treated as absent: it only labels what the datasets hold.
    return {};
  }
}

}  // namespace alemsim::gui
