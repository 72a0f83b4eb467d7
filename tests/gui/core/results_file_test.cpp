// Reading HDF5 results files: one written by the real CLI, read back against the same population
// computed here, and small files written with the HDF5 API that break one thing each.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <H5Cpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "gui/core/results_file.hpp"
#include "gui/core/simulation.hpp"
#include "sim/course_metrics.hpp"
#include "sim/patient.hpp"
#include "sim/population.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim::gui {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = ALEMSIM_SOURCE_DIR;
constexpr std::int64_t kPatients = 50;

// One directory per test process: ctest runs the tests of this file in parallel processes.
fs::path temp_path(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("alemsim_gui_results_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::remove(dir / name);
  return dir / name;
}

// `alemsim run scenarios/label.yaml --patients 50 --out FILE.h5`, once per process.
const fs::path& label_results() {
  static const fs::path path = [] {
    const fs::path out = temp_path("label.h5");
    const std::string command = "cd '" + kSource.string() + "' && '" + ALEMSIM_CLI + "' run scenarios/label.yaml --patients " +
                                std::to_string(kPatients) + " --quiet --out '" + out.string() + "' > /dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return out;
  }();
  return path;
}

// Small HDF5 files with a chosen layout.
class H5Writer {
 public:
  explicit H5Writer(const fs::path& path) : file_(path.string(), H5F_ACC_TRUNC) {}
  void group(const std::string& name) { file_.createGroup(name); }
  void dataset(const std::string& name, std::vector<hsize_t> dims, const std::vector<double>& values) {
    const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
    file_.createDataSet(name, H5::PredType::NATIVE_DOUBLE, space).write(values.data(), H5::PredType::NATIVE_DOUBLE);
  }
  void root_text(const std::string& name, const std::string& value) {
    const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    file_.openGroup("/").createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, value);
  }
  // /time_day of `times` days and /summary/cd4_cells_per_ul with 5 rows.
  void minimal(std::size_t times) {
    std::vector<double> day(times);
    for (std::size_t t = 0; t < times; ++t) day[t] = static_cast<double>(t);
    dataset("/time_day", {times}, day);
    group("/summary");
    dataset("/summary/cd4_cells_per_ul", {5, times}, std::vector<double>(5 * times, 500.0));
  }

 private:
  H5::H5File file_;
};

