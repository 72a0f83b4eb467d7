#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <span>
#include <utility>
#include <string>
#include <vector>

#include <imgui.h>

#include "gui/core/reference_data.hpp"
#include "gui/plot/plot.hpp"
#include "gui/viewer/layout.hpp"
#include "gui/viewer/panels.hpp"
#include "gui/viewer/style.hpp"
#include "gui/viewer/text_format.hpp"
#include "sim/course_summary.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {


const ImVec4 kErrorColor{0.75f, 0.05f, 0.05f, 1.0f};

constexpr float kMinPlotHeight = 200.0f;
// Rows of plots that share the panel's height; more scroll. One column: 3 rows; two columns: 2
// rows, so the drug and three cell plots fit at once.
constexpr int kRowsPerScreen[] = {3, 2};

// A quantity to plot and where its data is: series index in the typical and population snapshots.
struct PlottedQuantity {
  QuantityInfo info;
  int typical = -1;
  int population = -1;
};

std::vector<PlottedQuantity> plotted_quantities(const Results& r) {
  std::vector<PlottedQuantity> out;
  if (r.typical) {
    for (std::size_t q = 0; q < r.typical->quantities.size(); ++q) {
      out.push_back({r.typical->quantities[q], static_cast<int>(q), -1});
    }
  }
  if (r.population) {
    for (std::size_t q = 0; q < r.population->quantities.size(); ++q) {
      const QuantityInfo& info = r.population->quantities[q];
      auto it = std::find_if(out.begin(), out.end(), [&](const PlottedQuantity& p) { return p.info.column == info.column; });
      if (it == out.end()) {
        out.push_back({info, -1, static_cast<int>(q)});
      } else {
        it->population = static_cast<int>(q);
      }
    }
  }
  return out;
}

plot::ItemStyle style(ImU32 color, float thickness = 1.5f, bool legend = true, bool readout = true, bool fit = true) {
  return {color, thickness, legend, readout, fit};
}

void plot_population(const PopulationSnapshot& pop, int q, const PlotSettings& settings, const Palette& c) {
  const PercentileCurves& curves = pop.percentiles[static_cast<std::size_t>(q)];
  if (settings.show_traces) {
    const auto& traces = pop.traces[static_cast<std::size_t>(q)];
    for (std::size_t i = 0; i < traces.size(); ++i) {
      plot::PlotLine("", pop.grid_day, traces[i], style(c.trace, 1.0f, false, false, false));
    }
  }
  if (settings.show_bands) {
    plot::PlotBand("5-95%", pop.grid_day, curves.p05, curves.p95, style(c.outer_band, 1.0f, false));
    plot::PlotBand("25-75%", pop.grid_day, curves.p25, curves.p75, style(c.inner_band, 1.0f, false));
  }
  if (settings.show_median) plot::PlotLine("median", pop.grid_day, curves.p50, style(c.median, 1.5f, false));
}

// The pinned reference's typical patient and, when pinned, its population median, in grey.
void plot_pinned_reference(const PinnedReference& ref, std::string_view column, const Palette& c) {
  const TypicalSnapshot& t = *ref.typical;
  for (std::size_t q = 0; q < t.quantities.size(); ++q) {
    if (t.quantities[q].column != column) continue;
    const std::string name = "reference: " + ref.name;
    plot::PlotLine(name.c_str(), t.grid_day, t.series[q], style(c.pinned_typical, 2.0f, false));
  }
  if (!ref.population) return;
  const PopulationSnapshot& pop = *ref.population;
  for (std::size_t q = 0; q < pop.quantities.size(); ++q) {
    if (pop.quantities[q].column == column) plot::PlotLine("reference median", pop.grid_day, pop.percentiles[q].p50, style(c.pinned_median, 1.5f, false));
  }
}

// Value of a typical series at a grid time (the summary times are grid points).
double typical_at(const TypicalSnapshot& t, int q, double day) {
  const auto it = std::lower_bound(t.grid_day.begin(), t.grid_day.end(), day - 1e-9);
  if (it == t.grid_day.end()) return std::nan("");
  return t.series[static_cast<std::size_t>(q)][static_cast<std::size_t>(it - t.grid_day.begin())];
}

