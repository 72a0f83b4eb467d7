#include "gui/core/snapshot.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "gui/core/course_figures.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

// Hyndman & Fan type 7 on already sorted values: the definition of alemsim::percentile, without
// sorting again for each of the five percentiles.
double sorted_percentile(const std::vector<double>& sorted, double p) {
  const double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (rank - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

std::vector<QuantityInfo> engine_quantities() {
  std::vector<QuantityInfo> out;
  for (const OutputQuantity& q : patient_outputs()) out.push_back({std::string(q.column), std::string(q.label), std::string(q.unit)});
  return out;
}

int find_quantity(std::span<const QuantityInfo> quantities, std::string_view column) {
  for (std::size_t q = 0; q < quantities.size(); ++q) {
    if (quantities[q].column == column) return static_cast<int>(q);
  }
  return -1;
}

PopulationSnapshot make_population_snapshot(std::span<const double> grid_day, std::vector<QuantityInfo> quantities,
                                            std::span<const PopulationPatient> patients, int trace_count) {
  std::vector<const PopulationPatient*> ok;
  PopulationSnapshot s;
  for (const PopulationPatient& p : patients) {
    if (p.ok) {
      ok.push_back(&p);
    } else if (s.first_error.empty()) {
      s.first_error = p.error;
    }
  }
  if (ok.empty()) throw std::invalid_argument("no virtual patient could be simulated: " + s.first_error);
  s.patients = static_cast<std::int64_t>(patients.size());
  s.failed = s.patients - static_cast<std::int64_t>(ok.size());
  s.grid_day.assign(grid_day.begin(), grid_day.end());
  s.quantities = std::move(quantities);

  const std::size_t n_times = grid_day.size();
  std::vector<double> column(ok.size());
  for (std::size_t q = 0; q < s.quantities.size(); ++q) {
    PercentileCurves curves;
    for (auto* curve : {&curves.p05, &curves.p25, &curves.p50, &curves.p75, &curves.p95}) curve->resize(n_times);
    for (std::size_t t = 0; t < n_times; ++t) {
      for (std::size_t i = 0; i < ok.size(); ++i) column[i] = ok[i]->result.series.at(q).at(t);
      std::sort(column.begin(), column.end());
      curves.p05[t] = sorted_percentile(column, 5.0);
      curves.p25[t] = sorted_percentile(column, 25.0);
      curves.p50[t] = sorted_percentile(column, 50.0);
      curves.p75[t] = sorted_percentile(column, 75.0);
      curves.p95[t] = sorted_percentile(column, 95.0);
    }
    s.percentiles.push_back(std::move(curves));

    std::vector<std::vector<double>> traces;
    for (std::size_t i = 0; i < ok.size() && static_cast<int>(i) < trace_count; ++i) traces.push_back(ok[i]->result.series[q]);
    s.traces.push_back(std::move(traces));
  }

  std::size_t n_courses = 0;
  for (const auto* p : ok) {
    for (const CoursePk& pk : p->result.courses) n_courses = std::max(n_courses, static_cast<std::size_t>(pk.course_index) + 1);
  }
  const auto figures = course_figures();
  s.course_spreads.assign(n_courses, std::vector<Spread>(figures.size()));
  for (std::size_t k = 0; k < n_courses; ++k) {
    for (std::size_t f = 0; f < figures.size(); ++f) {
      std::vector<double> values;
      for (const auto* p : ok) {
        for (const CoursePk& pk : p->result.courses) {
          if (static_cast<std::size_t>(pk.course_index) == k) values.push_back(figures[f].value(pk));
        }
      }
      s.course_spreads[k][f] = spread(values);
    }
  }
  return s;
}

}  // namespace alemsim::gui
