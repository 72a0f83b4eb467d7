// The panels and the controller on a headless ImGui context, driven as the viewer drives them.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include <gtest/gtest.h>
#include <imgui_internal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/shipped_scenarios.hpp"
#include "io/scenario_writer.hpp"
#include "gui/viewer/controller.hpp"
#include "gui/viewer/panels.hpp"
#include "tests/gui/headless_imgui.hpp"
#include "models/model_params.hpp"

namespace alemsim::gui {
namespace {

using namespace std::chrono_literals;
using testing::HeadlessImGui;
namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;

struct PanelsFixture : ::testing::Test {
  HeadlessImGui imgui;
  Controller controller{labelled_regimen_scenario(), 2};

  PanelsFixture() {
    controller.ui().scenario.patients = 50;
    controller.session().update(controller.ui().scenario, 5);
    EXPECT_TRUE(controller.session().wait_population(120s));
  }

  // Opens a file as the window does and waits for a results file's background read: true when open.
  bool open_file(const std::string& path, std::optional<std::size_t> arm = {}) {
    return controller.open(path, arm) && controller.wait_for_file();
  }
  bool open_arm(std::size_t index) { return controller.open_arm(index) && controller.wait_for_file(); }

  std::string full_frame_then(void (*panel)(const Results&, UiState&, Actions&)) {
    imgui.frame([&] { controller.frame(); });
    Actions actions;
    return imgui.window_text([&] { panel(controller.results(), controller.ui(), actions); });
  }
};

TEST_F(PanelsFixture, WholeViewerFrameDrawsEveryPlotWithBands) {
  imgui.frame([&] { controller.frame(); });
  imgui.frame([&] { controller.frame(); });
  const plot::PlotStats last = plot::LastPlotStats();  // the last quantity's plot
  EXPECT_GT(last.band_quads, 100);
  EXPECT_GT(last.line_samples, 100);
  EXPECT_GT(last.area_max.x - last.area_min.x, 500.0f);
  EXPECT_GT(controller.ui().plots_max.x, controller.ui().plots_min.x);
}

TEST_F(PanelsFixture, FractionsBelowPlotIsShownOnlyWhenAskedFor) {
  constexpr const char* kTitle = "Patients below a threshold (95% interval)";
  imgui.frame([&] { controller.frame(); });
  EXPECT_EQ(plot::LastPlotStats(kTitle).line_samples, 0);
  controller.ui().plots.show_fractions = true;
  imgui.frame([&] { controller.frame(); });
  imgui.frame([&] { controller.frame(); });
  const plot::PlotStats stats = plot::LastPlotStats(kTitle);
  EXPECT_GT(stats.line_samples, 100);  // five fractions over time
  EXPECT_GT(stats.band_quads, 100);    // and their intervals
  EXPECT_GE(stats.y_range.min, -1.0);  // percent: 0 to 100
  EXPECT_LE(stats.y_range.max, 110.0);
}

TEST_F(PanelsFixture, TimeAxisSwitchesUnitsAndCountsFromAChosenCourse) {
  const auto draw = [&] {
    imgui.frame([&] { controller.frame(); });
    imgui.frame([&] { controller.frame(); });
    return plot::LastPlotStats("CD4+ T cells");
  };
  // The whole six-year horizon reads in years, from the first infusion.
  plot::PlotStats cd4 = draw();
  EXPECT_EQ(cd4.x_title, "Time since first infusion (years)");
  EXPECT_EQ(cd4.x_tick_labels.front(), "0");
  EXPECT_EQ(cd4.x_tick_labels.back(), "6");
  // Zoomed on course 2, automatic turns to days; counted from course 2, its first day is 0.
  controller.ui().plots.time_axis = {{362.0, 425.0}, false};
  controller.ui().plots.time.origin_course = 1;
  cd4 = draw();
  EXPECT_EQ(cd4.x_title, "Time since the start of course 2 (days)");
  EXPECT_NE(std::find(cd4.x_tick_labels.begin(), cd4.x_tick_labels.end(), "0"), cd4.x_tick_labels.end());
  EXPECT_EQ(cd4.x_range.min, 362.0);  // the data stay in days
  // Chosen months over the whole horizon, from course 2 (12 months before it to 60 after).
  controller.ui().plots.time = {TimeUnit::kMonths, 1};
  controller.ui().plots.time_axis.auto_fit = true;
  cd4 = draw();
  EXPECT_EQ(cd4.x_title, "Time since the start of course 2 (months)");
  EXPECT_NE(std::find(cd4.x_tick_labels.begin(), cd4.x_tick_labels.end(), "0"), cd4.x_tick_labels.end());
  EXPECT_GE(std::stod(cd4.x_tick_labels.back()), 40.0);
  EXPECT_EQ(plot::LastPlotStats("Serum alemtuzumab").x_title, cd4.x_title);  // one time axis for every plot
}

TEST_F(PanelsFixture, APlotCanBeHiddenShownAndMovedFirst) {
  const auto drawn_now = [&](const char* title) { return plot::LastPlotStats(title).frame == ImGui::GetFrameCount(); };
  bool cd8 = false, drug = false;
  const auto frame = [&] {
    imgui.frame([&] {
      controller.frame();
      cd8 = drawn_now("CD8+ T cells");
      drug = drawn_now("Serum alemtuzumab");
    });
  };
  frame();
  EXPECT_TRUE(cd8);
  controller.ui().plots.choice.set_shown("cd8_cells_per_ul", false);
  frame();
  EXPECT_FALSE(cd8);
  EXPECT_TRUE(drug);
  controller.ui().plots.choice.set_shown("cd8_cells_per_ul", true);
  frame();
  EXPECT_TRUE(cd8);
  // Shown first: the plots panel lists it before the drug (the View menu lists the order).
  std::vector<std::string> columns;
  for (const PlotEntry& e : available_plots(controller.results())) columns.push_back(e.column);
  controller.ui().plots.choice.move("cd8_cells_per_ul", -10, columns);
  EXPECT_EQ(controller.ui().plots.choice.ordered(columns).front(), "cd8_cells_per_ul");
  frame();
  EXPECT_LT(plot::LastPlotStats("CD8+ T cells").area_min.y, plot::LastPlotStats("Serum alemtuzumab").area_min.y);
}

TEST_F(PanelsFixture, CmaxAndHalfLifeLabelsStayOnTheLogAxis) {
  controller.ui().scenario.courses.resize(1);  // only course 1's labels, all in view
  controller.session().update(controller.ui().scenario, 0);
  for (const bool log : {false, true}) {
    controller.ui().plots.log_concentration = log;
    controller.ui().plots.time_axis = {{-3.0, 40.0}, false};
    controller.ui().plots.value_axes["concentration_ng_per_ml"].auto_fit = true;
    imgui.frame([&] { controller.frame(); });
    imgui.frame([&] { controller.frame(); });
    // Course 1's Cmax, its published Cmax and its half-life all placed; the one label left out is
    // the published Cmax of course 2 (day 367), outside the view.
    EXPECT_EQ(plot::LastPlotStats("Serum alemtuzumab").texts_hidden, 1) << (log ? "log" : "linear");
  }
}

TEST_F(PanelsFixture, APinnedReferenceIsDrawnUnderAnEditWithTheChangesInTheSummary) {
  const auto frames = [&] {
    imgui.frame([&] { controller.frame(); });
    imgui.frame([&] { controller.frame(); });
  };
  frames();
  const int lines_before = plot::LastPlotStats("Serum alemtuzumab").lines;
  ASSERT_TRUE(controller.pin_reference(true));
  EXPECT_EQ(controller.ui().reference->name, "label");
  frames();
  const plot::PlotStats pinned = plot::LastPlotStats("Serum alemtuzumab");
  EXPECT_EQ(pinned.lines, lines_before + 2);  // the reference's typical patient and its median
  // Twice the central volume: the curves move, the axes stay.
  controller.ui().scenario.typical_params.central_volume_l *= 2.0;
  controller.session().update(controller.ui().scenario, 0);
  EXPECT_TRUE(controller.session().wait_population(std::chrono::seconds(120)));
  frames();
  const plot::PlotStats edited = plot::LastPlotStats("Serum alemtuzumab");
  EXPECT_EQ(edited.lines, lines_before + 2);
  EXPECT_EQ(edited.y_range, pinned.y_range);
  EXPECT_EQ(edited.x_range, pinned.x_range);
  const std::string summary = imgui.window_text([&] { draw_summary_panel(controller.results(), controller.ui()); });
  const double before = controller.ui().reference->typical->courses[0].cmax_ng_per_ml;
  const double now = controller.results().typical->courses[0].cmax_ng_per_ml;
  char cmax_change[32];
  std::snprintf(cmax_change, sizeof cmax_change, "(%+.1f%%)", 100.0 * (now - before) / before);
  EXPECT_LT(now, 0.7 * before);
  for (const std::string& text : {std::string("reference"), std::string("change"), std::string(cmax_change),
                                 std::string("the typical patient of label")}) {
    EXPECT_NE(summary.find(text), std::string::npos) << text << "\n" << summary;
  }
  // Unpinned: the grey curves go.
  Actions unpin;
  unpin.unpin_reference = true;
  controller.apply(unpin);
  frames();
  EXPECT_EQ(plot::LastPlotStats("Serum alemtuzumab").lines, lines_before);
  EXPECT_EQ(imgui.window_text([&] { draw_summary_panel(controller.results(), controller.ui()); }).find("change"), std::string::npos);
}

TEST_F(PanelsFixture, SummaryShowsEveryCourseWithTypicalAndPopulationFigures) {
  const std::string text = imgui.window_text([&] { draw_summary_panel(controller.results(), controller.ui()); });
  EXPECT_NE(text.find("Course 1 (day 0)"), std::string::npos) << text;
  EXPECT_NE(text.find("Course 2 (day 365)"), std::string::npos) << text;
  EXPECT_NE(text.find("5 x 12 mg over 4 h"), std::string::npos) << text;
  for (const char* row : {"half life, day", "nadir CD4+, cells/µL", "days to LLN CD19+, day", "days to CD4+ 200, day",
                          "prophylaxis end, day", "lymphocytes >= LLN, month 6", "% of patients"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row << "\n" << text;
  }
  EXPECT_NE(text.find("population"), std::string::npos) << text;
  char cmax[16];
  std::snprintf(cmax, sizeof cmax, "%.0f", controller.results().typical->courses[0].cmax_ng_per_ml);
  EXPECT_NE(text.find(cmax), std::string::npos) << text;
}

TEST_F(PanelsFixture, ParametersPanelListsEveryParameterOfTheTable) {
  Actions actions;
  const std::string text = imgui.window_text([&] { draw_parameters_panel(controller.results(), controller.ui(), actions); });
  // Named in words with the unit; the code names are for the tooltip.
  for (const ParamInfo& p : param_table()) EXPECT_NE(text.find(std::string(p.label)), std::string::npos) << p.name;
  EXPECT_EQ(text.find("linear_clearance_l_per_day"), std::string::npos);
  EXPECT_NE(text.find("linear clearance, L/day"), std::string::npos) << text;
  // The default model has no target-mediated elimination: the switch says so.
  EXPECT_NE(text.find("target capacity (Vmax), mg/day (off)"), std::string::npos) << text;
  EXPECT_NE(text.find("anti-drug antibody propensity, 1 = typical"), std::string::npos) << text;
  EXPECT_FALSE(actions.scenario_changed);
}

TEST_F(PanelsFixture, RegimenPanelShowsWhyAnEditCannotBeSimulated) {
  controller.ui().scenario.courses[1].start_day = 1.0;  // overlaps course 1
  controller.session().update(controller.ui().scenario, 0);
  const std::string text = full_frame_then(draw_regimen_panel);
  EXPECT_NE(text.find("Cannot simulate this regimen"), std::string::npos) << text;
  EXPECT_NE(text.find("start_day"), std::string::npos) << text;
  // The plots keep the last scenario that could be simulated.
  ASSERT_TRUE(controller.results().typical);
  EXPECT_DOUBLE_EQ(controller.results().typical->regimen[1].start_day, 365.0);
}

TEST_F(PanelsFixture, SliderEditReSimulatesTheTypicalPatientAtOnce) {
  const double cmax_before = controller.results().typical->courses[0].cmax_ng_per_ml;
  controller.ui().scenario.typical_params.central_volume_l *= 2.0;
  controller.session().update(controller.ui().scenario, 0);
  EXPECT_LT(controller.results().typical->courses[0].cmax_ng_per_ml, 0.7 * cmax_before);
  EXPECT_TRUE(controller.results().population_stale());
}

TEST_F(PanelsFixture, EveryBadScenarioFileShowsAnErrorAndKeepsTheScenario) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/data/bad")) {
    SCOPED_TRACE(entry.path().string());
    EXPECT_FALSE(open_file(entry.path().string()));
    EXPECT_FALSE(controller.ui().file_error.empty());
    EXPECT_EQ(controller.ui().scenario.name, labelled_regimen_scenario().name);
    imgui.frame([&] { controller.frame(); });  // the window goes on drawing
    const std::string text = imgui.window_text([&] { draw_file_error(controller.ui()); });
    EXPECT_NE(text.find("Could not open the file"), std::string::npos) << text;
    ++files;
  }
  EXPECT_GE(files, 15);
  EXPECT_FALSE(open_file("/no/such/file.yaml"));
  EXPECT_FALSE(open_file("/no/such/population.h5"));
  EXPECT_NE(controller.ui().file_error.find("/no/such/population.h5"), std::string::npos);
}

// Issue 13: a FIFO as the scenario blocked the viewer for ever; /dev/zero was read without end.
TEST_F(PanelsFixture, AFifoOrADeviceIsRefusedWithoutWaitingOrReading) {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_gui_panels_fifo_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const fs::path& fifo : {dir / "scenario.yaml", dir / "results.h5"}) {
    fs::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    SCOPED_TRACE(fifo.string());
    EXPECT_FALSE(open_file(fifo.string()));
    EXPECT_NE(controller.ui().file_error.find(fifo.string()), std::string::npos) << controller.ui().file_error;
  }
  EXPECT_FALSE(open_file("/dev/zero"));
  EXPECT_NE(controller.ui().file_error.find("/dev/zero: is a device; expected a regular file"), std::string::npos)
      << controller.ui().file_error;
  EXPECT_EQ(controller.ui().scenario.name, labelled_regimen_scenario().name);
  fs::remove_all(dir);
}

