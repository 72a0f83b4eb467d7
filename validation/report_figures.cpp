#include "validation/report_figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

#include "models/reference_ranges.hpp"
#include "sim/simulate.hpp"
#include "sim/statistics.hpp"
#include "validation/check_table.hpp"
#include "validation/checks.hpp"
#include "io/svg_plot.hpp"

namespace alemsim {
namespace {

constexpr const char* kTypical = "typical patient";
constexpr const char* kPopulationMean = "population mean";
constexpr const char* kPopulationBand = "population, 5th-95th percentile";
constexpr double kCourseWindowDay = 15.0;   // linear concentration panels: the course and its decline
constexpr double kWashoutWindowDay = 40.0;  // semi-log panels: up to and past the 30-day washout

struct PopulationStats {
  std::vector<double> mean, p05, p95;
};

// Mean and 5th/95th percentiles of `column` over the patients the solver completed, at every time.
PopulationStats population_stats(const ValidationRuns& runs, std::string_view column) {
  const std::size_t q = output_index(column);
  PopulationStats s;
  std::vector<double> values;
  for (std::size_t i = 0; i < runs.population_grid_day.size(); ++i) {
    values.clear();
    for (const PatientOutcome& p : runs.population) {
      if (p.ok) values.push_back(p.result.series[q][i]);
    }
    const Spread sp = spread(values);
    s.mean.push_back(sp.mean);
    s.p05.push_back(sp.p05);
    s.p95.push_back(sp.p95);
  }
  return s;
}

// The part of a series within [from_day, to_day], with x = (t - origin_day) / day_per_x_unit.
struct Window {
  double from_day, to_day, origin_day, day_per_x_unit;
  std::vector<std::size_t> indices(const std::vector<double>& grid) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < grid.size(); ++i) {
      if (grid[i] >= from_day - 1e-9 && grid[i] <= to_day + 1e-9) out.push_back(i);
    }
    return out;
  }
  double x(double day) const { return (day - origin_day) / day_per_x_unit; }
};

svg::Line line(const Window& w, const std::vector<double>& grid, const std::vector<double>& values, std::string label,
               const char* color, bool dashed) {
  svg::Line l{std::move(label), {}, {}, color, dashed, dashed ? 1.6 : 2.0};
  for (std::size_t i : w.indices(grid)) {
    l.x.push_back(w.x(grid[i]));
    l.y.push_back(values[i]);
  }
  return l;
}

svg::Band band(const Window& w, const std::vector<double>& grid, const PopulationStats& s) {
  svg::Band b{kPopulationBand, {}, {}, {}, svg::kSkyBlue, 0.25};
  for (std::size_t i : w.indices(grid)) {
    b.x.push_back(w.x(grid[i]));
    b.y_low.push_back(s.p05[i]);
    b.y_high.push_back(s.p95[i]);
  }
  return b;
}

// Typical patient, population mean and band of `column` in window w.
void add_trajectories(svg::Panel& panel, const ValidationRuns& runs, std::string_view column, const Window& w,
                      const PopulationStats& stats) {
  panel.lines.push_back(
      line(w, runs.typical.grid_day, runs.typical.result.series[output_index(column)], kTypical, svg::kBlue, false));
  panel.lines.push_back(line(w, runs.population_grid_day, stats.mean, kPopulationMean, svg::kBlue, true));
  panel.bands.push_back(band(w, runs.population_grid_day, stats));
}

svg::Panel make_panel(std::string title, std::string x_label, std::string y_label, double x_min, double x_max,
                      double y_min, double y_max, bool log_y = false) {
  svg::Panel p;
  p.title = std::move(title);
  p.x_label = std::move(x_label);
  p.y_label = std::move(y_label);
  p.x_min = x_min;
  p.x_max = x_max;
  p.y_min = y_min;
  p.y_max = y_max;
  p.log_y = log_y;
  return p;
}

// Top of a linear axis: the first round tick at or above `value`.
double axis_top(double value) {
  const auto ticks = svg::nice_ticks(0.0, value);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : value;
  return std::ceil(value / step - 1e-9) * step;
}