// Published mean Cmax of course `course_index` (0-based; SmPC), or NaN.
double published_cmax(std::size_t course_index) {
  for (const ReferenceSeries* series : reference_series_for(output_with_role(QuantityRole::kDrugConcentration).column)) {
    for (std::size_t i = 0; i < series->course.size(); ++i) {
      if (series->course[i] == static_cast<int>(course_index) + 1) return series->value[i];
    }
  }
  return std::nan("");
}

// Cmax and half-life of each course on the concentration plot. When the published Cmax is shown
// too, the higher of the two values is labelled above its point and the lower below, so the two
// labels never overlap.
void plot_concentration_overlays(const TypicalSnapshot& t, int q, const TeachingSettings& teaching, const Palette& c) {
  for (const CourseSummary& pk : t.courses) {
    if (teaching.cmax) {
      plot::PlotMarkers("", std::span(&pk.tmax_day, 1), std::span(&pk.cmax_ng_per_ml, 1), plot::Marker::kCircle,
                        style(c.typical, 1.5f, false, false, false));
      char text[96];
      std::snprintf(text, sizeof text, "Cmax %.0f ng/mL, course day %.0f", pk.cmax_ng_per_ml,
                    std::floor(pk.tmax_day - pk.start_day) + 1.0);
      const bool below = teaching.reference_points && published_cmax(static_cast<std::size_t>(pk.course_index)) > pk.cmax_ng_per_ml;
      plot::PlotText(text, pk.tmax_day, pk.cmax_ng_per_ml, ImVec2(10.0f, below ? 4.0f : -24.0f), c.annotation_text);
    }
    if (teaching.half_life && std::isfinite(pk.half_life_day)) {
      const double d1 = pk.last_infusion_end_day + kHalfLifeFromDay;
      const double d10 = pk.last_infusion_end_day + kHalfLifeToDay;
      const double c1 = typical_at(t, q, d1);
      const double c10 = typical_at(t, q, d10);
      plot::PlotSegment(d1, c1, d10, c10, style(c.half_life, 2.5f));
      char text[64];
      std::snprintf(text, sizeof text, "t½ %.2f days", pk.half_life_day);
      // At the chord's end, right of it and below: clear of the Cmax labels at the peak on either axis.
      plot::PlotText(text, d10, c10, ImVec2(6.0f, 2.0f), c.half_life);
    }
  }
}

void plot_reference_points(const QuantityInfo& quantity, const TypicalSnapshot* t, const Palette& c) {
  // One marker shape per source, all in the published figures' green.
  constexpr plot::Marker kSourceMarkers[] = {plot::Marker::kDiamond, plot::Marker::kSquare, plot::Marker::kTriangle};
  std::size_t source = 0;
  for (const ReferenceSeries* series : reference_series_for(quantity.column)) {
    const plot::Marker marker = kSourceMarkers[source++ % std::size(kSourceMarkers)];
    plot::PlotMarkers(series->name.c_str(), series->day, series->value, marker, style(c.reference_point, 1.5f, true, false, true));
    for (std::size_t i = 0; i < series->labels.size(); ++i) {
      if (series->labels[i].empty()) continue;
      // Published values higher than the typical curve's peak are labelled above, others below.
      double simulated = -INFINITY;
      // The typical Cmax of the course the point follows, so the label does not cover the curve.
      if (t != nullptr && quantity.is_concentration()) {
        for (const CourseSummary& course : t->courses) {
          if (course.course_index + 1 == series->course[i]) simulated = course.cmax_ng_per_ml;
        }
      }
      const bool above = series->value[i] > simulated;
      plot::PlotText(series->labels[i].c_str(), series->day[i], series->value[i], ImVec2(10.0f, above ? -24.0f : 4.0f),
                     c.reference_point);
    }
  }
}

// The course start days of the regimen shown (for a time axis counted from a course).
std::vector<double> course_starts(const Results& r) {
  std::vector<double> starts;
  if (r.typical) {
    for (const auto& course : r.typical->regimen) starts.push_back(course.start_day);
  }
  return starts;
}