TEST_F(PanelsFixture, ABadResultsFileShowsAnErrorAndKeepsWhatWasShown) {
  const fs::path bad = fs::temp_directory_path() / ("alemsim_gui_panels_bad_" + std::to_string(::getpid()) + ".h5");
  std::ofstream(bad) << "not HDF5 at all\n";
  const auto population = controller.results().population;
  EXPECT_FALSE(open_file(bad.string()));
  EXPECT_NE(controller.ui().file_error.find("not an HDF5 file"), std::string::npos) << controller.ui().file_error;
  EXPECT_EQ(controller.ui().scenario.name, labelled_regimen_scenario().name);
  imgui.frame([&] { controller.frame(); });
  EXPECT_EQ(controller.results().population, population);
  EXPECT_FALSE(controller.results().population_from_file);
  const std::string text = imgui.window_text([&] { draw_file_error(controller.ui()); });
  EXPECT_NE(text.find("Could not open the file"), std::string::npos) << text;
  fs::remove(bad);
}

TEST_F(PanelsFixture, AResultsFileShowsItsPopulationWithTheScenarioItWasRunFrom) {
  const fs::path h5 = fs::temp_directory_path() / ("alemsim_gui_panels_" + std::to_string(::getpid()) + ".h5");
  const std::string command = "cd '" + kSource.string() + "' && '" + ALEMSIM_CLI +
                              "' run scenarios/label.yaml --patients 40 --quiet --out '" + h5.string() + "' > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  // Read on a background thread: open() returns at once, and what is shown changes only when a
  // frame (or wait_for_file) takes the finished read.
  const auto shown_before = controller.results().population;
  ASSERT_TRUE(controller.open(h5.string())) << controller.ui().file_error;
  EXPECT_EQ(controller.ui().status, "reading " + h5.string() + " ...");
  EXPECT_EQ(controller.results().population, shown_before);
  ASSERT_TRUE(controller.wait_for_file()) << controller.ui().file_error;
  EXPECT_EQ(controller.ui().status, "opened " + h5.string());
  fs::remove(h5);
  imgui.frame([&] { controller.frame(); });
  const Results& r = controller.results();
  ASSERT_TRUE(r.population);
  EXPECT_TRUE(r.population_from_file);
  EXPECT_FALSE(r.population_stale());
  EXPECT_EQ(r.population->patients, 40);
  EXPECT_EQ(controller.ui().scenario.name, "label");
  EXPECT_EQ(controller.ui().scenario.seed, 20130912u);
  ASSERT_TRUE(r.typical);
  EXPECT_EQ(r.typical->regimen.size(), 2u);
  EXPECT_EQ(r.typical->grid_day, r.population->grid_day);
  imgui.frame([&] { controller.frame(); });
  EXPECT_GT(plot::LastPlotStats("CD4+ T cells").band_quads, 100);
  const std::string text = imgui.window_text([&] { draw_summary_panel(controller.results(), controller.ui()); });
  const int cmax = find_metric(r.population->metrics, "cmax_ng_per_ml");
  ASSERT_GE(cmax, 0);
  char mean[16];
  std::snprintf(mean, sizeof mean, "%.0f [", r.population->course_metrics[0][static_cast<std::size_t>(cmax)].mean);
  EXPECT_NE(text.find(mean), std::string::npos) << mean << "\n" << text;
  // An edit runs the edited scenario's population in place of the file's.
  controller.ui().scenario.patients = 10;
  Actions edit;
  edit.scenario_changed = true;
  controller.apply(edit);
  ASSERT_TRUE(controller.session().wait_population(120s));
  EXPECT_FALSE(controller.results().population_from_file);
  EXPECT_EQ(controller.results().population->patients, 10);
}