double largest_in(const svg::Panel& p) {
  double top = 0.0;
  for (const svg::Line& l : p.lines) {
    for (double y : l.y) top = std::isfinite(y) ? std::max(top, y) : top;
  }
  for (const svg::Points& s : p.points) {
    for (double y : s.y_high.empty() ? s.y : s.y_high) top = std::max(top, y);
  }
  for (const svg::Band& b : p.bands) {
    for (double y : b.y_high) top = std::isfinite(y) ? std::max(top, y) : top;
  }
  return top;
}

// Reference figures as points with error bars spanning the accepted range, one series per source.
void add_reference_points(svg::Panel& panel, const std::vector<const ReferenceFigure*>& figures,
                          const std::function<double(const ReferenceFigure&)>& x_of) {
  static constexpr const char* kColors[] = {svg::kVermillion, svg::kGreen, svg::kPurple, svg::kOrange};
  static constexpr svg::Marker kMarkers[] = {svg::Marker::kCircle, svg::Marker::kSquare, svg::Marker::kDiamond,
                                             svg::Marker::kCircle};
  std::vector<std::string> sources;
  for (const ReferenceFigure* f : figures) {
    if (std::find(sources.begin(), sources.end(), f->source) == sources.end()) sources.push_back(f->source);
  }
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const bool pending = std::any_of(figures.begin(), figures.end(), [&](const ReferenceFigure* f) {
      return f->source == sources[k] && f->status == FigureStatus::kKnownDeviation;
    });
    svg::Points pts{sources[k] + (pending ? " (includes a known deviation; bar: accepted range)" : " (bar: accepted range)"),
                    {},
                    {},
                    {},
                    {},
                    kColors[k % 4],
                    kMarkers[k % 4]};
    for (const ReferenceFigure* f : figures) {
      if (f->source != sources[k]) continue;
      pts.x.push_back(x_of(*f));
      pts.y.push_back(f->min);
      pts.y_low.push_back(f->accepted_min());
      pts.y_high.push_back(f->accepted_max());
    }
    panel.points.push_back(std::move(pts));
  }
}

std::vector<const ReferenceFigure*> select(const ReferenceSet& set, Metric metric, std::string_view subset = {},
                                           int course = 0) {
  std::vector<const ReferenceFigure*> out;
  for (const ReferenceFigure& f : set.figures) {
    if (f.metric->metric != metric) continue;
    if (!subset.empty() && f.subset != subset) continue;
    if (course != 0 && f.course != course) continue;
    out.push_back(&f);
  }
  return out;
}

// "EU SmPC 5.2: statement; tolerance: ±10%. ..." for each distinct source and statement.
std::string describe_references(const std::vector<const ReferenceFigure*>& figures) {
  std::vector<std::string> parts;
  for (const ReferenceFigure* f : figures) {
    std::string part = fmt::format("{}: {}; tolerance: {}", f->source, f->statement, format_tolerance(*f, true));
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(std::move(part));
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ". ") + part;
  return out.empty() ? "none in the reference file" : out;
}

std::string course_title(int course) {
  const Course c = label_regimen().at(static_cast<std::size_t>(course - 1));
  return fmt::format("Course {}: {} x {} mg/day from day {}", course, c.infusion_days, format_number(c.dose_mg_per_day),
                     format_number(c.start_day));
}

double lln(std::string_view column) { return output_quantity(column).lln_cells_per_ul; }

std::string population_words(const ValidationRuns& runs) {
  return fmt::format("{} virtual patients (seed {})", runs.population.size(), runs.population_seed);
}

ReportFigure concentration_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  const PopulationStats stats = population_stats(runs, "concentration_ng_per_ml");
  std::vector<svg::Panel> panels;
  for (std::size_t k = 0; k < runs.typical.result.courses.size(); ++k) {
    const CourseSummary& c = runs.typical.result.courses[k];
    const int course = static_cast<int>(k) + 1;
    const Window w{c.start_day, c.start_day + kCourseWindowDay, c.start_day, 1.0};
    svg::Panel p = make_panel(course_title(course), "days after the course's first infusion",
                              "serum alemtuzumab (ng/mL)", 0.0, kCourseWindowDay, 0.0, 1.0);
    add_trajectories(p, runs, "concentration_ng_per_ml", w, stats);
    add_reference_points(p, select(set, Metric::kCmax, {}, course),
                         [&](const ReferenceFigure&) { return c.tmax_day - c.start_day; });
    p.y_max = axis_top(1.05 * largest_in(p));
    panels.push_back(std::move(p));
  }
  return {"concentration.svg", "Serum concentration in courses 1 and 2",
          "Serum alemtuzumab during and after each course of the labelled regimen (12 mg/day infused over 4 h). "
          "Solid: typical patient; dashed and shaded: mean and 5th-95th percentile of " +
              population_words(runs) +
              ". Points, drawn at the end of the last infusion, with bars spanning the accepted range: " +
              describe_references(select(set, Metric::kCmax)) + ".",
          svg::render(panels)};
}

