// The HDF5 results file as a user reads it: documented names, units, and identical numbers whatever
// the thread count. Runs the real CLI.
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <H5Cpp.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;
const std::string kCli = ALEMSIM_CLI;

int run(const std::string& args) {
  const std::string command = "cd '" + kSource.string() + "' && '" + kCli + "' " + args + " > /dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every dataset in the file, by path, as raw bytes.
std::map<std::string, std::vector<char>> read_all(const fs::path& file) {
  std::map<std::string, std::vector<char>> out;
  H5::H5File f(file.string(), H5F_ACC_RDONLY);
  std::vector<std::string> pending{"/"};
  while (!pending.empty()) {
    const std::string group_path = pending.back();
    pending.pop_back();
    H5::Group g = f.openGroup(group_path);
    for (hsize_t i = 0; i < g.getNumObjs(); ++i) {
      const std::string name = g.getObjnameByIdx(i);
      const std::string path = (group_path == "/" ? "" : group_path) + "/" + name;
      if (g.getObjTypeByIdx(i) == H5G_GROUP) {
        pending.push_back(path);
        continue;
      }
      H5::DataSet d = f.openDataSet(path);
      std::vector<char> bytes(d.getStorageSize() == 0 ? 0 : d.getSpace().getSimpleExtentNpoints() * d.getDataType().getSize());
      if (!bytes.empty()) d.read(bytes.data(), d.getDataType());
      out[path] = std::move(bytes);
    }
  }
  return out;
}

fs::path temp(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_hdf5_test";
  fs::create_directories(dir);
  fs::remove(dir / name);
  return dir / name;
}

TEST(Hdf5Output, SameSeedOneOrTwoThreadsGivesIdenticalDatasets) {
  const fs::path a = temp("a.h5"), b = temp("b.h5");
  ASSERT_EQ(run("run scenarios/label-4-courses.yaml --patients 300 --keep-series 20 --threads 1 --out '" + a.string() + "'"), 0);
  ASSERT_EQ(run("run scenarios/label-4-courses.yaml --patients 300 --keep-series 20 --threads 2 --out '" + b.string() + "'"), 0);
  const auto da = read_all(a), db = read_all(b);
  ASSERT_FALSE(da.empty());
  EXPECT_EQ(da.size(), db.size());
  for (const auto& [path, bytes] : da) {
    ASSERT_TRUE(db.contains(path)) << path;
    EXPECT_EQ(bytes, db.at(path)) << path;
  }
}

TEST(Hdf5Output, CompressedSeriesHoldTheSameNumbersInLessSpace) {
  const fs::path plain = temp("plain.h5"), packed = temp("packed.h5");
  ASSERT_EQ(run("run scenarios/label-4-courses.yaml --patients 200 --out '" + plain.string() + "'"), 0);
  ASSERT_EQ(run("run scenarios/label-4-courses.yaml --patients 200 --compress --out '" + packed.string() + "'"), 0);
  EXPECT_EQ(read_all(plain), read_all(packed));
  const H5::H5File f(packed.string(), H5F_ACC_RDONLY);
  const H5::DataSet series = f.openDataSet("/series/cd4_cells_per_ul");
  EXPECT_TRUE(H5Pget_filter_by_id2(series.getCreatePlist().getId(), H5Z_FILTER_DEFLATE, nullptr, nullptr, nullptr, 0,
                                   nullptr, nullptr) >= 0);
  EXPECT_LT(fs::file_size(packed), fs::file_size(plain) * 3 / 4);
}

TEST(Hdf5Output, CompressWithoutAnHdf5FileIsAnError) {
  const fs::path csv = temp("compressed.csv");
  EXPECT_EQ(run("run scenarios/label.yaml --patients 5 --compress --out '" + csv.string() + "'"), 1);
  EXPECT_FALSE(fs::exists(csv));
}

TEST(Hdf5Output, LayoutHasTheDocumentedNamesShapesAndUnits) {
  const fs::path file = temp("layout.h5");
  ASSERT_EQ(run("run scenarios/label.yaml --patients 50 --keep-series 10 --out '" + file.string() + "'"), 0);
  H5::H5File f(file.string(), H5F_ACC_RDONLY);
  const auto dims = [&](const std::string& path) {
    H5::DataSpace space = f.openDataSet(path).getSpace();
    std::vector<hsize_t> d(static_cast<std::size_t>(space.getSimpleExtentNdims()));
    space.getSimpleExtentDims(d.data());
    return d;
  };
  const hsize_t t = dims("/time_day").at(0);
  EXPECT_GT(t, 2192u);
  for (const char* q : {"concentration_ng_per_ml", "cd4_cells_per_ul", "cd8_cells_per_ul", "cd19_cells_per_ul",
                        "nk_cells_per_ul", "lymphocytes_cells_per_ul", "ada_titer"}) {
    EXPECT_EQ(dims(std::string("/series/") + q), (std::vector<hsize_t>{10, t})) << q;
    EXPECT_EQ(dims(std::string("/summary/") + q), (std::vector<hsize_t>{5, t})) << q;
    EXPECT_TRUE(f.openDataSet(std::string("/series/") + q).attrExists("units")) << q;
  }
  EXPECT_EQ(dims("/metrics/cmax_ng_per_ml"), (std::vector<hsize_t>{50, 2}));
  EXPECT_EQ(dims("/metrics/days_to_lln_cd4"), (std::vector<hsize_t>{50, 2}));
  EXPECT_EQ(dims("/parameters/central_volume_l"), (std::vector<hsize_t>{50}));
  EXPECT_EQ(dims("/parameters/weight_kg"), (std::vector<hsize_t>{50}));
  EXPECT_EQ(dims("/status"), (std::vector<hsize_t>{50}));
  for (const char* attribute : {"scenario", "seed", "alemsim_version", "git_commit"}) {
    EXPECT_TRUE(f.openGroup("/").attrExists(attribute)) << attribute;
  }
}

TEST(Hdf5Output, BadRequestsLeaveNoFile) {
  const fs::path file = temp("bad.h5");
  EXPECT_EQ(run("run scenarios/label.yaml --patients 10 --keep-series 11 --out '" + file.string() + "'"), 1);
  EXPECT_EQ(run("run scenarios/label.yaml --patients 0 --out '" + file.string() + "'"), 1);
  EXPECT_EQ(run("run scenarios/label.yaml --patients 10 --out /nonexistent-dir/x.h5"), 1);
  EXPECT_EQ(run("run tests/data/bad/not-positive-definite.yaml --patients 10 --out '" + file.string() + "'"), 1);
  EXPECT_FALSE(fs::exists(file));
  for (const auto& entry : fs::directory_iterator(file.parent_path())) {
    EXPECT_EQ(entry.path().filename().string().find("bad.h5.tmp"), std::string::npos);
  }
}

}  // namespace