// The shared time axis; `title`: only the plots of the last row carry its title.
plot::AxisSpec time_axis_spec(const TimeAxisView& view, UiState& ui, bool title) {
  return {view.label, view.unit, plot::Scale::kLinear, &ui.plots.time_axis, view.display, title};
}

void draw_quantity_plot(const Results& r, const PlottedQuantity& pq, UiState& ui, const TimeAxisView& time, ImVec2 size,
                        bool time_title) {
  const std::string& column = pq.info.column;
  const bool log_axis = pq.info.is_concentration() && ui.plots.log_concentration;
  plot::AxisState& y_state = ui.plots.value_axes[column];
  const std::string unit = display_unit(pq.info.unit);
  const plot::AxisSpec x_axis = time_axis_spec(time, ui, time_title);
  const plot::AxisSpec y_axis{"", unit, log_axis ? plot::Scale::kLog10 : plot::Scale::kLinear, &y_state};
  if (!plot::BeginPlot(column.c_str(), pq.info.label.c_str(), size, x_axis, y_axis)) return;

  const TeachingSettings& teaching = ui.teaching;
  const Palette& c = palette(ui.display.theme);
  const TypicalSnapshot* typical = r.typical.get();
  if (typical != nullptr) {
    for (std::size_t k = 0; k < typical->regimen.size(); ++k) {
      const std::string label = "course " + std::to_string(k + 1);
      plot::PlotRefLineX(label.c_str(), typical->regimen[k].start_day, style(c.course_marker, 1.0f, false, false, false));
    }
  }
  if (teaching.enabled && teaching.reference_lines) {
    for (const ReferenceLine* line : reference_lines_for(column)) {
      plot::PlotRefLineY(line->label.c_str(), line->value, style(c.reference_line, 1.5f, false, false, true));
    }
  }
  if (r.population && pq.population >= 0) plot_population(*r.population, pq.population, ui.plots, c);
  if (ui.reference) plot_pinned_reference(*ui.reference, column, c);
  if (typical != nullptr && pq.typical >= 0 && ui.plots.show_typical) {
    plot::PlotLine("typical patient", typical->grid_day, typical->series[static_cast<std::size_t>(pq.typical)], style(c.typical, 2.25f, false));
  }
  if (teaching.enabled && teaching.reference_points) plot_reference_points(pq.info, typical, c);
  if (teaching.enabled && typical != nullptr && pq.typical >= 0 && pq.info.is_concentration()) {
    plot_concentration_overlays(*typical, pq.typical, teaching, c);
  }
  plot::EndPlot();
}

// The fraction of patients below CD4+ 200 and each lower limit of normal over time, in percent,
// each with its Wilson 95% interval as a band.
void draw_fractions_plot(const PopulationSnapshot& pop, UiState& ui, const TimeAxisView& time, ImVec2 size, bool time_title) {
  constexpr ImU32 kColors[] = {IM_COL32(25, 85, 190, 255), IM_COL32(215, 85, 20, 255), IM_COL32(0, 150, 110, 255),
                               IM_COL32(200, 140, 0, 255), IM_COL32(190, 90, 160, 255)};
  const plot::AxisSpec x_axis = time_axis_spec(time, ui, time_title);
  const plot::AxisSpec y_axis{"", "% of patients", plot::Scale::kLinear, &ui.plots.value_axes["fractions_below"]};
  if (!plot::BeginPlot("fractions_below", "Patients below a threshold (95% interval)", size, x_axis, y_axis)) {
    return;
  }
  const auto percent = [](const std::vector<double>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = 100.0 * v[i];
    return out;
  };
  // The plot reads its items' data when it ends (to fit the axes), so the percentages live until then.
  std::vector<std::array<std::vector<double>, 3>> curves;
  for (const FractionCurve& c : pop.fractions_below) curves.push_back({percent(c.fraction), percent(c.lower), percent(c.upper)});
  for (std::size_t j = 0; j < curves.size(); ++j) {
    const ImU32 color = kColors[j % std::size(kColors)];
    const ImU32 band = (color & 0x00FFFFFFu) | (static_cast<ImU32>(45) << IM_COL32_A_SHIFT);
    plot::PlotBand("", pop.grid_day, curves[j][1], curves[j][2], style(band, 1.0f, false, false));
    plot::PlotLine(pop.fractions_below[j].label.c_str(), pop.grid_day, curves[j][0], style(color, 1.75f));
  }
  plot::EndPlot();
}