// `alemsim study scenarios/study-dose.yaml` (4 arms: course 3 at 12 or 24 mg/day, 3 or 5 days) on 8
// patients, once per test process.
const fs::path& dose_study() {
  static const fs::path path = [] {
    const fs::path dir = fs::temp_directory_path() / ("alemsim_gui_panels_study_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string command = "cd '" + kSource.string() + "' && '" + ALEMSIM_CLI +
                                "' study scenarios/study-dose.yaml --patients 8 --keep-series 3 --quiet --out '" +
                                dir.string() + "' > /dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return dir / "study.h5";
  }();
  return path;
}

// The arm chooser alone in a window at the top left, as the Plots panel draws it, clicked with the
// mouse: press and release at `at` over three frames. Returns the arm asked for, if any.
std::optional<std::size_t> click_arm_chooser(HeadlessImGui& imgui, Controller& controller, std::optional<ImVec2> at) {
  std::optional<std::size_t> asked;
  const auto frame = [&](bool down) {
    if (at) imgui.set_mouse(*at, down);
    imgui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1000, 600));
      ImGui::Begin("chooser", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
      Actions actions;
      draw_arm_chooser(controller.results(), controller.ui(), actions);
      ImGui::End();
      if (actions.open_arm) asked = actions.open_arm;
    });
  };
  frame(false);
  frame(true);
  frame(false);
  return asked;
}

