// Lessons: every shipped lesson reads and its scenarios load; the lesson text's blocks; the plot
// choice a lesson's view sets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gui/core/simulation.hpp"
#include "gui/viewer/lessons.hpp"
#include "gui/viewer/plot_choice.hpp"
#include "io/scenario.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

namespace fs = std::filesystem;
const fs::path kLessons = fs::path(ALEMSIM_SOURCE_DIR) / "scenarios/lessons";

TEST(Lessons, EveryShippedLessonReadsAndEveryVariantScenarioLoads) {
  const std::vector<std::string> names = list_lessons(kLessons.string());
  for (const char* expected : {"labelled-regimen", "target-mediated-clearance", "depletion-and-repopulation",
                               "anti-drug-antibodies", "missed-dose"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  std::vector<std::string> columns;
  for (const OutputQuantity& q : patient_outputs()) columns.emplace_back(q.column);
  for (const std::string& name : names) {
    const Lesson lesson = load_lesson((kLessons / (name + ".yaml")).string());
    EXPECT_EQ(lesson.name, name);
    EXPECT_FALSE(lesson_blocks(lesson.text).empty());
    for (const LessonVariant& v : lesson.variants) EXPECT_NO_THROW(load_scenario(v.scenario_path)) << v.scenario_path;
    for (const std::string& column : lesson.view.plots) {
      EXPECT_NE(std::find(columns.begin(), columns.end(), column), columns.end()) << name << ": " << column;
    }
  }
}

// Course 1 of the typical patient of a lesson variant.
CourseSummary course_1(const LessonVariant& v) {
  const Scenario scenario = load_scenario(v.scenario_path);
  return simulate_typical(scenario, viewer_plan(scenario)).courses.at(0);
}

TEST(Lessons, TwiceTheLymphocytesClearTheDrugFasterAndNoTargetMeansLinearKinetics) {
  const Lesson lesson = load_lesson((kLessons / "target-mediated-clearance.yaml").string());
  ASSERT_EQ(lesson.variants.size(), 3u);
  const CourseSummary normal = course_1(lesson.variants[0]);
  const CourseSummary twice = course_1(lesson.variants[1]);
  const CourseSummary none = course_1(lesson.variants[2]);
  EXPECT_LT(twice.cmax_ng_per_ml, normal.cmax_ng_per_ml - 30.0);  // 2948 against 3010 ng/mL
  EXPECT_LT(twice.half_life_day, normal.half_life_day - 0.2);     // 3.68 against 3.95 days
  EXPECT_GT(none.cmax_ng_per_ml, normal.cmax_ng_per_ml);
  EXPECT_GT(none.half_life_day, normal.half_life_day);
  // The normal patient stays near the label (SmPC 5.2: 3014 ng/mL, 4-5 days).
  EXPECT_NEAR(normal.cmax_ng_per_ml, 3014.0, 0.05 * 3014.0);
  EXPECT_GT(normal.half_life_day, 3.5);
}

TEST(Lessons, ABadLessonFileNamesTheFieldAndLine) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_lessons_test";
  fs::create_directories(dir);
  const auto error_of = [&](const std::string& text) {
    std::ofstream(dir / "bad.yaml") << text;
    try {
      load_lesson((dir / "bad.yaml").string());
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("title: T\ntext: x\nvariants:\n  - {name: a, scenario: missing.yaml}\n")
                .find("bad.yaml:4:25: variants[0].scenario: no scenario file at"),
            std::string::npos);
  EXPECT_NE(error_of("title: T\ntext: x\n").find("variants: required key is missing"), std::string::npos);
  EXPECT_NE(error_of("title: T\ntext: x\nvariants: [{name: a, scenario: bad.yaml}]\nview: {time_unit: fortnights}\n")
                .find("view.time_unit: expected automatic, days, weeks, months or years"),
            std::string::npos);
  EXPECT_NE(error_of("title: T\ntext: x\ncolour: red\nvariants: [{name: a, scenario: bad.yaml}]\n").find("colour: unknown key"),
            std::string::npos);
  EXPECT_THROW(find_lesson("no-such-lesson"), ScenarioError);
}

TEST(Lessons, TextSplitsIntoHeadingsParagraphsAndBullets) {
  const std::vector<TextBlock> blocks = lesson_blocks("## What to show\nOne line\ncontinued.\n- a bullet\n  that wraps\n- another\n\nNew paragraph\n");
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(blocks[0].text, "What to show");
  EXPECT_EQ(blocks[1].text, "One line continued.");
  EXPECT_EQ(blocks[2].kind, BlockKind::kBullet);
  EXPECT_EQ(blocks[2].text, "a bullet that wraps");
  EXPECT_EQ(blocks[3].text, "another");
  EXPECT_EQ(blocks[4].kind, BlockKind::kParagraph);
}

TEST(PlotChoice, ShowsHidesAndReordersPlots) {
  const std::vector<std::string> columns = {"a", "b", "c", "d"};
  PlotChoice choice;
  EXPECT_EQ(choice.arrange(columns), columns);
  choice.set_shown("b", false);
  EXPECT_EQ(choice.arrange(columns), (std::vector<std::string>{"a", "c", "d"}));
  choice.move("d", -2, columns);
  EXPECT_EQ(choice.ordered(columns), (std::vector<std::string>{"a", "d", "b", "c"}));
  choice.set_shown("b", true);
  EXPECT_EQ(choice.arrange(columns), (std::vector<std::string>{"a", "d", "b", "c"}));
  // A lesson's list: only those, in its order; a column seen later stays hidden until shown.
  choice.show_only({"c", "a"});
  EXPECT_EQ(choice.arrange(columns), (std::vector<std::string>{"c", "a"}));
  const std::vector<std::string> more = {"a", "b", "c", "d", "e"};
  EXPECT_EQ(choice.arrange(more), (std::vector<std::string>{"c", "a"}));
  choice.reset();
  EXPECT_EQ(choice.arrange(more), more);
}

}  // namespace
}  // namespace alemsim::gui