// Keeps the next widget on this line if `width` pixels are left, so the toolbar wraps in narrow windows.
void same_line_if_room(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

// Time in days, weeks, months or years (automatic follows the zoom), from the first infusion or a course's start.
void draw_time_unit_choice(const Results& r, PlotSettings& s) {
  const float combo = ImGui::CalcTextSize("automatic").x + ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.x;
  same_line_if_room(ImGui::CalcTextSize("in").x + combo);
  ImGui::TextUnformatted("in");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo);
  if (ImGui::BeginCombo("##time unit", time_unit_name(s.time.unit))) {
    for (TimeUnit unit : kTimeUnits) {
      if (ImGui::Selectable(time_unit_name(unit), unit == s.time.unit)) s.time.unit = unit;
    }
    ImGui::EndCombo();
  }
  const std::size_t courses = r.typical ? r.typical->regimen.size() : 0;
  const auto origin_name = [](int course) { return course < 0 ? std::string("first infusion") : "course " + std::to_string(course + 1); };
  const float origin_width = ImGui::CalcTextSize("first infusion").x + ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.x;
  same_line_if_room(ImGui::CalcTextSize("from").x + origin_width);
  ImGui::TextUnformatted("from");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(origin_width);
  if (ImGui::BeginCombo("##time origin", origin_name(s.time.origin_course).c_str())) {
    for (int k = -1; k < static_cast<int>(courses); ++k) {
      if (ImGui::Selectable(origin_name(k).c_str(), k == s.time.origin_course)) s.time.origin_course = k;
    }
    ImGui::EndCombo();
  }
}

// Pin the typical patient as a reference, or show which one is pinned with a button to remove it.
void draw_reference_control(const Results& r, const UiState& ui, Actions& actions) {
  const Palette& c = palette(ui.display.theme);
  if (ui.reference) {
    const std::string text = "reference: " + ui.reference->name;
    same_line_if_room(ImGui::CalcTextSize(text.c_str()).x + ImGui::CalcTextSize("unpin").x + 4.0f * ImGui::GetStyle().FramePadding.x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.pinned_typical));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::SmallButton("unpin")) actions.unpin_reference = true;
    return;
  }
  same_line_if_room(ImGui::CalcTextSize("pin as reference").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  ImGui::BeginDisabled(!r.typical);
  if (ImGui::SmallButton("pin as reference")) actions.pin_reference = !r.population_stale();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Keep this typical patient (and the population median) in grey, and the axes as they are:\n"
                      "every later edit is drawn against it, and the Summary shows the changes.");
  }
}

void draw_toolbar(const Results& r, UiState& ui, Actions& actions) {
  PlotSettings& s = ui.plots;
  if (ImGui::Checkbox("log concentration axis", &s.log_concentration)) {
    ui.plots.value_axes[std::string(output_with_role(QuantityRole::kDrugConcentration).column)].auto_fit = true;
  }
  // What the plots show, in a popup: a row of checkboxes takes two lines at projector scale.
  same_line_if_room(ImGui::CalcTextSize("show...").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button("show...")) ImGui::OpenPopup("show");
  if (ImGui::BeginPopup("show")) {
    const std::pair<const char*, bool*> toggles[] = {
        {"typical patient", &s.show_typical}, {"population bands", &s.show_bands}, {"median", &s.show_median},
        {"individual traces", &s.show_traces}, {"patients below a threshold (plot)", &s.show_fractions}};
    for (const auto& [label, value] : toggles) ImGui::Checkbox(label, value);
    ImGui::EndPopup();
  }

  same_line_if_room(ImGui::CalcTextSize("time: whole horizon").x + 3.0f * ImGui::GetStyle().FramePadding.x);
  ImGui::TextUnformatted("time:");
  ImGui::SameLine();
  if (ImGui::SmallButton("whole horizon")) s.time_axis.auto_fit = true;
  if (r.typical) {
    for (std::size_t k = 0; k < r.typical->regimen.size(); ++k) {
      const std::string label = "course " + std::to_string(k + 1);
      same_line_if_room(ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x);
      if (ImGui::SmallButton(label.c_str())) {
        const double start = r.typical->regimen[k].start_day;
        s.time_axis = {{start - 3.0, start + 60.0}, false};
      }
    }
  }
  draw_time_unit_choice(r, s);
  draw_reference_control(r, ui, actions);
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Mouse wheel: zoom time   Ctrl+wheel: zoom values\nDrag: pan   Right-drag: zoom to an interval\n"
                      "Double-click: fit the data again");
  }
}