TEST_F(PanelsFixture, AStudyFileOpensOnItsReferenceArmAndTheChooserSwitchesArms) {
  ASSERT_TRUE(open_file(dose_study().string())) << controller.ui().file_error;
  const UiState& ui = controller.ui();
  ASSERT_TRUE(ui.study);
  ASSERT_EQ(ui.study->file.arms.size(), 4u);
  EXPECT_EQ(ui.study->shown, 0u);  // the reference arm, 12 mg/day x 3 days
  EXPECT_EQ(ui.scenario.courses.at(2).infusion_days, 3);
  EXPECT_NE(controller.results().population->source.find("/arms/000"), std::string::npos);
  EXPECT_EQ(document_title(ui), dose_study().string() + ", arm 000 of 4: courses[2].dose_mg_per_day=12 courses[2].infusion_days=3");
  const std::string text = imgui.window_text([&] {
    Actions actions;
    draw_arm_chooser(controller.results(), controller.ui(), actions);
  });
  EXPECT_NE(text.find("000  courses[2].dose_mg_per_day=12 courses[2].infusion_days=3 (reference)"), std::string::npos) << text;

  // A zoom the user chose stays when the arm changes, so arms compare on the same axes.
  controller.ui().plots.time_axis = {{700.0, 800.0}, false};

  // The "next" arrow, right of the label and the "previous" arrow.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float frame_height = ImGui::GetFontSize() + 2.0f * style.FramePadding.y;
  const float previous_x = style.WindowPadding.x + ImGui::CalcTextSize("Study arm").x + style.ItemSpacing.x;
  const float row_y = style.WindowPadding.y + 0.5f * frame_height;
  const ImVec2 next(previous_x + frame_height + style.ItemSpacing.x + 0.5f * frame_height, row_y);
  EXPECT_EQ(click_arm_chooser(imgui, controller, ImVec2(previous_x + 0.5f * frame_height, row_y)), std::nullopt)
      << "no arm before the first";
  const auto asked = click_arm_chooser(imgui, controller, next);
  ASSERT_EQ(asked, 1u);
  Actions switch_arm;
  switch_arm.open_arm = asked;
  controller.apply(switch_arm);
  EXPECT_TRUE(controller.opening() || !ui.study || ui.study->shown == 0u) << "read in the background";
  EXPECT_TRUE(controller.wait_for_file());
  EXPECT_TRUE(ui.file_error.empty()) << ui.file_error;
  EXPECT_EQ(ui.study->shown, 1u);
  EXPECT_EQ(ui.scenario.courses.at(2).infusion_days, 5);  // 12 mg/day x 5 days
  EXPECT_EQ(controller.results().typical->regimen.at(2).infusion_days, 5);
  EXPECT_NE(controller.results().population->source.find("/arms/001"), std::string::npos);
  EXPECT_EQ(controller.results().typical->grid_day, controller.results().population->grid_day);
  EXPECT_EQ(ui.plots.time_axis.range.min, 700.0);
  EXPECT_FALSE(ui.plots.time_axis.auto_fit);

  // The list: click the combo, then the last arm in the list that opens below it.
  const ImVec2 combo(next.x + frame_height + 100.0f, row_y);
  click_arm_chooser(imgui, controller, combo);
  ImGuiWindow* popup = ImGui::GetCurrentContext()->OpenPopupStack.empty()
                           ? nullptr
                           : ImGui::GetCurrentContext()->OpenPopupStack.back().Window;
  ASSERT_NE(popup, nullptr) << "the list of arms did not open";
  const float line = ImGui::GetTextLineHeight() + style.ItemSpacing.y;
  const ImVec2 last(popup->Pos.x + 50.0f, popup->Pos.y + style.WindowPadding.y + 3.5f * line);
  EXPECT_EQ(click_arm_chooser(imgui, controller, last), 3u);
  switch_arm.open_arm = 3;
  controller.apply(switch_arm);
  EXPECT_TRUE(controller.wait_for_file());
  EXPECT_EQ(ui.study->shown, 3u);
  EXPECT_EQ(ui.scenario.courses.at(2).dose_mg_per_day, 24.0);
  EXPECT_EQ(ui.scenario.courses.at(2).infusion_days, 5);
  EXPECT_NE(document_title(ui).find("arm 003 of 4"), std::string::npos) << document_title(ui);

  // Ctrl+S offers a name of the arm's own, not the base scenario's file the arm's scenario is named after.
  imgui.frame([&] { controller.frame(); });  // the panels exist before a modal dialog opens, as in the viewer
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown['S'] = true;
  imgui.frame([&] { controller.frame(); });
  io.KeyCtrl = false;
  io.KeysDown['S'] = false;
  EXPECT_EQ(ui.dialog, FileDialog::kSaveAs);
  EXPECT_EQ(ui.dialog_path, "scenarios/label-4-courses-arm-003.yaml");
  controller.ui().dialog = FileDialog::kNone;

  // Opening another file leaves the study.
  ASSERT_TRUE(open_file((kSource / "scenarios/label.yaml").string()));
  EXPECT_FALSE(ui.study);
}

