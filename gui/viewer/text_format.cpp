#include "gui/viewer/text_format.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

namespace alemsim::gui {

std::string display_unit(std::string_view unit) {
  std::string out;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    const bool word_start = i == 0 || unit[i - 1] == '/' || unit[i - 1] == ' ';
    if (word_start && unit[i] == 'u' && i + 1 < unit.size() && (unit[i + 1] == 'L' || unit[i + 1] == 'g')) {
      out += "µ";
    } else {
      out += unit[i];
    }
  }
  return out;
}

std::string describe_course(const Course& c) {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%d x %g mg over %g h", c.infusion_days, c.dose_mg_per_day, c.infusion_hours);
  std::string text = buffer;
  if (!c.missed_days.empty()) text += ", " + std::to_string(c.missed_days.size()) + " missed dose(s) moved to the end";
  return text;
}

std::string describe_missed_days(const Course& c) {
  if (c.missed_days.empty()) return "none";
  std::string text;
  for (int day : c.missed_days) text += (text.empty() ? "" : ", ") + std::to_string(day);
  return text;
}

std::string metric_label(std::string_view name) {
  for (std::string_view suffix : {"_cells_per_ul", "_ng_per_ml", "_day"}) {
    if (name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"cmax", "Cmax"}, {"tmax", "Tmax"}, {"cd4", "CD4+"}, {"cd8", "CD8+"}, {"cd19", "CD19+"},
      {"nk", "NK"},     {"lln", "LLN"},   {"ada", "ADA"}};
  std::string out;
  while (!name.empty()) {
    const std::size_t end = std::min(name.find('_'), name.size());
    std::string_view word = name.substr(0, end);
    for (const auto& [from, to] : kWords) {
      if (word == from) word = to;
    }
    if (!out.empty()) out += ' ';
    out += word;
    name.remove_prefix(std::min(end + 1, name.size()));
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "n/a";
  const double size = std::abs(value);
  const int decimals = size >= 100.0 || value == 0.0 ? 0 : size >= 10.0 ? 1 : 2;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace alemsim::gui