// One legend for what every plot of a count or the drug shares (the typical patient, the population's
// median and bands, a pinned reference), above the plots; each plot's own legend keeps only what
// is its own (published sources, reference lines).
void draw_shared_legend(const Results& r, const UiState& ui) {
  const Palette& c = palette(ui.display.theme);
  const PlotSettings& s = ui.plots;
  std::vector<plot::LegendEntry> entries;
  if (r.typical && s.show_typical) entries.push_back({"typical patient", c.typical});
  if (r.population && s.show_median) entries.push_back({"median", c.median});
  if (r.population && s.show_traces) entries.push_back({"individual patients", c.trace});
  if (ui.reference) {
    entries.push_back({"reference: " + ui.reference->name, c.pinned_typical});
    if (ui.reference->population) entries.push_back({"reference median", c.pinned_median});
  }
  if (r.population && s.show_bands) {
    entries.push_back({"25-75%", c.inner_band, true});
    entries.push_back({"5-95%", c.outer_band, true});
  }
  plot::LegendRow(entries);
}

void draw_population_status(const Results& r) {
  if (!r.population_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("Population: %s", r.population_error.c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (r.progress.running) {
    const float fraction = r.progress.total > 0 ? static_cast<float>(r.progress.done) / static_cast<float>(r.progress.total) : 0.0f;
    const std::string text = "simulating population: " + std::to_string(r.progress.done) + " / " + std::to_string(r.progress.total);
    ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), text.c_str());
    return;
  }
  if (r.population) {
    // Wrapped: a study arm's source (file, arm, name, seed, version) is longer than the panel is wide.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("population: %s, %s in %.0f ms%s", r.population->source.c_str(),
                       r.population_from_file ? "read" : "simulated", r.population->compute_ms,
                       r.population_stale() ? " (not the current scenario)" : "");
    ImGui::PopStyleColor();
    if (!r.population->note.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::TextWrapped("%s", r.population->note.c_str());
      ImGui::PopStyleColor();
    }
    if (r.population->failed > 0) {
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::TextWrapped("%lld patient(s) failed and are left out: %s", static_cast<long long>(r.population->failed),
                         r.population->first_error.c_str());
      ImGui::PopStyleColor();
    }
  }
}

// The quantities the plot choice shows, in its order.
std::vector<const PlottedQuantity*> shown_quantities(const std::vector<PlottedQuantity>& quantities, UiState& ui) {
  std::vector<std::string> columns;
  for (const PlottedQuantity& q : quantities) columns.emplace_back(q.info.column);
  std::vector<const PlottedQuantity*> shown;
  for (const std::string& column : ui.plots.choice.arrange(columns)) {
    shown.push_back(&*std::find_if(quantities.begin(), quantities.end(), [&](const PlottedQuantity& q) { return q.info.column == column; }));
  }
  return shown;
}

// The plots in one or two columns, filling the space left: rows beyond kRowsPerScreen scroll, or
// with `fit_all` (an export) every row shares the height.
void draw_plot_grid(const Results& r, UiState& ui, const std::vector<const PlottedQuantity*>& shown, bool fractions, int plots,
                    int columns, bool fit_all);

}  // namespace