ReportFigure washout_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  const PopulationStats stats = population_stats(runs, "concentration_ng_per_ml");
  const std::vector<double>& conc = runs.typical.result.concentration_ng_per_ml();
  std::vector<svg::Panel> panels;
  for (std::size_t k = 0; k < runs.typical.result.courses.size(); ++k) {
    const CourseSummary& c = runs.typical.result.courses[k];
    const int course = static_cast<int>(k) + 1;
    const Window w{c.start_day, c.start_day + kWashoutWindowDay, c.start_day, 1.0};
    svg::Panel p = make_panel(course_title(course), "days after the course's first infusion",
                              "serum alemtuzumab (ng/mL, log scale)", 0.0, kWashoutWindowDay, 0.1, 1e4, true);
    add_trajectories(p, runs, "concentration_ng_per_ml", w, stats);
    // The labelled half-life range, drawn as the decline it allows from the simulated day-1 value.
    for (const ReferenceFigure* f : select(set, Metric::kHalfLife, {}, course)) {
      const double t1 = c.last_infusion_end_day + kHalfLifeFromDay;
      const double c1 = conc[grid_index_of(runs.typical.grid_day, t1)];
      svg::Band hl{fmt::format("{} half-life {}-{} days, from the simulated day-1 value", f->source,
                               format_number(f->min), format_number(f->max)),
                   {},
                   {},
                   {},
                   svg::kGreen,
                   0.6};
      for (double t = t1; t <= c.last_infusion_end_day + kHalfLifeToDay + 1e-9; t += 0.25) {
        hl.x.push_back(t - c.start_day);
        hl.y_low.push_back(c1 * std::exp2(-(t - t1) / f->min));
        hl.y_high.push_back(c1 * std::exp2(-(t - t1) / f->max));
      }
      p.bands.push_back(std::move(hl));
    }
    p.guides.push_back({c.last_infusion_end_day + kWashoutDay - c.start_day, true, "30 days after the last infusion"});
    for (const ReferenceFigure* f : select(set, Metric::kWashoutPercentOfCmax, {}, course)) {
      p.guides.push_back({f->max / 100.0 * c.cmax_ng_per_ml, false, fmt::format("{}% of Cmax", format_number(f->max))});
    }
    panels.push_back(std::move(p));
  }
  return {"washout.svg", "Half-life and washout",
          "The same concentrations on a log scale, to 40 days after each course's first infusion. Green: the decline "
          "the labelled half-life range allows between days 1 and 10 after the last infusion, started from the typical "
          "patient's day-1 value (" +
              describe_references(select(set, Metric::kHalfLife)) +
              "). Dotted: 30 days after "
              "the last infusion and the bound on the concentration then (" +
              describe_references(select(set, Metric::kWashoutPercentOfCmax)) + ").",
          svg::render(panels)};
}

