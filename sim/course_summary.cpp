#include "sim/course_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "sim/simulate.hpp"

namespace alemsim {
namespace {

struct CourseSpan {
  double start_day;
  double last_end_day;
};

std::map<int, CourseSpan> course_spans(std::span<const Infusion> infusions) {
  std::map<int, CourseSpan> spans;
  for (const Infusion& inf : infusions) {
    auto [it, inserted] = spans.try_emplace(inf.course_index, CourseSpan{inf.start_day, inf.end_day});
    if (!inserted) {
      it->second.start_day = std::min(it->second.start_day, inf.start_day);
      it->second.last_end_day = std::max(it->second.last_end_day, inf.end_day);
    }
  }
  return spans;
}

double value_at(std::span<const double> grid_day, std::span<const double> values, double t_day) {
  if (t_day > grid_day.back()) return std::numeric_limits<double>::quiet_NaN();
  return values[grid_index_of(grid_day, t_day)];
}

}  // namespace

std::vector<double> course_summary_times(std::span<const Infusion> infusions) {
  std::vector<double> times;
  for (const auto& [index, span] : course_spans(infusions)) {
    for (double after : {kHalfLifeFromDay, kHalfLifeToDay, kWashoutDay}) times.push_back(span.last_end_day + after);
  }
  return times;
}

std::vector<CoursePk> summarize_courses(std::span<const Infusion> infusions, std::span<const double> grid_day,
                                        std::span<const double> concentration_ng_per_ml) {
  const auto spans = course_spans(infusions);
  std::vector<CoursePk> result;
  for (auto it = spans.begin(); it != spans.end(); ++it) {
    const auto next = std::next(it);
    const double window_end = next == spans.end() ? grid_day.back() : next->second.start_day;

    CoursePk pk;
    pk.course_index = it->first;
    pk.start_day = it->second.start_day;
    pk.last_infusion_end_day = it->second.last_end_day;
    pk.cmax_ng_per_ml = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < grid_day.size(); ++i) {
      if (grid_day[i] >= pk.start_day && grid_day[i] < window_end && concentration_ng_per_ml[i] > pk.cmax_ng_per_ml) {
        pk.cmax_ng_per_ml = concentration_ng_per_ml[i];
        pk.tmax_day = grid_day[i];
      }
    }
    const double c_from = value_at(grid_day, concentration_ng_per_ml, pk.last_infusion_end_day + kHalfLifeFromDay);
    const double c_to = value_at(grid_day, concentration_ng_per_ml, pk.last_infusion_end_day + kHalfLifeToDay);
    pk.half_life_day = std::log(2.0) * (kHalfLifeToDay - kHalfLifeFromDay) / std::log(c_from / c_to);
    pk.concentration_30d_ng_per_ml = value_at(grid_day, concentration_ng_per_ml, pk.last_infusion_end_day + kWashoutDay);
    result.push_back(pk);
  }
  return result;
}

}  // namespace alemsim