std::vector<PlotEntry> available_plots(const Results& r) {
  std::vector<PlotEntry> out;
  for (const PlottedQuantity& q : plotted_quantities(r)) out.push_back({std::string(q.info.column), std::string(q.info.label)});
  return out;
}

void draw_plots_panel(const Results& r, UiState& ui, Actions& actions) {
  draw_toolbar(r, ui, actions);
  draw_population_status(r);
  if (!r.simulation_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("Showing the last scenario that could be simulated (see Regimen).");
    ImGui::PopStyleColor();
  }
  const std::vector<PlottedQuantity> quantities = plotted_quantities(r);
  if (quantities.empty()) {
    ImGui::TextUnformatted("Nothing simulated yet.");
    return;
  }
  const std::vector<const PlottedQuantity*> shown = shown_quantities(quantities, ui);
  const bool fractions = ui.plots.show_fractions && r.population && !r.population->fractions_below.empty();
  const int plots = static_cast<int>(shown.size()) + (fractions ? 1 : 0);
  if (plots == 0) {
    ImGui::TextWrapped("Every plot is hidden: View > Plots shows them again.");
    return;
  }

  draw_shared_legend(r, ui);
  ImGui::BeginChild("plots", ImVec2(0, 0), false);
  draw_plot_grid(r, ui, shown, fractions, plots, ui.plot_columns, false);
  ImGui::EndChild();
}

void draw_plots_for_export(const Results& r, UiState& ui) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("##export", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);
  const std::vector<PlottedQuantity> quantities = plotted_quantities(r);
  const std::vector<const PlottedQuantity*> shown = shown_quantities(quantities, ui);
  const bool fractions = ui.plots.show_fractions && r.population && !r.population->fractions_below.empty();
  const int plots = static_cast<int>(shown.size()) + (fractions ? 1 : 0);
  draw_shared_legend(r, ui);
  const int columns = ImGui::GetIO().DisplaySize.x >= 2.0f * kMinPlotColumnWidth ? 2 : 1;
  if (plots > 0) draw_plot_grid(r, ui, shown, fractions, plots, columns, true);
  ImGui::End();
}

namespace {

void draw_plot_grid(const Results& r, UiState& ui, const std::vector<const PlottedQuantity*>& shown, bool fractions, int plots,
                    int columns, bool fit_all) {
  const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
  const int columns_shown = std::clamp(columns, 1, 2);
  const int all_rows = (plots + columns_shown - 1) / columns_shown;
  const int rows = fit_all ? all_rows : std::min(all_rows, kRowsPerScreen[columns_shown - 1]);
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float share = (available.y - spacing.y * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  const float height = fit_all ? share : std::max(kMinPlotHeight, share);
  const float width = columns_shown == 1 ? -1.0f : (available.x - spacing.x) / 2.0f;
  const std::vector<double> starts = course_starts(r);
  const TimeAxisView time = time_axis_view(ui.plots.time, starts, ui.plots.time_axis.range);
  int drawn = 0;
  const int last_row = (plots - 1) / columns_shown;
  // Left to right, then down: the next plot shares the row while the row has room. Returns whether
  // the plot is in the last row, which carries the time axis's title.
  const auto place = [&] {
    if (drawn % columns_shown != 0) ImGui::SameLine();
    return drawn++ / columns_shown == last_row;
  };
  if (fractions) {
    const bool title = place();
    draw_fractions_plot(*r.population, ui, time, ImVec2(width, height), title);
  }
  for (const PlottedQuantity* pq : shown) {
    const bool title = place();
    draw_quantity_plot(r, *pq, ui, time, ImVec2(width, height), title);
  }
  // A reference just pinned has been fitted with the curves: later edits are drawn on these scales.
  if (ui.reference && !ui.reference->axes_frozen) {
    ui.plots.time_axis.auto_fit = false;
    for (auto& [column, axis] : ui.plots.value_axes) axis.auto_fit = false;
    ui.reference->axes_frozen = true;
  }
}

}  // namespace

}  // namespace alemsim::gui
