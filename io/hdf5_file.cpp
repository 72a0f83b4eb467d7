#include "io/hdf5_file.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "io/hdf5_names.hpp"
#include "io/hdf5_output.hpp"
#include "io/signal_cleanup.hpp"

namespace alemsim::hdf5 {

void set_text(H5::H5Object& object, const char* name, const std::string& value) {
  const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
}

void set_number(H5::H5Object& object, const char* name, double value) {
  object.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR))
      .write(H5::PredType::NATIVE_DOUBLE, &value);
}

void set_provenance(H5::Group& root, std::uint64_t seed) {
  set_text(root, hdf5_names::kSeed, std::to_string(seed));
  set_text(root, hdf5_names::kVersion, alemsim_version());
  set_text(root, hdf5_names::kGitCommit, alemsim_git_commit());
  set_text(root, hdf5_names::kLayout, "docs/output-format.md");
}

H5::DataSet create(H5::Group& group, const std::string& name, const H5::PredType& type, std::vector<hsize_t> dims,
                   std::vector<hsize_t> chunk, bool compress) {
  H5::DSetCreatPropList props;
  if (!chunk.empty()) {
    for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = std::max<hsize_t>(1, std::min(chunk[i], dims[i]));
    props.setChunk(static_cast<int>(chunk.size()), chunk.data());
    if (compress) {
      props.setShuffle();  // bytes of equal significance together: float series compress twice as well
      props.setDeflate(1);
    }
  }
  const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
  return group.createDataSet(name, type, space, props);
}

void write_rows(H5::DataSet& d, hsize_t first_row, hsize_t rows, hsize_t columns, const void* data,
                const H5::PredType& memory_type) {
  H5::DataSpace file_space = d.getSpace();
  const hsize_t start[2] = {first_row, 0};
  const hsize_t count[2] = {rows, columns};
  file_space.selectHyperslab(H5S_SELECT_SET, count, start);
  const H5::DataSpace memory_space(2, count);
  d.write(data, memory_type, memory_space, file_space);
}

void write_range(H5::DataSet& d, hsize_t first, hsize_t count, const void* data, const H5::PredType& memory_type) {
  H5::DataSpace file_space = d.getSpace();
  file_space.selectHyperslab(H5S_SELECT_SET, &count, &first);
  d.write(data, memory_type, H5::DataSpace(1, &count), file_space);
}

namespace {

std::atomic<bool> g_file_abandoned{false};

}  // namespace

bool any_file_abandoned() { return g_file_abandoned.load(); }

AtomicH5File::AtomicH5File(std::string path) : path_(std::move(path)), temp_path_(temporary_path(path_)) {
  H5::Exception::dontPrint();
  // H5F_ACC_EXCL opens with O_CREAT | O_EXCL: a file or symbolic link planted at the temporary's
  // name since temporary_path() chose it makes this fail instead of truncating what it points to.
  try {
    // The 1.10 file format: a dataset held in one chunk needs no chunk index and object headers are
    // smaller, which halved the overhead of a study file's thousands of small datasets. Readable by
    // HDF5 1.10 and later (Debian 12's h5py and R rhdf5 among them).
    H5::FileAccPropList access;
    access.setLibverBounds(H5F_LIBVER_V110, H5F_LIBVER_V110);
    file_ = std::make_unique<H5::H5File>(temp_path_, H5F_ACC_EXCL, H5::FileCreatPropList::DEFAULT, access);
  } catch (const H5::Exception&) {
    throw std::runtime_error(path_ + ": cannot create output file " + temp_path_ + ": " + std::strerror(errno));
  }
  register_temporary_file(temp_path_.c_str());
}

AtomicH5File::~AtomicH5File() {
  if (committed_) return;
  close_quietly();
  std::remove(temp_path_.c_str());
  unregister_temporary_file(temp_path_.c_str());
}

void AtomicH5File::close_quietly() noexcept {
  if (!file_) return;
  try {
    file_->close();
    file_.reset();
  } catch (const H5::Exception&) {
    abandon();
  }
}

void AtomicH5File::abandon() noexcept {
  (void)file_.release();  // never closed twice: see the header
  g_file_abandoned = true;
  std::remove(temp_path_.c_str());
  unregister_temporary_file(temp_path_.c_str());
  committed_ = true;  // nothing left for the destructor to do
}

void AtomicH5File::commit() {
  try {
    file_->close();
  } catch (const H5::Exception&) {
    abandon();
    throw std::runtime_error(path_ + ": writing the output file failed (disk full?)");
  }
  file_.reset();
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot move the finished output into place: " + std::strerror(errno));
  }
  committed_ = true;
  unregister_temporary_file(temp_path_.c_str());
}

}  // namespace alemsim::hdf5
