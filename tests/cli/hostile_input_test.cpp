// Issue 13, "hostile input and faults": the real binary, run as a careless or hostile user would,
// under a time limit and (outside sanitizer builds, whose shadow memory needs terabytes of address
// space) a memory limit, so a hang or a blow-up fails the test instead of the machine. Every case
// must end with one line "alemsim: error: ...", the documented exit code, and nothing written.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/cli/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using alemsim::test::Outcome;
using alemsim::test::run_shell;

const fs::path kSource = ALEMSIM_SOURCE_DIR;

// `alemsim ARGS` from the source folder, killed after `seconds`, limited to 2 GiB of address space
// (the reproductions of issue 13 reached 7-12 GB). `prefix` runs in the shell first (e.g. ulimit -f).
Outcome run_limited(const std::string& args, int seconds = 60, const std::string& prefix = "") {
#ifdef ALEMSIM_SANITIZED
  const std::string memory_limit;
#else
  const std::string memory_limit = "ulimit -v 2097152; ";
#endif
  return run_shell("cd '" + kSource.string() + "' && timeout -k 5 " + std::to_string(seconds) + " sh -c \"" + prefix +
                   memory_limit + "exec '" + ALEMSIM_CLI + "' " + args + "\"");
}

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// Folder for one test's files, emptied first; one per process, as ctest runs tests in parallel.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_hostile_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The names in `dir`, for "nothing left behind".
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  return names;
}

void expect_one_line_error(const Outcome& r, const std::string& starts_with, int exit_code = 1) {
  EXPECT_EQ(r.exit_code, exit_code) << r.out;
  EXPECT_EQ(r.out.rfind("alemsim: error: " + starts_with, 0), 0u) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
}

// Every scenario file in tests/data/bad, run, fails in its own line, promptly, writing nothing.
std::vector<std::string> bad_files(bool studies) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/data/bad")) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("study-") == studies) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class BadScenarioFile : public testing::TestWithParam<std::string> {};

TEST_P(BadScenarioFile, FailsAtOnceInOneLineAndWritesNothing) {
  const fs::path out = scratch("bad_scenario");
  const std::string file = "tests/data/bad/" + GetParam();
  for (const char* name : {"out.csv", "out.h5"}) {
    SCOPED_TRACE(name);
    expect_one_line_error(run_limited("run " + file + " --patients 20 --out " + (out / name).string()), file);
  }
  EXPECT_TRUE(names_in(out).empty());
}