TEST_F(PanelsFixture, AStudyArmCanBeChosenWhenOpeningAndABadOneIsAnError) {
  ASSERT_TRUE(open_file(dose_study().string(), 2)) << controller.ui().file_error;
  EXPECT_EQ(controller.ui().study->shown, 2u);
  EXPECT_EQ(controller.ui().scenario.courses.at(2).dose_mg_per_day, 24.0);
  EXPECT_FALSE(open_file(dose_study().string(), 4));
  EXPECT_NE(controller.ui().file_error.find("has 4 arms, numbered 0 to 3: there is no arm 4"), std::string::npos)
      << controller.ui().file_error;
  EXPECT_EQ(controller.ui().study->shown, 2u) << "what was shown stays";
  EXPECT_FALSE(open_arm(9));
  EXPECT_NE(controller.ui().file_error.find("there is no arm 9"), std::string::npos) << controller.ui().file_error;
  EXPECT_FALSE(open_file((kSource / "scenarios/label.yaml").string(), 1));
  EXPECT_NE(controller.ui().file_error.find("is a scenario, not a study file"), std::string::npos) << controller.ui().file_error;
}

TEST_F(PanelsFixture, ReferenceLinesAndPublishedPointsAppearOnTheirCounts) {
  imgui.frame([&] { controller.frame(); });
  imgui.frame([&] { controller.frame(); });
  const plot::PlotStats cd4 = plot::LastPlotStats("CD4+ T cells");
  EXPECT_EQ(cd4.visible_ref_lines_y, 2);  // LLN 400 and 200 (herpes prophylaxis)
  EXPECT_EQ(cd4.visible_markers, 12);     // CARE-MS months 1-12 after courses 1 and 2; US label months 1, 12
  const plot::PlotStats cd8 = plot::LastPlotStats("CD8+ T cells");
  EXPECT_EQ(cd8.visible_ref_lines_y, 1);
  EXPECT_EQ(cd8.visible_markers, 9);      // CARE-MS months 1-12 after course 1, 1-9 after course 2
  EXPECT_EQ(plot::LastPlotStats("Serum alemtuzumab").visible_ref_lines_y, 0);
  EXPECT_GE(plot::LastPlotStats("Serum alemtuzumab").visible_markers, 2);  // SmPC Cmax of courses 1 and 2
  controller.ui().teaching.enabled = false;
  imgui.frame([&] { controller.frame(); });
  EXPECT_EQ(plot::LastPlotStats("CD4+ T cells").visible_ref_lines_y, 0);
  EXPECT_EQ(plot::LastPlotStats("CD4+ T cells").visible_markers, 0);
}