ReportFigure t_cell_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  const double horizon_months = kLabelHorizonDay / kDaysPerMonth;
  const Window w{0.0, kLabelHorizonDay, 0.0, kDaysPerMonth};
  std::vector<svg::Panel> panels;
  for (const auto& [column, name] :
       {std::pair{"cd4_cells_per_ul", "CD4+ T cells"}, std::pair{"cd8_cells_per_ul", "CD8+ T cells"}}) {
    svg::Panel p = make_panel(name, "months after the first infusion", std::string(name) + " (cells/µL)", 0.0,
                              horizon_months, 0.0, 1.0);
    p.x_tick_step = 3.0;
    add_trajectories(p, runs, column, w, population_stats(runs, column));
    add_reference_points(p, select(set, Metric::kCount, column),
                         [](const ReferenceFigure& f) { return figure_day(f) / kDaysPerMonth; });
    p.guides.push_back({label_regimen().at(1).start_day / kDaysPerMonth, true, "course 2"});
    p.guides.push_back({lln(column), false, fmt::format("lower limit of normal, {}", format_number(lln(column)))});
    // Scale to the typical patient and the references; the population's upper percentiles run off the top.
    double top = 0.0;
    for (const svg::Line& l : p.lines) {
      if (l.label == kTypical) top = std::max(top, *std::max_element(l.y.begin(), l.y.end()));
    }
    p.y_max = axis_top(1.1 * top);
    panels.push_back(std::move(p));
  }
  auto references = select(set, Metric::kCount, "cd4_cells_per_ul");
  for (const ReferenceFigure* f : select(set, Metric::kCount, "cd8_cells_per_ul")) references.push_back(f);
  return {"t_cells.svg", "CD4+ and CD8+ T cells",
          "CD4+ and CD8+ T-cell counts over two courses (course 2 at month 12). Solid: typical patient, which the "
          "checks compare with the reference means; dashed and shaded: mean and 5th-95th percentile of " +
              population_words(runs) + ". Points with bars spanning the accepted range: " +
              describe_references(references) + ". Dotted: lower limits of normal (Hill-Cawthorne 2012).",
          svg::render(panels)};
}

ReportFigure b_cell_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  const double horizon_months = kLabelHorizonDay / kDaysPerMonth;
  const Window w{0.0, kLabelHorizonDay, 0.0, kDaysPerMonth};
  const char* column = "cd19_cells_per_ul";
  const std::vector<double>& b = runs.typical.result.series[output_index(column)];
  svg::Panel p = make_panel("CD19+ B cells", "months after the first infusion", "CD19+ B cells (cells/µL)", 0.0,
                            horizon_months, 0.0, 1.0);
  p.x_tick_step = 3.0;
  add_trajectories(p, runs, column, w, population_stats(runs, column));
  p.guides.push_back({b.front(), false, "baseline (typical patient)"});
  p.guides.push_back({lln(column), false, fmt::format("lower limit of normal, {}", format_number(lln(column)))});
  svg::Points back{"typical patient back at baseline", {}, {}, {}, {}, svg::kBlue, svg::Marker::kDiamond};
  for (const ReferenceFigure* f : select(set, Metric::kCd19BaselineRegainedDay)) {
    const double start = label_regimen().at(static_cast<std::size_t>(f->course - 1)).start_day;
    p.guides.push_back({(start + f->max) / kDaysPerMonth, true, fmt::format("course {} + 6 months", f->course)});
    const double day = evaluate(*f, runs);
    if (std::isfinite(day)) {
      back.x.push_back((start + day) / kDaysPerMonth);
      back.y.push_back(b.front());
    }
  }
  p.points.push_back(std::move(back));
  double top = *std::max_element(b.begin(), b.end());
  p.y_max = axis_top(1.15 * top);
  std::vector<svg::Panel> panels{std::move(p)};
  return {
      "b_cells.svg", "CD19+ B cells",
      "CD19+ B-cell counts over two courses. Solid: typical patient; dashed and shaded: mean and 5th-95th "
      "percentile of " +
          population_words(runs) + ". " + describe_references(select(set, Metric::kCd19BaselineRegainedDay)) +
          ": vertical dotted lines at 6 months after each course; diamonds: when the typical patient is back at its "
          "baseline. The rise above baseline is the BAFF-driven overshoot (Thompson 2010).",
      svg::render(panels)};
}

ReportFigure lln_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  const char* column = "lymphocytes_cells_per_ul";
  const double threshold = lln(column);
  const Window w{0.0, kLabelHorizonDay, 0.0, kDaysPerMonth};
  svg::Panel p = make_panel(fmt::format("Total lymphocytes at or above {} cells/µL", format_number(threshold)),
                            "months after the first infusion", "patients at or above the LLN (%)", 0.0,
                            kLabelHorizonDay / kDaysPerMonth, 0.0, 100.0);
  p.x_tick_step = 3.0;
  p.lines.push_back(line(w, runs.population_grid_day, population_percent_at_or_above(runs, column, threshold),
                         "population, % at or above the LLN", svg::kBlue, false));
  const auto figures = select(set, Metric::kPopulationPercentAtLln, column);
  add_reference_points(p, figures, [](const ReferenceFigure& f) { return figure_day(f) / kDaysPerMonth; });
  p.guides.push_back({label_regimen().at(1).start_day / kDaysPerMonth, true, "course 2"});
  const bool pending = std::any_of(figures.begin(), figures.end(), [](const ReferenceFigure* f) {
    return f->status == FigureStatus::kKnownDeviation;
  });
  std::vector<svg::Panel> panels{std::move(p)};
  return {"lymphocytes_lln.svg", "Fraction of patients at the lower limit of normal",
          "Percentage of " + population_words(runs) +
              " with total lymphocytes at or above the lower limit of normal "
              "(1000 cells/µL, Hill-Cawthorne 2012). Points with bars spanning the accepted range: " +
              describe_references(figures) + "." +
              std::string(pending ? " Figures marked as known deviations are ones the model does not reach; the "
                                    "table gives the numbers and the reason."
                                  : ""),
          svg::render(panels)};
}

