#include "gui/viewer/regimen_edit.hpp"

#include <algorithm>
#include <cmath>

namespace alemsim::gui {

void add_course(Scenario& s) {
  Course next{0.0, 3, 12.0, 4.0, {}};
  if (!s.courses.empty()) {
    const Course& last = s.courses.back();
    const double last_end_day = expand_course(last, 0).back().end_day;
    next.start_day = std::max(last.start_day + 365.0, std::ceil(last_end_day));
    next.dose_mg_per_day = last.dose_mg_per_day;
    next.infusion_hours = last.infusion_hours;
  }
  s.courses.push_back(next);
  s.horizon_day = std::max(s.horizon_day, next.start_day + 365.0);
}

void remove_course(Scenario& s, std::size_t index) {
  if (s.courses.size() <= 1 || index >= s.courses.size()) return;
  s.courses.erase(s.courses.begin() + static_cast<std::ptrdiff_t>(index));
}

void set_infusion_days(Course& c, int days) {
  c.infusion_days = std::clamp(days, 1, kMaxInfusionDays);
  std::erase_if(c.missed_days, [&](int day) { return day > c.infusion_days; });
}

void set_missed_day(Course& c, int day, bool missed) {
  std::erase(c.missed_days, day);
  if (missed) {
    c.missed_days.push_back(day);
    std::sort(c.missed_days.begin(), c.missed_days.end());
  }
}

void reset_parameters(Scenario& s) { s.typical_params = typical_params(); }

}  // namespace alemsim::gui