INSTANTIATE_TEST_SUITE_P(EveryFile, BadScenarioFile, testing::ValuesIn(bad_files(false)),
                         [](const auto& test) {
                           std::string name = test.param.substr(0, test.param.find('.'));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

class BadStudyFile : public testing::TestWithParam<std::string> {};

TEST_P(BadStudyFile, FailsAtOnceInOneLineAndWritesNothing) {
  const fs::path out = scratch("bad_study") / "out";
  const std::string file = "tests/data/bad/" + GetParam();
  expect_one_line_error(run_limited("study " + file + " --out " + out.string()), file);
  EXPECT_FALSE(fs::exists(out));
}

INSTANTIATE_TEST_SUITE_P(EveryFile, BadStudyFile, testing::ValuesIn(bad_files(true)), [](const auto& test) {
  std::string name = test.param.substr(0, test.param.find('.'));
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

// Before: a FIFO blocked forever, /dev/zero was read past 10 GiB, a folder gave basic_filebuf::underflow.
TEST(HostileInput, OnlyRegularFilesAreRead) {
  const fs::path dir = scratch("special_files");
  const fs::path fifo = dir / "scenario.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::pair<std::string, std::string> inputs[] = {
      {fifo.string(), "is a FIFO (named pipe); expected a regular file"},
      {"/dev/zero", "is a device; expected a regular file"},
      {"scenarios", "is a folder; expected a regular file"}};
  for (const auto& [path, message] : inputs) {
    SCOPED_TRACE(path);
    for (const std::string& command : {"run " + path, "study " + path}) {
      const Outcome r = run_limited(command, 20);
      expect_one_line_error(r, path + ": " + message);
    }
    expect_one_line_error(run_limited("validate --reference " + path, 20), path + ": " + message, 2);
  }
}

TEST(HostileInput, AnInputFileOverSixteenMebibytesIsRefusedUnread) {
  const fs::path big = scratch("big_file") / "big.yaml";
  { std::ofstream(big) << "# " << std::string(17u << 20, 'x') << "\n"; }
  expect_one_line_error(run_limited("run " + big.string(), 20), big.string() + ": is 17825795 bytes; expected a file of at most 16 MiB");
}

// Before: CLI11's exit codes 104-114 and two lines; threads 100000 crashed libgomp; -1 and 2^64
// silently became 2^64-1 and 2^63-1.
TEST(HostileInput, BadOptionsAreOneLineWithTheDocumentedExitCode) {
  const std::pair<std::string, std::string> cases[] = {
      {"run scenarios/label.yaml --patients 64 --threads 100000", "--threads: expected a whole number from 0 to 1024"},
      {"run scenarios/label.yaml --threads -1", "--threads: expected a whole number from 0 to 1024, got '-1'"},
      {"run scenarios/label.yaml --seed -1", "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'"},
      {"run scenarios/label.yaml --seed 18446744073709551616", "--seed: expected a whole number"},
      {"run scenarios/label.yaml --patients 18446744073709551616", "--patients: expected a whole number from 1 to 1000000000"},
      {"run scenarios/label.yaml --patients abc", "--patients: expected a whole number"},
      {"run scenarios/label.yaml --patients 1e3", "--patients: expected a whole number"},
      {"run scenarios/label.yaml --bogus", "The following argument was not expected: --bogus"},
      {"study scenarios/study-dose.yaml --threads 5000", "--threads: expected a whole number from 0 to 1024"},
      {"--bogus", "A subcommand is required"},
      {"", "A subcommand is required"},
      {"fly", "A subcommand is required"}};
  for (const auto& [args, message] : cases) {
    SCOPED_TRACE(args);
    expect_one_line_error(run_limited(args, 20), message);
  }
  // validate's exit code 1 means "a figure failed"; a command line it cannot run is 2.
  expect_one_line_error(run_limited("validate --patients 0", 20), "--patients: expected a whole number from 1", 2);
  expect_one_line_error(run_limited("validate --bogus", 20), "The following argument was not expected: --bogus", 2);
}

// A full disk, made with a file size limit (SIGXFSZ ignored, so writes fail with EFBIG as on a
// full filesystem). Before: SIGSEGV from closing the HDF5 file twice, no error line.
TEST(HostileInput, AFullDiskIsOneErrorLineAndNoFile) {
  const fs::path dir = scratch("full_disk");
  for (const char* limit_kib : {"2048", "64"}) {
    SCOPED_TRACE(limit_kib);
    const std::string prefix = std::string("trap '' XFSZ; ulimit -f ") + limit_kib + "; ";
    for (const char* name : {"out.h5", "out.csv"}) {
      SCOPED_TRACE(name);
      const std::string out = (dir / name).string();
      const Outcome r = run_limited("run scenarios/label.yaml --patients 200 --quiet --out " + out, 120, prefix);
      EXPECT_EQ(r.exit_code, 1) << r.out;
      EXPECT_NE(r.out.find("alemsim: error: " + out + ": writing the output file failed (disk full?)"), std::string::npos)
          << r.out;
      EXPECT_EQ(r.out.find("alemsim: error:"), r.out.rfind("alemsim: error:")) << "one error line\n" << r.out;
    }
    const Outcome s = run_limited("study scenarios/study-dose.yaml --patients 100 --quiet --out " + (dir / "study").string(),
                                  120, prefix);
    EXPECT_EQ(s.exit_code, 1) << s.out;
    EXPECT_EQ(lines(s.out), 1) << s.out;
    EXPECT_TRUE(names_in(dir).empty()) << names_in(dir).front();
  }
}

// Before: the temporary "X.h5.tmp-<pid>" of 600-870 MB stayed behind.
TEST(HostileInput, AnInterruptedRunRemovesItsTemporaryAndKeepsTheOldFile) {
  const fs::path dir = scratch("signals");
  const fs::path out = dir / "results.h5";
  { std::ofstream(out) << "the previous results"; }
  for (const auto& [signal, code] : {std::pair{"INT", 130}, std::pair{"TERM", 143}}) {
    SCOPED_TRACE(signal);
    // Started in the background; signalled once its temporary exists (the run takes minutes).
    const fs::path script = dir.parent_path() / "signal.sh";
    std::ofstream(script) << "cd '" << kSource.string() << "'\n'" << ALEMSIM_CLI
                          << "' run scenarios/label.yaml --patients 1000000 --quiet --out '" << out.string() << "' &\n"
                          << "pid=$!\nfor i in $(seq 200); do ls '" << dir.string()
                          << "' | grep -q tmp && break; sleep 0.1; done\nkill -" << signal
                          << " $pid\nwait $pid\necho exit=$?\n";
    const Outcome r = run_shell("timeout -k 5 60 sh '" + script.string() + "'");
    EXPECT_NE(r.out.find("exit=" + std::to_string(code)), std::string::npos) << r.out;
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"results.h5"});
    std::ifstream in(out);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "the previous results");
  }
}

// An output name the system refuses (too long) is an error at once: a first version of the random
// temporary names looked for a free name for ever.
TEST(HostileInput, AnOutputNameTooLongIsAnErrorNotAHang) {
  const std::string out = (scratch("long_name") / (std::string(300, 'x') + ".csv")).string();
  for (const char* how : {"--typical", "--patients 4"}) {
    SCOPED_TRACE(how);
    const Outcome r = run_limited(std::string("run scenarios/label.yaml ") + how + " --out " + out, 20);
    expect_one_line_error(r, out + ": cannot create output file: File name too long");
  }
  const Outcome h5 = run_limited("run scenarios/label.yaml --patients 4 --out " + out + ".h5", 20);
  expect_one_line_error(h5, out + ".h5: cannot create output file");
}

// Before: the temporary was "<out>.tmp-<pid>", opened with O_TRUNC and following symbolic links, so
// another user who planted links at the next process ids' names truncated the file they pointed to.
TEST(HostileInput, LinksPlantedAtPredictableTemporaryNamesAreNeverFollowed) {
  const fs::path dir = scratch("planted_links");
  const fs::path victim = dir / "victim.txt";
  { std::ofstream(victim) << "precious"; }
  const pid_t next = ::getpid();
  for (const char* name : {"out.csv", "out.h5"}) {
    const fs::path out = dir / name;
    for (pid_t pid = next; pid < next + 400; ++pid) fs::create_symlink(victim, out.string() + ".tmp-" + std::to_string(pid));
    const Outcome r = run_limited("run scenarios/label.yaml --patients 4 --quiet --out " + out.string(), 60);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(out))) << name;
  }
  std::ifstream in(victim);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "precious");
}

}  // namespace