ReportFigure ada_figure(const ReferenceSet& set, const ValidationRuns& runs) {
  static constexpr const char* kColors[] = {svg::kBlue, svg::kVermillion, svg::kGreen, svg::kPurple};
  double horizon = 0.0;
  for (const ScenarioRun& s : runs.scenarios) horizon = std::max(horizon, s.grid_day.back());
  svg::Panel titer =
      make_panel("Anti-drug antibody titer", "months after the first infusion",
                 "ADA titer (x assay cut point, log scale)", 0.0, horizon / kDaysPerMonth, 0.01, 100.0, true);
  svg::Panel cd4 = make_panel("CD4+ T cells", "months after the first infusion", "CD4+ T cells (cells/µL)", 0.0,
                              horizon / kDaysPerMonth, 0.0, 1.0);
  titer.x_tick_step = 12.0;
  cd4.x_tick_step = 12.0;
  titer.guides.push_back({kAdaPositiveTiter, false, "assay cut point"});
  for (const ReferenceFigure* f : select(set, Metric::kAdaPeakTiter)) {
    titer.guides.push_back(
        {figure_day(*f) / kDaysPerMonth, true, fmt::format("month {}", format_number(f->months_after))});
  }
  double top = 0.0;
  double top_titer = kAdaPositiveTiter;
  for (std::size_t k = 0; k < runs.scenarios.size(); ++k) {
    const ScenarioRun& s = runs.scenarios[k];
    const Window w{0.0, s.grid_day.back(), 0.0, kDaysPerMonth};
    titer.lines.push_back(
        line(w, s.grid_day, s.result.series[output_index("ada_titer")], s.name, kColors[k % 4], false));
    const auto& counts = s.result.series[output_index("cd4_cells_per_ul")];
    cd4.lines.push_back(line(w, s.grid_day, counts, s.name, kColors[k % 4], false));
    top = std::max(top, *std::max_element(counts.begin(), counts.end()));
    const auto& titers = s.result.series[output_index("ada_titer")];
    top_titer = std::max(top_titer, *std::max_element(titers.begin(), titers.end()));
  }
  cd4.y_max = axis_top(1.1 * top);
  titer.y_max = std::pow(10.0, std::ceil(std::log10(top_titer)));
  std::vector<svg::Panel> panels{std::move(titer), std::move(cd4)};
  std::vector<const ReferenceFigure*> references = select(set, Metric::kAdaPeakTiter);
  for (const ReferenceFigure* f : select(set, Metric::kLateToFirstCd4NadirRatio)) references.push_back(f);
  std::string names;
  for (const ScenarioRun& s : runs.scenarios) names += (names.empty() ? "" : ", ") + s.path;
  return {"ada.svg", "Anti-drug antibodies over four courses",
          "Typical patient of each scenario the ADA figures name (" + names +
              "). Left: titer in multiples of the "
              "assay cut point; right: CD4+ T cells. " +
              describe_references(references) + ".",
          svg::render(panels)};
}

}  // namespace

std::vector<ReportFigure> build_report_figures(const ReferenceSet& set, const ValidationRuns& runs) {
  std::vector<ReportFigure> figures;
  figures.push_back(concentration_figure(set, runs));
  figures.push_back(washout_figure(set, runs));
  figures.push_back(t_cell_figure(set, runs));
  figures.push_back(b_cell_figure(set, runs));
  figures.push_back(lln_figure(set, runs));
  if (!runs.scenarios.empty()) figures.push_back(ada_figure(set, runs));
  return figures;
}

}  // namespace alemsim
