// Lesson files (scenarios/lessons/NAME.yaml): a short text for a class, the scenarios it compares
// (its variants, each an ordinary scenario file) and how the viewer should start showing them.
// docs/lessons.md describes the format.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "io/scenario.hpp"

namespace alemsim {

struct LessonVariant {
  std::string name;           // "twice the lymphocytes"
  std::string scenario_path;  // resolved against the lesson file's folder
};

// How the viewer starts; every field is optional and leaves the viewer's current setting alone.
struct LessonView {
  std::optional<bool> log_concentration;
  std::optional<std::array<double, 2>> time_day;  // visible days, from and to
  std::optional<std::string> time_unit;           // automatic, days, weeks, months or years
  std::optional<int> time_from_course;            // 1-based course the time axis counts from; 0: the first infusion
  std::vector<std::string> plots;                 // output columns to show, in this order (empty: all)
  std::optional<bool> fractions;                  // the plot of patients below a threshold
};

struct Lesson {
  std::string path;   // the lesson file
  std::string name;   // its file name without .yaml: what --lesson takes
  std::string title;  // "Target-mediated clearance"
  std::string text;   // paragraphs; "## " starts a heading, "- " a bullet
  std::vector<LessonVariant> variants;  // at least one; the first opens with the lesson
  LessonView view;
};

// Reads a lesson file. A missing or malformed file, an unknown key, a variant without a scenario or
// a scenario that does not exist is a ScenarioError naming the file, line and field. The variants'
// scenarios are not loaded here (the viewer opens each when chosen and reports its errors).
Lesson load_lesson(const std::string& path);

// Every lesson file (NAME.yaml) directly in `dir`, by name; empty when the folder does not exist.
std::vector<std::string> list_lessons(const std::string& dir);

}  // namespace alemsim