TEST_F(PanelsFixture, OpeningAGoodFileReplacesTheScenario) {
  ASSERT_TRUE(open_file((kSource / "scenarios/missed-dose.yaml").string()));
  EXPECT_TRUE(controller.ui().file_error.empty());
  EXPECT_FALSE(controller.ui().scenario.courses[0].missed_days.empty());
  EXPECT_FALSE(controller.results().typical->regimen[0].missed_days.empty());
}

TEST_F(PanelsFixture, PopulationOnlyQuantitiesGetTheirOwnPlot) {
  // A results file from a newer alemsim may bring quantities this engine does not report.
  auto population = std::make_shared<PopulationSnapshot>(*controller.results().population);
  population->quantities.push_back({"cd3_cells_per_ul", "CD3+ T cells", "cells/uL", std::nullopt});
  std::vector<double> cd3(population->grid_day.size(), 150.0);
  population->percentiles.push_back({cd3, cd3, cd3, cd3, cd3});
  population->traces.push_back({});
  Results results = controller.results();
  results.population = population;
  Actions actions;
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 1000));
    ImGui::Begin("plots");
    draw_plots_panel(results, controller.ui(), actions);
    ImGui::End();
  };
  imgui.frame(draw);
  // Three plots fit the panel and the rest scroll: scroll to the last, which ImGui clamps.
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
    if (std::string_view(window->Name).starts_with("plots/plots")) ImGui::SetScrollY(window, 1e6f);
  }
  imgui.frame(draw);
  const plot::PlotStats last = plot::LastPlotStats();  // the CD3+ plot comes last
  EXPECT_EQ(last.title, "CD3+ T cells");
  EXPECT_GT(last.band_quads, 0);
}

