#include "sim/cli/study_command.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/cli/progress.hpp"
#include "sim/cli/study_report.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/study_file.hpp"
#include "sim/io/study_hdf5.hpp"

namespace alemsim {

int study_command(const StudyOptions& options) {
  try {
    StudyFile study = load_study(options.study_path);
    StudyDesign& d = study.design;
    if (options.patients) {
      if (*options.patients < 1) throw std::invalid_argument("--patients: expected a whole number >= 1");
      d.patients = *options.patients;
    }
    // Fail on an unwritable output folder now, not after the simulation.
    std::filesystem::path dir;
    if (options.out_dir) {
      dir = *options.out_dir;
      std::error_code ec;
      std::filesystem::create_directories(dir / "plots", ec);
      if (ec) throw std::runtime_error(*options.out_dir + ": cannot create output folder: " + ec.message());
      check_writable((dir / "outcomes.csv").string());
    }

    const auto total = static_cast<std::int64_t>(d.arms.size()) * d.patients;
    ProgressBar progress(fmt::format("arm x patients ({} arms)", d.arms.size()), total,
                         !options.quiet && stderr_is_terminal());
    std::int64_t finished_arms = 0;
    StudyRunOptions run;
    run.threads = options.threads;
    StudyObserver observer;
    observer.batch = [&](const ArmRun&, std::span<const PatientOutcome> batch) {
      progress.update(finished_arms * d.patients + batch.back().index + 1);
    };
    observer.end_arm = [&](const ArmRun&) { ++finished_arms; };
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
      write_study_hdf5((dir / "study.h5").string(), study, arms);
      std::size_t plots = 0;
      if (!d.settings.empty()) {
        const auto outcomes = study_outcomes();
        for (std::size_t m = 0; m < outcomes.size(); ++m) {
          AtomicFile svg((dir / "plots" / (outcomes[m].name + ".svg")).string());
          svg.stream() << study_plot_svg(study, arms, m);
          svg.commit();
          ++plots;
        }
      }
      fmt::print("\nWritten to {}: outcomes.csv, outcomes.md, study.h5 and {} plot(s) in plots/\n", dir.string(), plots);
    }
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "alemsim: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace alemsim
