#include "sim/course_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include "models/calendar.hpp"
#include "models/reference_ranges.hpp"
#include "sim/output_grid.hpp"
#include "sim/threshold_fractions.hpp"

namespace alemsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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
  if (t_day > grid_day.back()) return kNaN;
  return values[grid_index_of(grid_day, t_day)];
}

// Grid indices [first, last) of a course window.
struct Window {
  std::size_t first;
  std::size_t last;
};

// Index of the first smallest value in values[w.first, w.last), or with kLargest the first largest.
// The extreme is found with four running extremes side by side (one chain of dependent compares ran
// at a compare's latency per element: a tenth of a population run), then its first position by a
// scan that stops there.
template <bool kLargest>
std::size_t extreme_index(std::span<const double> values, Window w) {
  const auto better = [](double a, double b) { return kLargest ? a > b : a < b; };
  std::array<double, 4> best;
  best.fill(values[w.first]);
  std::size_t i = w.first;
  for (; i + 4 <= w.last; i += 4) {
    for (std::size_t lane = 0; lane < 4; ++lane) {
      if (better(values[i + lane], best[lane])) best[lane] = values[i + lane];
    }
  }
  double extreme = best[0];
  for (double b : best) extreme = better(b, extreme) ? b : extreme;
  for (; i < w.last; ++i) extreme = better(values[i], extreme) ? values[i] : extreme;
  std::size_t at = w.first;
  while (values[at] != extreme) ++at;
  return at;
}

// Days from course start until the count is back at or above `threshold` after the nadir at index
// `nadir`; 0 if the count never fell below; NaN if it does not come back within the window.
double regained_day(std::span<const double> grid_day, std::span<const double> values, Window w, std::size_t nadir,
                    double threshold, double start_day) {
  if (std::isnan(threshold)) return kNaN;
  if (values[nadir] >= threshold) return 0.0;
  for (std::size_t i = nadir; i < w.last; ++i) {
    if (values[i] >= threshold) return grid_day[i] - start_day;
  }
  return kNaN;
}

}  // namespace

Recovery CourseSummary::recovery(double regained_day) const {
  if (std::isnan(regained_day)) return {Recovery::Kind::kCensored, window_end_day};
  if (regained_day == 0.0) return {Recovery::Kind::kNeverBelow, 0.0};
  return {Recovery::Kind::kRecovered, regained_day};
}

std::vector<double> course_summary_times(std::span<const Infusion> infusions) {
  std::vector<double> times;
  for (const auto& [index, span] : course_spans(infusions)) {
    for (double after : {kHalfLifeFromDay, kHalfLifeToDay, kWashoutDay}) times.push_back(span.last_end_day + after);
    for (double months : kLlnCheckMonths) times.push_back(span.start_day + months * kDaysPerMonth);
    for (double months : kFractionCheckMonths) times.push_back(span.start_day + months * kDaysPerMonth);
  }
  return times;
}

std::vector<CourseSummary> summarize_courses(const SimulationPlan& plan, std::span<const OutputQuantity> outputs,
                                             std::span<const std::vector<double>> series) {
  const std::span<const double> grid_day = plan.grid_day();
  const std::size_t conc_index = find_role(outputs, QuantityRole::kDrugConcentration);
  if (conc_index == outputs.size()) throw std::invalid_argument("course summary needs a drug concentration output");
  const std::vector<double>& conc = series[conc_index];
  const std::size_t ada_index = find_role(outputs, QuantityRole::kAntibodyTiter);
  const std::size_t total_index = find_role(outputs, QuantityRole::kTotalLymphocytes);

  const auto spans = course_spans(plan.infusions());
  std::vector<CourseSummary> result;
  for (auto it = spans.begin(); it != spans.end(); ++it) {
    const auto next = std::next(it);
    const double window_end = next == spans.end() ? std::numeric_limits<double>::infinity() : next->second.start_day;
    const Window w{grid_index_of(grid_day, it->second.start_day),
                   static_cast<std::size_t>(std::lower_bound(grid_day.begin(), grid_day.end(), window_end) - grid_day.begin())};

    CourseSummary c;
    c.course_index = it->first;
    c.start_day = it->second.start_day;
    c.last_infusion_end_day = it->second.last_end_day;
    c.window_end_day = grid_day[w.last - 1] - c.start_day;
    const std::size_t peak = extreme_index<true>(conc, w);
    c.cmax_ng_per_ml = conc[peak];
    c.tmax_day = grid_day[peak];
    const double c_from = value_at(grid_day, conc, c.last_infusion_end_day + kHalfLifeFromDay);
    const double c_to = value_at(grid_day, conc, c.last_infusion_end_day + kHalfLifeToDay);
    c.half_life_day = std::log(2.0) * (kHalfLifeToDay - kHalfLifeFromDay) / std::log(c_from / c_to);
    c.concentration_30d_ng_per_ml = value_at(grid_day, conc, c.last_infusion_end_day + kWashoutDay);
    c.ada_titer_at_start = ada_index < outputs.size() ? series[ada_index][w.first] : kNaN;
    const auto total_at = [&](double months) {
      return total_index < outputs.size() ? value_at(grid_day, series[total_index], c.start_day + months * kDaysPerMonth)
                                          : kNaN;
    };
    c.lymphocytes_6_months_cells_per_ul = total_at(kLlnCheckMonths[0]);
    c.lymphocytes_12_months_cells_per_ul = total_at(kLlnCheckMonths[1]);

    c.cd4_200_regained_day = kNaN;
    for (std::size_t q = 0; q < outputs.size(); ++q) {
      if (!outputs[q].is_cell_count()) continue;
      const std::vector<double>& v = series[q];
      const std::size_t nadir = extreme_index<false>(v, w);
      SubsetCourse s;
      s.column = outputs[q].column;
      s.start_cells_per_ul = v[w.first];
      s.baseline_cells_per_ul = v.front();
      s.nadir_cells_per_ul = v[nadir];
      s.nadir_day = grid_day[nadir] - c.start_day;
      s.lln_cells_per_ul = outputs[q].lln_cells_per_ul;
      s.lln_regained_day = regained_day(grid_day, v, w, nadir, s.lln_cells_per_ul, c.start_day);
      s.baseline_regained_day = regained_day(grid_day, v, w, nadir, kBaselineRecoveredFraction * s.baseline_cells_per_ul,
                                             c.start_day);
      c.subsets.push_back(s);
      if (outputs[q].guides_prophylaxis) {
        c.cd4_200_regained_day = regained_day(grid_day, v, w, nadir, kProphylaxisCd4CellsPerUl, c.start_day);
      }
    }
    const double minimum_end = c.last_infusion_end_day - c.start_day + kProphylaxisMinimumDays;
    c.prophylaxis_end_day = std::isnan(c.cd4_200_regained_day) ? kNaN : std::max(minimum_end, c.cd4_200_regained_day);
    result.push_back(std::move(c));
  }
  return result;
}

}  // namespace alemsim
