// Integration tests of `alemsim validate`: the real binary on the shipped reference file, as CI runs
// it; a broken parameter makes it fail; bad input stops it with one line and exit code 2 and
// leaves no report behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using alemsim::test::run_cli;

// Population figures at 200 patients keep each run well under a second; the default (2000) is what
// `alemsim validate` itself runs.
const std::string kValidate = "validate --patients 200";

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_validate_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

TEST(ValidateCli, ShippedParametersPassAndTheTableIsPrinted) {
  const auto r = run_cli(kValidate);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  for (const char* header : {"quantity", "source", "reference", "simulated", "tolerance", "result"}) {
    EXPECT_NE(r.out.find(header), std::string::npos) << header;
  }
  EXPECT_NE(r.out.find("Cmax, course 1"), std::string::npos);
  EXPECT_NE(r.out.find("CD8+ T cells, month 12"), std::string::npos);
  EXPECT_NE(r.out.find("known deviations"), std::string::npos) << "the summary line counts known deviations";
  EXPECT_NE(r.out.find("numerical check"), std::string::npos);
  EXPECT_NE(r.out.find("PASSED"), std::string::npos);
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
}

TEST(ValidateCli, ABrokenParameterFailsTheMatchingFigureAndTheExitCode) {
  // Half the shipped linear clearance (0.9584 L/day): the half-life leaves the labelled 4-5 days.
  const auto r = run_cli(kValidate + " --set linear_clearance_l_per_day=0.4792");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  const auto row = r.out.find("Alpha half-life, course 1");
  ASSERT_NE(row, std::string::npos) << r.out;
  EXPECT_NE(r.out.substr(row, r.out.find('\n', row) - row).find("FAIL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAILED"), std::string::npos);
}

TEST(ValidateCli, HelpListsEveryOption) {
  const auto r = run_cli("validate --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--patients", "--report", "--reference", "--set", "--threads"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

TEST(ValidateCli, ReportHasThePageAndEveryPlot) {
  const fs::path dir = fresh_dir("report");
  const auto r = run_cli(kValidate + " --report '" + dir.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string page = read(dir / "report.md");
  EXPECT_NE(page.find("| Quantity | Source | Reference | Simulated |"), std::string::npos);
  for (const char* svg :
       {"concentration.svg", "washout.svg", "t_cells.svg", "b_cells.svg", "lymphocytes_lln.svg", "ada.svg"}) {
    EXPECT_NE(page.find(std::string("(") + svg + ")"), std::string::npos) << svg;
    const std::string text = read(dir / svg);
    EXPECT_EQ(text.rfind("<svg", 0), 0u) << svg;
    EXPECT_NE(text.find("</svg>"), std::string::npos) << svg;
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << "temporary left behind: " << entry.path();
  }
}

TEST(ValidateCli, AnUnwritableReportFolderIsAnErrorAndNothingIsWritten) {
  const fs::path dir = fresh_dir("missing-parent") / "report";
  const auto r = run_cli(kValidate + " --report '" + dir.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
  EXPECT_NE(r.out.find(dir.string()), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir.parent_path()));
}

TEST(ValidateCli, AMissingReferenceFileIsNamed) {
  const auto r = run_cli(kValidate + " --reference no/such.yaml");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
  EXPECT_NE(r.out.find("no/such.yaml: cannot open file"), std::string::npos) << r.out;
}

TEST(ValidateCli, AMalformedEntryIsNamedWithItsField) {
  const fs::path dir = fresh_dir("malformed");
  fs::create_directories(dir);
  std::string text = read(fs::path(ALEMSIM_SOURCE_DIR) / "validation" / "reference_figures.yaml");
  const std::string from = "    unit: ng/mL\n";
  text.replace(text.find(from), from.size(), "    unit: mg/L\n");
  std::ofstream(dir / "reference.yaml") << text;
  const fs::path report = dir / "report";
  const auto r = run_cli(kValidate + " --reference '" + (dir / "reference.yaml").string() + "' --report '" +
                         report.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(lines(r.out), 1) << r.out;
  EXPECT_NE(r.out.find("reference.yaml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("figures[0].unit"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(report)) << "no partial output";
}

TEST(ValidateCli, ABadParameterOverrideIsRefused) {
  for (const char* bad : {"no_such_parameter=1", "central_volume_l=abc", "central_volume_l=-1", "central_volume_l"}) {
    const auto r = run_cli(kValidate + " --set " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad << "\n" << r.out;
    EXPECT_EQ(lines(r.out), 1) << r.out;
    EXPECT_NE(r.out.find(std::string("--set ") + bad), std::string::npos) << r.out;
  }
}

}  // namespace
