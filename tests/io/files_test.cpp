// Reading input files and writing output files safely (issue 13): only regular files under a size
// cap are read; an output's temporary has an unpredictable name, is created exclusively, and is
// gone after commit or an error.
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic_file.hpp"
#include "io/input_file.hpp"

namespace alemsim {
namespace {

namespace fs = std::filesystem;

fs::path scratch() {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_files_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

std::string error_reading(const std::string& path, std::size_t cap = kMaxInputFileBytes) {
  try {
    read_input_file(path, cap);
  } catch (const InputFileError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(InputFile, ReadsARegularFileWhole) {
  const fs::path file = scratch() / "ok.yaml";
  std::ofstream(file) << "horizon_day: 10\n";
  EXPECT_EQ(read_input_file(file.string()), "horizon_day: 10\n");
}

TEST(InputFile, RefusesWhatIsNotARegularFileOrIsTooLarge) {
  const fs::path dir = scratch();
  const fs::path fifo = dir / "fifo.yaml";
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_reading(fifo.string()), fifo.string() + ": is a FIFO (named pipe); expected a regular file");
  EXPECT_EQ(error_reading("/dev/zero"), "/dev/zero: is a device; expected a regular file");
  EXPECT_EQ(error_reading(dir.string()), dir.string() + ": is a folder; expected a regular file");
  EXPECT_NE(error_reading((dir / "missing.yaml").string()).find("cannot open file (No such file or directory"),
            std::string::npos);
  const fs::path big = dir / "big.yaml";
  std::ofstream(big) << std::string(3u << 20, 'x');
  EXPECT_EQ(error_reading(big.string(), std::size_t{2} << 20),
            big.string() + ": is 3145728 bytes; expected a file of at most 2 MiB");
}

TEST(AtomicFile, TemporaryNamesAreRandomNotTheProcessId) {
  const std::string path = (scratch() / "out.csv").string();
  std::set<std::string> names;
  for (int i = 0; i < 20; ++i) names.insert(temporary_path(path));
  EXPECT_EQ(names.size(), 20u);
  for (const std::string& name : names) {
    EXPECT_EQ(name.rfind(path + ".tmp-", 0), 0u) << name;
    EXPECT_EQ(name.size(), path.size() + 5 + 12) << name;
    EXPECT_EQ(name.substr(path.size()).find(std::to_string(::getpid())), std::string::npos) << name;
  }
}

TEST(AtomicFile, CommitRenamesAndAnAbandonedFileLeavesNothing) {
  const fs::path dir = scratch() / "atomic";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    AtomicFile file((dir / "kept.txt").string());
    file.stream() << "written";
    file.commit();
  }
  {
    AtomicFile file((dir / "dropped.txt").string());
    file.stream() << "never committed";
  }
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  EXPECT_EQ(names, std::set<std::string>{"kept.txt"});
  std::ifstream in(dir / "kept.txt");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "written");
  EXPECT_THROW(AtomicFile((dir / "no-such-folder" / "x.txt").string()), std::runtime_error);
  EXPECT_THROW(check_writable(dir.string()), std::runtime_error) << "a folder";
}

}  // namespace
}  // namespace alemsim