std::string read_error(const fs::path& path) {
  try {
    read_results_file(path.string(), 3);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ResultsFile, ReadsWhatTheCommandLineWroteAsItComputedIt) {
  const ResultsFile file = read_results_file(label_results().string(), 5);
  const PopulationSnapshot& s = file.population;

  // The same population, computed here as `alemsim run` does.
  const Scenario scenario = load_scenario((kSource / "scenarios/label.yaml").string());
  const SimulationPlan plan = viewer_plan(scenario);
  PopulationRunOptions options;
  options.seed = scenario.seed;
  options.patients = kPatients;
  const auto outcomes = simulate_population(PatientSampler(scenario.typical_params, scenario.variability), plan, options);
  PopulationSummary summary(patient_outputs(), plan.grid_day().size(), scenario.courses.size());
  summary.add(outcomes, 1);

  EXPECT_EQ(s.grid_day, std::vector<double>(plan.grid_day().begin(), plan.grid_day().end()));
  ASSERT_EQ(s.quantities.size(), patient_outputs().size());
  for (std::size_t q = 0; q < s.quantities.size(); ++q) {
    SCOPED_TRACE(s.quantities[q].column);
    EXPECT_EQ(s.quantities[q].column, patient_outputs()[q].column);  // in the engine's order
    EXPECT_EQ(s.quantities[q].label, patient_outputs()[q].label);
    EXPECT_EQ(s.quantities[q].unit, patient_outputs()[q].unit);
    // Stored rounded to float precision (io/hdf5_run_layout.cpp: far below the bins' ±1%).
    const auto as_stored = [](std::vector<double> v) {
      for (double& x : v) x = static_cast<double>(static_cast<float>(x));
      return v;
    };
    EXPECT_EQ(s.percentiles[q].p05, as_stored(summary.series().percentile(q, 5.0)));
    EXPECT_EQ(s.percentiles[q].p50, as_stored(summary.series().percentile(q, 50.0)));
    EXPECT_EQ(s.percentiles[q].p95, as_stored(summary.series().percentile(q, 95.0)));
    ASSERT_EQ(s.traces[q].size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
      const auto& expected = outcomes[i].result.series[q];
      for (std::size_t t = 0; t < expected.size(); t += 97) {
        EXPECT_EQ(s.traces[q][i][t], static_cast<double>(static_cast<float>(expected[t])));  // stored as float32
      }
    }
  }

  // The fractions below each threshold, in the engine's order; the bounds stored at float precision.
  const ThresholdFractions& below = summary.fractions_below();
  ASSERT_EQ(s.fractions_below.size(), below.thresholds().size());
  for (std::size_t j = 0; j < below.thresholds().size(); ++j) {
    EXPECT_EQ(s.fractions_below[j].name, below.thresholds()[j].name);
    EXPECT_EQ(s.fractions_below[j].label, below.thresholds()[j].label);
    for (std::size_t t = 0; t < s.grid_day.size(); t += 53) {
      EXPECT_EQ(s.fractions_below[j].fraction[t], below.below(j, t).estimate);
      EXPECT_EQ(s.fractions_below[j].lower[t], static_cast<double>(static_cast<float>(below.below(j, t).lower_95)));
    }
  }

  ASSERT_EQ(s.metrics.size(), summary.metrics().size());
  ASSERT_EQ(s.course_metrics.size(), 2u);
  for (std::size_t m = 0; m < s.metrics.size(); ++m) {
    SCOPED_TRACE(s.metrics[m].name);
    EXPECT_EQ(s.metrics[m].name, summary.metrics()[m].name);
    EXPECT_EQ(s.metrics[m].unit, summary.metrics()[m].unit);
    for (std::size_t k = 0; k < 2; ++k) {
      const StreamingDistribution& d = summary.metric(m, k);
      EXPECT_EQ(s.course_metrics[k][m].count, d.count());
      EXPECT_EQ(s.course_metrics[k][m].missing, d.nan_count());
      if (d.count() == 0) continue;
      EXPECT_DOUBLE_EQ(s.course_metrics[k][m].mean, d.mean());
      EXPECT_EQ(s.course_metrics[k][m].p05, d.percentile(5.0));
      EXPECT_EQ(s.course_metrics[k][m].p95, d.percentile(95.0));
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(s.lln_fractions[k][0], summary.fraction_at_lln(k, 0));
    EXPECT_EQ(s.lln_fractions[k][1], summary.fraction_at_lln(k, 1));
  }
  EXPECT_EQ(s.patients, kPatients);
  EXPECT_EQ(s.failed, 0);
  EXPECT_NE(s.source.find("50 virtual patients, seed 20130912"), std::string::npos) << s.source;

  ASSERT_TRUE(file.scenario) << file.scenario_error;
  EXPECT_EQ(file.scenario->name, "label");
  EXPECT_EQ(file.scenario->courses.size(), 2u);
  EXPECT_EQ(file.scenario->seed, 20130912u);
  EXPECT_EQ(file.scenario->patients, kPatients);
  EXPECT_TRUE(file.scenario->path.empty()) << "must not be saved over a file it was not read from";
}

TEST(ResultsFile, AFileWithoutAReadableScenarioStillShowsItsPopulation) {
  const fs::path none = temp_path("no-scenario.h5");
  H5Writer(none).minimal(4);
  const ResultsFile a = read_results_file(none.string(), 0);
  EXPECT_EQ(a.population.quantities.at(0).label, "CD4+ T cells");
  EXPECT_EQ(a.population.percentiles.at(0).p50.at(3), 500.0);
  EXPECT_FALSE(a.scenario);
  EXPECT_NE(a.scenario_error.find("scenario"), std::string::npos);

  const fs::path broken = temp_path("broken-scenario.h5");
  {
    H5Writer w(broken);
    w.minimal(4);
    w.root_text("scenario", "courses: [{start_day: 0}]\nhorizon_day: 10\n");
  }
  const ResultsFile b = read_results_file(broken.string(), 0);
  EXPECT_FALSE(b.scenario);
  EXPECT_NE(b.scenario_error.find(broken.string() + ":/scenario"), std::string::npos) << b.scenario_error;
  EXPECT_NE(b.scenario_error.find("infusion_days"), std::string::npos) << b.scenario_error;
}

TEST(ResultsFile, BadFilesAreErrorsNamingTheFileAndWhatIsWrong) {
  EXPECT_NE(read_error("/no/such/run.h5").find("cannot open file"), std::string::npos);

  const fs::path text = temp_path("text.h5");
  std::ofstream(text) << "time_day,cd4\n0,1\n";
  EXPECT_NE(read_error(text).find("not an HDF5 file"), std::string::npos) << read_error(text);

  const fs::path foreign = temp_path("foreign.h5");
  {
    H5Writer w(foreign);
    w.group("/images");
    w.dataset("/images/pixels", {2, 2}, {1, 2, 3, 4});
  }
  EXPECT_NE(read_error(foreign).find("no /time_day"), std::string::npos) << read_error(foreign);
  EXPECT_NE(read_error(foreign).find(foreign.string()), std::string::npos);

  const fs::path no_summary = temp_path("no-summary.h5");
  H5Writer(no_summary).dataset("/time_day", {3}, {0, 1, 2});
  EXPECT_NE(read_error(no_summary).find("/summary"), std::string::npos) << read_error(no_summary);

  const fs::path wrong_shape = temp_path("wrong-shape.h5");
  {
    H5Writer w(wrong_shape);
    w.minimal(4);
    w.dataset("/summary/cd8_cells_per_ul", {3, 4}, std::vector<double>(12, 1.0));
  }
  EXPECT_NE(read_error(wrong_shape).find("/summary/cd8_cells_per_ul: expected 5 percentile rows"), std::string::npos)
      << read_error(wrong_shape);

  const fs::path time_2d = temp_path("time-2d.h5");
  H5Writer(time_2d).dataset("/time_day", {2, 2}, {0, 1, 2, 3});
  EXPECT_NE(read_error(time_2d).find("/time_day: expected 1 dimension"), std::string::npos) << read_error(time_2d);

  const fs::path backwards = temp_path("backwards.h5");
  H5Writer(backwards).dataset("/time_day", {3}, {0, 2, 1});
  EXPECT_NE(read_error(backwards).find("increasing"), std::string::npos) << read_error(backwards);

  const fs::path series_mismatch = temp_path("series-mismatch.h5");
  {
    H5Writer w(series_mismatch);
    w.minimal(4);
    w.group("/series");
    w.dataset("/series/cd4_cells_per_ul", {2, 3}, std::vector<double>(6, 1.0));
  }
  EXPECT_NE(read_error(series_mismatch).find("/series/cd4_cells_per_ul"), std::string::npos) << read_error(series_mismatch);
}

// Issue 13: a 4.8 MB file whose /metrics dataset declared 2^50 rows (HDF5 stores none of a chunked
// dataset's unwritten chunks) kept the window thread reading fill values for ever.
TEST(ResultsFile, ADatasetDeclaringFarMoreThanTheFileStoresIsRefusedUnread) {
  const fs::path huge = temp_path("declares-2-to-the-50-rows.h5");
  {
    H5Writer w(huge);
    w.minimal(4);
    w.group("/metrics");
    H5::H5File file(huge.string(), H5F_ACC_RDWR);
    const hsize_t dims[2] = {hsize_t{1} << 50, 2};
    const hsize_t chunk[2] = {1024, 2};
    H5::DSetCreatPropList props;
    props.setChunk(2, chunk);
    file.createDataSet("/metrics/cd4_nadir_cells_per_ul", H5::PredType::NATIVE_DOUBLE, H5::DataSpace(2, dims), props);
  }
  const std::string error = read_error(huge);
  EXPECT_NE(error.find("/metrics/cd4_nadir_cells_per_ul: declares 18014398.5 GB of values but the file stores 0 MB"),
            std::string::npos)
      << error;
}

TEST(ResultsFile, FailedPatientsAreSkippedAsTracesAndCounted) {
  const fs::path path = temp_path("failed.h5");
  {
    H5Writer w(path);
    w.minimal(2);
    w.group("/series");
    const double nan = std::nan("");
    w.dataset("/series/cd4_cells_per_ul", {3, 2}, {nan, nan, 10, 11, 20, 21});
    w.dataset("/status", {3}, {1, 0, 0});
  }
  const PopulationSnapshot s = read_results_file(path.string(), 5).population;
  ASSERT_EQ(s.traces.at(0).size(), 2u);
  EXPECT_EQ(s.traces[0][0], (std::vector<double>{10, 11}));
  EXPECT_EQ(s.patients, 3);
  EXPECT_EQ(s.failed, 1);
}

TEST(ResultsFile, NamesEndingInH5OrHdf5AreResultsFiles) {
  EXPECT_TRUE(is_results_file_name("results/run.h5"));
  EXPECT_TRUE(is_results_file_name("run.hdf5"));
  EXPECT_FALSE(is_results_file_name("scenarios/label.yaml"));
  EXPECT_FALSE(is_results_file_name("h5"));
}

}  // namespace
}  // namespace alemsim::gui
