#include "cli/study_command.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "cli/keep_series.hpp"
#include "cli/progress.hpp"
#include "cli/study_report.hpp"
#include "io/atomic_file.hpp"
#include "io/study_file.hpp"
#include "io/study_hdf5.hpp"
#include "sim/memory_budget.hpp"
#include "sim/streaming_summary.hpp"

namespace alemsim {

int study_command(const StudyOptions& options) {
  try {
    StudyFile study = load_study(options.study_path);
    StudyDesign& d = study.design;
    if (options.patients) {
      if (*options.patients < 1) throw std::invalid_argument("--patients: expected a whole number >= 1");
      d.patients = *options.patients;
    }
    if (options.seed) d.seed = *options.seed;
    const std::int64_t keep = keep_series_count(options.keep_series, d.patients, kDefaultStudyKeepSeries);
    if (options.compress && !options.out_dir) throw std::invalid_argument("--compress: only study.h5 (--out DIR) is compressed");
    // Fail on an unwritable output folder now, not after the simulation.
    std::filesystem::path dir;
    std::unique_ptr<StudyHdf5Writer> h5;
    if (options.out_dir) {
      dir = *options.out_dir;
      std::error_code ec;
      std::filesystem::create_directories(dir / "plots", ec);
      if (ec) throw std::runtime_error(*options.out_dir + ": cannot create output folder: " + ec.message());
      check_writable((dir / "outcomes.csv").string());
      h5 = std::make_unique<StudyHdf5Writer>((dir / "study.h5").string(), study, keep, options.compress);
    }

    const auto total = static_cast<std::int64_t>(d.arms.size()) * d.patients;
    ProgressBar progress(fmt::format("arm x patients ({} arms)", d.arms.size()), total,
                         !options.quiet && stderr_is_terminal());
    std::int64_t finished_arms = 0;
    // Each arm's series percentiles, for its run layout in study.h5: one arm's at a time (tens of MB each).
    std::unique_ptr<PopulationSummary> arm_summary;
    StudyObserver observer;
    observer.begin_arm = [&](const ArmRun& arm) {
      if (!h5) return;
      arm_summary =
          std::make_unique<PopulationSummary>(patient_outputs(), arm.plan.grid_day().size(), arm.plan.courses().size());
      h5->begin_arm(arm, patient_outputs(), arm_summary->metrics());
    };
    observer.batch = [&](const ArmRun&, std::span<const PatientOutcome> batch) {
      if (h5) {
        arm_summary->add(batch, options.threads);
        h5->add(batch);
      }
      progress.update(finished_arms * d.patients + batch.back().index + 1);
    };
    observer.end_arm = [&](const ArmRun&) {
      if (h5) h5->end_arm(*arm_summary);
      arm_summary.reset();
      ++finished_arms;
    };
    StudyRunOptions run;
    run.threads = options.threads;
    run.bin_series = h5 != nullptr;  // the arms' summaries fold bin indices computed by the workers
    const auto arms = run_study(d, run, observer);
    progress.finish();
    print_study_table(stdout, study, arms);

    if (options.out_dir) {
      AtomicFile csv((dir / "outcomes.csv").string());
      write_study_csv(csv.stream(), study, arms);
      csv.commit();
      AtomicFile md((dir / "outcomes.md").string());
      write_study_markdown(md.stream(), study, arms);
      md.commit();
      h5->finish(arms);
      std::size_t plots = 0;
      const auto write_plot = [&](const std::string& name, const std::string& svg_text) {
        AtomicFile svg((dir / "plots" / (name + ".svg")).string());
        svg.stream() << svg_text;
        svg.commit();
        ++plots;
      };
      const auto outcomes = study_outcomes();
      for (std::size_t m = 0; m < outcomes.size(); ++m) write_plot(outcomes[m].name, study_plot_svg(study, arms, m));
      const auto& thresholds = arms.front().recovery.thresholds();
      for (std::size_t j = 0; j < thresholds.size(); ++j) {
        write_plot("time_to_" + thresholds[j].name, study_survival_svg(study, arms, j));
      }
      fmt::print("\nWritten to {}: outcomes.csv, outcomes.md, study.h5 (series of {} patients per arm, summaries of "
                 "all {}) and {} plot(s) in plots/\n",
                 dir.string(), keep, d.patients, plots);
    }
    return 0;
  } catch (const MemoryBudgetError& e) {
    fmt::print(stderr, "alemsim: error: {}: {}\n", options.study_path, e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "alemsim: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace alemsim
