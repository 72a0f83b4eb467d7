#include "gui/viewer/text_format.hpp"

#include <cstdio>

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

}  // namespace alemsim::gui