TEST_F(PanelsFixture, SaveAndExportAreCarriedOutAndReported) {
  const fs::path dir = fs::temp_directory_path() / "alemsim_gui_panels_test";
  fs::create_directories(dir);
  fs::remove(dir / "saved.yaml");
  fs::remove(dir / "series.csv");
  controller.ui().modified = true;
  Actions actions;
  actions.save_path = (dir / "saved.yaml").string();
  actions.export_csv_path = (dir / "series.csv").string();
  controller.apply(actions);
  EXPECT_TRUE(controller.ui().file_error.empty()) << controller.ui().file_error;
  EXPECT_EQ(controller.ui().scenario.path, actions.save_path);
  EXPECT_FALSE(controller.ui().modified);
  EXPECT_EQ(load_scenario(*actions.save_path).courses.size(), 2u);
  std::ifstream csv(*actions.export_csv_path);
  std::string header;
  std::getline(csv, header);
  EXPECT_NE(header.find("concentration_ng_per_ml_p50"), std::string::npos) << header;
  EXPECT_NE(controller.ui().status.find("exported"), std::string::npos);
}

TEST_F(PanelsFixture, FailedSaveIsShownNotThrown) {
  Actions actions;
  actions.save_path = "/nonexistent-dir/saved.yaml";
  controller.apply(actions);
  EXPECT_NE(controller.ui().file_error.find("Could not save"), std::string::npos);
  EXPECT_TRUE(controller.ui().scenario.path.empty());
}

TEST_F(PanelsFixture, TeachingPanelExplainsEveryOverlay) {
  const std::string text = imgui.window_text([&] { draw_teaching_panel(controller.ui()); });
  for (const char* overlay : {"Cmax", "half-life", "published values", "reference lines"}) {
    EXPECT_NE(text.find(overlay), std::string::npos) << overlay;
  }
}

}  // namespace
}  // namespace alemsim::gui
