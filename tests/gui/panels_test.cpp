// The panels and the controller on a headless ImGui context, driven as the viewer drives them.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "gui/core/scenario_writer.hpp"
#include "gui/viewer/controller.hpp"
#include "gui/viewer/panels.hpp"
#include "headless_imgui.hpp"
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

TEST_F(PanelsFixture, SummaryShowsEveryCourseWithTypicalAndPopulationFigures) {
  const std::string text = imgui.window_text([&] { draw_summary_panel(controller.results(), controller.ui()); });
  EXPECT_NE(text.find("Course 1 (day 0)"), std::string::npos) << text;
  EXPECT_NE(text.find("Course 2 (day 365)"), std::string::npos) << text;
  EXPECT_NE(text.find("5 x 12 mg over 4 h"), std::string::npos) << text;
  EXPECT_NE(text.find("half-life, days"), std::string::npos) << text;
  EXPECT_NE(text.find("population"), std::string::npos) << text;
  char cmax[16];
  std::snprintf(cmax, sizeof cmax, "%.0f", controller.results().typical->courses[0].cmax_ng_per_ml);
  EXPECT_NE(text.find(cmax), std::string::npos) << text;
}

TEST_F(PanelsFixture, ParametersPanelListsEveryParameterOfTheTable) {
  Actions actions;
  const std::string text = imgui.window_text([&] { draw_parameters_panel(controller.results(), controller.ui(), actions); });
  for (const ParamInfo& p : param_table()) EXPECT_NE(text.find(std::string(p.name)), std::string::npos) << p.name;
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
    EXPECT_FALSE(controller.open(entry.path().string()));
    EXPECT_FALSE(controller.ui().file_error.empty());
    EXPECT_EQ(controller.ui().scenario.name, "labelled regimen");
    imgui.frame([&] { controller.frame(); });  // the window goes on drawing
    const std::string text = imgui.window_text([&] { draw_file_error(controller.ui()); });
    EXPECT_NE(text.find("Could not open the file"), std::string::npos) << text;
    ++files;
  }
  EXPECT_GE(files, 15);
  EXPECT_FALSE(controller.open("/no/such/file.yaml"));
  EXPECT_FALSE(controller.open("results/population.h5"));
  EXPECT_NE(controller.ui().file_error.find("HDF5"), std::string::npos);
}

TEST_F(PanelsFixture, OpeningAGoodFileReplacesTheScenario) {
  ASSERT_TRUE(controller.open((kSource / "scenarios/missed-dose.yaml").string()));
  EXPECT_TRUE(controller.ui().file_error.empty());
  EXPECT_FALSE(controller.ui().scenario.courses[0].missed_days.empty());
  EXPECT_FALSE(controller.results().typical->regimen[0].missed_days.empty());
}

TEST_F(PanelsFixture, PopulationOnlyQuantitiesGetTheirOwnPlotAndReferenceLines) {
  // A results file may bring quantities the engine does not report yet; they must plot, with the
  // reference lines keyed by their column.
  auto population = std::make_shared<PopulationSnapshot>(*controller.results().population);
  population->quantities.push_back({"cd4_cells_per_ul", "CD4+ T cells", "cells/uL"});
  std::vector<double> cd4(population->grid_day.size(), 150.0);
  population->percentiles.push_back({cd4, cd4, cd4, cd4, cd4});
  population->traces.push_back({});
  Results results = controller.results();
  results.population = population;
  Actions actions;
  imgui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 1000));
    ImGui::Begin("plots");
    draw_plots_panel(results, controller.ui(), actions);
    ImGui::End();
  });
  const plot::PlotStats last = plot::LastPlotStats();  // the CD4+ plot comes last
  EXPECT_GT(last.band_quads, 0);
  EXPECT_GE(last.y_range.max, 400.0);  // fitted to show the LLN line (400/µL) above the counts
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
