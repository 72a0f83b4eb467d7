#include "gui/viewer/controller.hpp"

#include <exception>
#include <stdexcept>

#include "gui/core/results_file.hpp"
#include "io/scenario_writer.hpp"
#include "gui/core/series_csv.hpp"
#include "gui/viewer/lessons.hpp"
#include "gui/viewer/viewer_frame.hpp"

namespace alemsim::gui {

Controller::Controller(Scenario scenario, int worker_threads) : session_(worker_threads) {
  set_scenario(std::move(scenario));
}

void Controller::set_scenario(Scenario scenario, bool refit) {
  ui_.scenario = std::move(scenario);
  ui_.modified = false;
  if (refit) {
    ui_.plots.time_axis.auto_fit = true;
    for (auto& [column, axis] : ui_.plots.value_axes) axis.auto_fit = true;
  }
  session_.update(ui_.scenario, ui_.plots.trace_count);
}

bool Controller::pin_reference(bool median) {
  const Results& r = session_.results();
  if (!r.typical) return false;
  std::string name = ui_.lesson ? ui_.lesson->file.variants[ui_.lesson->variant].name : ui_.scenario.name;
  if (ui_.modified) name += " (edited)";
  ui_.reference = PinnedReference{name, r.typical, median && !r.population_stale() ? r.population : nullptr};
  ui_.status = "pinned " + name + " as the reference";
  return true;
}

bool Controller::open_lesson(const std::string& name_or_path) {
  try {
    Lesson lesson = load_lesson(find_lesson(name_or_path));
    Scenario first = load_scenario(lesson.variants.front().scenario_path);
    set_scenario(std::move(first));
    ui_.study.reset();
    ui_.lesson = OpenLesson{std::move(lesson)};
    apply_lesson_view(ui_.lesson->file.view, ui_);
    ui_.file_error.clear();
    ui_.status = "opened lesson " + ui_.lesson->file.name;
    return true;
  } catch (const std::exception& e) {
    ui_.file_error = std::string("Could not open the lesson. ") + e.what();
    return false;
  }
}

bool Controller::open_lesson_variant(std::size_t index) {
  try {
    if (!ui_.lesson || index >= ui_.lesson->file.variants.size()) throw std::runtime_error("the lesson has no such variant");
    const LessonVariant& variant = ui_.lesson->file.variants[index];
    Scenario scenario = load_scenario(variant.scenario_path);
    for (auto& [column, axis] : ui_.plots.value_axes) axis.auto_fit = false;
    ui_.plots.time_axis.auto_fit = false;
    set_scenario(std::move(scenario), false);
    ui_.lesson->variant = index;
    ui_.file_error.clear();
    ui_.status = "showing " + variant.name;
    return true;
  } catch (const std::exception& e) {
    ui_.file_error = std::string("Could not show the variant. ") + e.what();
    return false;
  }
}

void Controller::show_read(FileRead read) {
  if (!read.file) {
    ui_.file_error = std::string("Could not open the file. ") + read.error;
    ui_.status.clear();
    return;
  }
  OpenedFile& opened = *read.file;
  ResultsFile& file = opened.results;
  if (file.scenario) {
    ui_.scenario = std::move(*file.scenario);
    ui_.modified = false;
  } else {
    file.population.note = "Its scenario cannot be read (" + file.scenario_error +
                           "): regimen, typical patient and course markers are the viewer's own.";
  }
  ui_.lesson.reset();
  if (opened.refit) {
    ui_.plots.time_axis.auto_fit = true;
    for (auto& [column, axis] : ui_.plots.value_axes) axis.auto_fit = true;
  }
  session_.show_population(std::make_shared<const PopulationSnapshot>(std::move(file.population)),
                           file.scenario ? &ui_.scenario : nullptr);
  if (opened.study) {
    ui_.status = "opened " + (opened.refit ? opened.path : opened.study->arms[opened.arm].group);
    ui_.study = OpenStudy{std::move(*opened.study), opened.arm};
  } else {
    ui_.status = "opened " + opened.path;
    ui_.study.reset();
  }
  ui_.file_error.clear();
}

bool Controller::open(const std::string& path, std::optional<std::size_t> arm) {
  try {
    if (!is_results_file_name(path)) {
      if (arm) throw std::runtime_error(path + " is a scenario, not a study file: it has no arms");
      set_scenario(load_scenario(path));
      ui_.study.reset();
      ui_.lesson.reset();
      ui_.file_error.clear();
      ui_.status = "opened " + path;
      return true;
    }
    loader_.start(read_results_job(path, arm, ui_.plots.trace_count));
    ui_.file_error.clear();
    ui_.status = "reading " + path + " ...";
    return true;
  } catch (const std::exception& e) {
    ui_.file_error = std::string("Could not open the file. ") + e.what();
    return false;
  }
}

bool Controller::open_arm(std::size_t index) {
  if (!ui_.study) {
    ui_.file_error = "Could not open the arm. no study file is open";
    return false;
  }
  const StudyArms arms = ui_.study->file;
  const int traces = ui_.plots.trace_count;
  loader_.start([arms, index, traces](std::stop_token stop) {
    OpenedFile opened;
    opened.path = arms.path;
    opened.arm = index;
    opened.refit = false;
    opened.results = read_results_file(arms.path, traces, study_arm(arms, static_cast<long long>(index)).group, stop);
    opened.study = arms;
    return opened;
  });
  ui_.file_error.clear();
  ui_.status = "reading arm " + std::to_string(index) + " ...";
  return true;
}

bool Controller::wait_for_file(std::chrono::milliseconds timeout) {
  if (!loader_.wait_idle(timeout)) return false;
  if (std::optional<FileRead> read = loader_.take()) show_read(std::move(*read));
  return ui_.file_error.empty();
}

Actions Controller::frame() {
  if (std::optional<FileRead> read = loader_.take()) show_read(std::move(*read));
  session_.poll();
  Actions actions;
  draw_viewer(session_.results(), ui_, actions);
  apply(actions);
  return actions;
}

void Controller::apply(Actions& a) {
  if (a.scenario_changed) session_.update(ui_.scenario, ui_.plots.trace_count);
  if (a.open_path) open(*a.open_path);
  if (a.open_arm) open_arm(*a.open_arm);
  if (a.open_lesson) open_lesson(*a.open_lesson);
  if (a.open_variant) open_lesson_variant(*a.open_variant);
  if (a.pin_reference) pin_reference(*a.pin_reference);
  if (a.unpin_reference) ui_.reference.reset();
  if (a.save_path) {
    try {
      save_scenario(*a.save_path, ui_.scenario);
      ui_.scenario.path = *a.save_path;
      ui_.modified = false;
      ui_.status = "saved " + *a.save_path;
      ui_.file_error.clear();
    } catch (const std::exception& e) {
      ui_.file_error = std::string("Could not save the scenario. ") + e.what();
    }
  }
  if (a.export_csv_path) {
    const Results& r = session_.results();
    try {
      if (!r.typical) throw std::runtime_error("nothing has been simulated yet");
      const PopulationSnapshot* population = r.population_stale() ? nullptr : r.population.get();
      export_plotted_series_csv(*a.export_csv_path, *r.typical, population);
      ui_.status = "exported " + *a.export_csv_path;
      ui_.file_error.clear();
    } catch (const std::exception& e) {
      ui_.file_error = std::string("Could not export the series. ") + e.what();
    }
  }
}

}  // namespace alemsim::gui
