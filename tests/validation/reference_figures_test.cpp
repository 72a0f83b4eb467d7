// The reference-file loader: the shipped file loads, and each kind of bad entry is refused with one
// line naming the file, the field and what was expected. Each error test breaks one thing in an
// otherwise valid file.
#include "validation/reference_figures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace alemsim {
namespace {

namespace fs = std::filesystem;
const std::string kSource = ALEMSIM_SOURCE_DIR;

// A valid file with one figure; `figure` replaces that figure's body (indented under "- ").
std::string file_with(const std::string& figure, const std::string& population = "  seed: 1\n  patients: 10\n") {
  return "population:\n" + population + "figures:\n" + figure;
}

const std::string kValidFigure =
    "  - id: cmax-course-1\n"
    "    quantity: Cmax, course 1\n"
    "    metric: cmax_ng_per_ml\n"
    "    course: 1\n"
    "    reference: 3014\n"
    "    unit: ng/mL\n"
    "    source: EU SmPC 5.2\n"
    "    statement: mean Cmax 3014 ng/mL\n"
    "    tolerance: {relative: 0.1, why: a mean without a spread}\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Writes `text` to a file in the test folder (beside which "../scenarios" resolves to the repository's
// scenarios through a link) and loads it.
ReferenceSet load_text(const std::string& text) {
  // One folder per process: CTest runs this file's tests in parallel processes.
  const fs::path dir =
      fs::temp_directory_path() / ("alemsim_reference_test_" + std::to_string(::getpid())) / "validation";
  fs::create_directories(dir);
  const fs::path scenarios = dir.parent_path() / "scenarios";
  const fs::path target = fs::path(kSource) / "scenarios";
  // /tmp is shared by every checkout on the machine: a link left by another (or a removed) one is replaced.
  if (fs::is_symlink(fs::symlink_status(scenarios)) && fs::read_symlink(scenarios) != target) fs::remove(scenarios);
  if (!fs::exists(fs::symlink_status(scenarios))) fs::create_directory_symlink(target, scenarios);
  const fs::path path = dir / "reference.yaml";
  std::ofstream(path) << text;
  return load_reference_figures(path.string());
}

// The error message for `text`, or "" if it loads.
std::string error_of(const std::string& text) {
  try {
    load_text(text);
  } catch (const ReferenceFileError& e) {
    return e.what();
  }
  return "";
}

TEST(ReferenceFigures, TheShippedFileLoads) {
  const ReferenceSet set = load_reference_figures(kSource + "/validation/reference_figures.yaml");
  EXPECT_GE(set.figures.size(), 30u);
  EXPECT_EQ(set.patients, 2000);
  for (const ReferenceFigure& f : set.figures) {
    EXPECT_FALSE(f.tolerance_why.empty()) << f.id;
    EXPECT_FALSE(f.statement.empty()) << f.id;
    if (f.status == FigureStatus::kKnownDeviation) {
      EXPECT_TRUE(f.metric->population) << f.id;
    }
  }
}

TEST(ReferenceFigures, AValidFileLoadsWithItsTolerance) {
  const ReferenceSet set = load_text(file_with(kValidFigure));
  ASSERT_EQ(set.figures.size(), 1u);
  const ReferenceFigure& f = set.figures[0];
  EXPECT_EQ(f.metric->metric, Metric::kCmax);
  EXPECT_EQ(f.course, 1);
  EXPECT_TRUE(f.is_point());
  EXPECT_DOUBLE_EQ(f.accepted_min(), 3014.0 * 0.9);
  EXPECT_DOUBLE_EQ(f.accepted_max(), 3014.0 * 1.1);
}

TEST(ReferenceFigures, TheLargerOfRelativeAndAbsoluteToleranceApplies) {
  ReferenceFigure f;
  f.min = f.max = 50.0;
  f.tolerance_relative = 0.3;
  f.tolerance_absolute = 30.0;
  EXPECT_DOUBLE_EQ(f.accepted_min(), 20.0);
  f.min = f.max = 280.0;
  EXPECT_DOUBLE_EQ(f.accepted_max(), 364.0);
}

TEST(ReferenceFigures, OneSidedBoundsStayOpen) {
  const ReferenceSet set = load_text(
      file_with(replaced(replaced(kValidFigure, "reference: 3014", "reference: {max: 4000}"), "relative: 0.1, ", "")));
  EXPECT_TRUE(std::isinf(set.figures[0].accepted_min()));
  EXPECT_DOUBLE_EQ(set.figures[0].accepted_max(), 4000.0);
}

struct BadCase {
  const char* name;
  std::string text;
  const char* field;     // must appear in the message
  const char* expected;  // and so must this
};

TEST(ReferenceFigures, EachBadEntryIsRefusedNamingFileAndField) {
  const std::vector<BadCase> cases{
      {"empty file", "", "reference.yaml", "file is empty"},
      {"invalid YAML", "population: [", "reference.yaml:", "not valid YAML"},
      {"unknown top-level key", file_with(kValidFigure) + "extra: 1\n", "extra", "unknown key"},
      {"population missing", "figures:\n" + kValidFigure, "population", "required key is missing"},
      {"no patients", file_with(kValidFigure, "  seed: 1\n  patients: 0\n"), "population.patients", "from 1 to 1000000000"},
      {"no figures", file_with(""), "figures", "non-empty list"},
      {"unknown metric", file_with(replaced(kValidFigure, "cmax_ng_per_ml", "cmax_mg")), "figures[0].metric",
       "unknown metric"},
      {"unknown field", file_with(kValidFigure + "    colour: red\n"), "figures[0].colour", "unknown key"},
      {"missing statement", file_with(replaced(kValidFigure, "    statement: mean Cmax 3014 ng/mL\n", "")),
       "figures[0].statement", "required key is missing"},
      {"missing reason for the tolerance", file_with(replaced(kValidFigure, ", why: a mean without a spread", "")),
       "figures[0].tolerance.why", "required key is missing"},
      {"negative tolerance", file_with(replaced(kValidFigure, "relative: 0.1", "relative: -0.1")),
       "figures[0].tolerance.relative", ">= 0"},
      {"wrong unit", file_with(replaced(kValidFigure, "unit: ng/mL", "unit: mg/L")), "figures[0].unit",
       "is in 'ng/mL'"},
      {"argument the metric does not take", file_with(kValidFigure + "    subset: cd4_cells_per_ul\n"),
       "figures[0].subset", "takes no subset"},
      {"missing course", file_with(replaced(kValidFigure, "    course: 1\n", "")), "figures[0].course",
       "required key is missing"},
      {"course outside the regimen", file_with(replaced(kValidFigure, "course: 1", "course: 3")), "figures[0].course",
       "1 to 2"},
      {"empty range", file_with(replaced(kValidFigure, "reference: 3014", "reference: {min: 5, max: 4}")),
       "figures[0].reference", "min <= max"},
      {"reference not a number", file_with(replaced(kValidFigure, "reference: 3014", "reference: high")),
       "figures[0].reference", "finite number"},
      {"bad id", file_with(replaced(kValidFigure, "id: cmax-course-1", "id: Cmax 1")), "figures[0].id", "lower-case"},
      {"duplicate id", file_with(kValidFigure + kValidFigure), "figures[1].id", "duplicate id"},
      {"unknown status", file_with(kValidFigure + "    status: later\n"), "figures[0].status", "expected active or"},
      {"unknown role", file_with(kValidFigure + "    role: guess\n"), "figures[0].role",
       "expected calibration, check or prediction"},
      {"typical-patient figure declared a known deviation",
       file_with(kValidFigure + "    status: known-deviation\n"), "figures[0].status",
       "only population figures"},
      {"unknown subset",
       file_with("  - id: x\n    quantity: x\n    metric: count_cells_per_ul\n    course: 1\n    months_after: 1\n"
                 "    subset: cd5_cells_per_ul\n    reference: 1\n    unit: cells/µL\n    source: s\n    statement: s\n"
                 "    tolerance: {why: w}\n"),
       "figures[0].subset", "cell-count output"},
      {"time past the validation run",
       file_with("  - id: x\n    quantity: x\n    metric: count_cells_per_ul\n    course: 2\n    months_after: 13\n"
                 "    subset: cd4_cells_per_ul\n    reference: 1\n    unit: cells/µL\n    source: s\n    statement: s\n"
                 "    tolerance: {why: w}\n"),
       "figures[0].months_after", "730-day validation run"},
      {"missing scenario file",
       file_with("  - id: x\n    quantity: x\n    metric: late_to_first_cd4_nadir_ratio\n    scenario: "
                 "../scenarios/none.yaml\n"
                 "    reference: {min: 1.5}\n    unit: x course-1 nadir\n    source: s\n    statement: s\n    "
                 "tolerance: {why: w}\n"),
       "figures[0].scenario", "no such file"},
  };
  for (const BadCase& c : cases) {
    const std::string message = error_of(c.text);
    EXPECT_NE(message.find("reference.yaml"), std::string::npos) << c.name << ": " << message;
    EXPECT_NE(message.find(c.field), std::string::npos) << c.name << ": " << message;
    EXPECT_NE(message.find(c.expected), std::string::npos) << c.name << ": " << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << c.name << ": one line";
  }
}

TEST(ReferenceFigures, TheRoleIsReadAndDefaultsToCheck) {
  const auto role_of = [](const std::string& extra) {
    const fs::path path = fs::temp_directory_path() / ("alemsim_role_" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path) << file_with(kValidFigure + extra);
    const ReferenceSet set = load_reference_figures(path.string());
    fs::remove(path);
    return set.figures.at(0).role;
  };
  EXPECT_EQ(role_of(""), FigureRole::kCheck);
  EXPECT_EQ(role_of("    role: calibration\n"), FigureRole::kCalibration);
  EXPECT_EQ(role_of("    role: prediction\n"), FigureRole::kPrediction);
}

TEST(ReferenceFigures, AMissingFileIsNamed) {
  try {
    load_reference_figures("no/such/reference.yaml");
    FAIL() << "expected ReferenceFileError";
  } catch (const ReferenceFileError& e) {
    EXPECT_NE(std::string(e.what()).find("no/such/reference.yaml: cannot open file"), std::string::npos) << e.what();
  }
}

TEST(ReferenceFigures, AShippedScenarioResolvesAgainstTheFilesFolder) {
  const ReferenceSet set =
      load_text(file_with("  - id: x\n    quantity: x\n    metric: late_to_first_cd4_nadir_ratio\n    scenario: "
                          "../scenarios/label-4-courses.yaml\n"
                          "    reference: {max: 1.2}\n    unit: x course-1 nadir\n    source: s\n    statement: s\n    "
                          "tolerance: {why: w}\n"));
  EXPECT_TRUE(fs::is_regular_file(set.figures[0].scenario_path)) << set.figures[0].scenario_path;
}

}  // namespace
}  // namespace alemsim
