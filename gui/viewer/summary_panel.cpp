#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "gui/viewer/panels.hpp"
#include "gui/viewer/text_format.hpp"
#include "sim/course_metrics.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

// The engine's per-course metrics, computed for the typical patient; the same list names the
// population's (from a run or a results file).
const std::vector<CourseMetric>& engine_metrics() {
  static const std::vector<CourseMetric> metrics = course_metrics(patient_outputs());
  return metrics;
}

// Mean [5th-95th percentile], and below it how many patients have the figure when not all do.
void spread_cell(const MetricSpread& s) {
  if (s.count == 0) {
    ImGui::TextUnformatted("n/a");
    return;
  }
  ImGui::Text("%s [%s-%s]", format_value(s.mean).c_str(), format_value(s.p05).c_str(), format_value(s.p95).c_str());
  if (s.missing > 0) ImGui::TextDisabled("%lld of %lld patients", static_cast<long long>(s.count), static_cast<long long>(s.count + s.missing));
}

// The row's name wraps in the narrow column, so the figures keep their width.
void label_cell(const std::string& label, const std::string& unit, const std::string& description) {
  ImGui::TableNextColumn();
  const std::string text = unit.empty() ? label : label + ", " + display_unit(unit);
  ImGui::TextWrapped("%s", text.c_str());
  if (!description.empty() && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    ImGui::TextUnformatted(description.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

// "-62.1 (-2.0%)": the change from the reference's value; "-" when either is missing.
std::string change_text(double reference, double now) {
  if (!std::isfinite(reference) || !std::isfinite(now)) return "-";
  if (now == reference) return "same";
  std::string text = (now > reference ? "+" : "") + format_value(now - reference);
  if (reference != 0.0) {
    char percent[32];
    std::snprintf(percent, sizeof percent, " (%+.1f%%)", 100.0 * (now - reference) / std::abs(reference));
    text += percent;
  }
  return text;
}

// One row per metric: the engine's, then any the population brings that this engine does not know.
// With a pinned reference, its typical value and the change stand beside the typical patient's.
void metric_rows(const CourseSummary* typical, const CourseSummary* reference, bool with_reference,
                 const PopulationSnapshot* pop, std::size_t k) {
  const bool with_population = pop != nullptr && k < pop->course_metrics.size();
  const auto population_cell = [&](int m) {
    if (!with_population) return;
    ImGui::TableNextColumn();
    if (m >= 0) {
      spread_cell(pop->course_metrics[k][static_cast<std::size_t>(m)]);
    } else {
      ImGui::TextUnformatted("-");
    }
  };
  const auto blank_reference = [&] {
    if (!with_reference) return;
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
  };
  for (const CourseMetric& metric : engine_metrics()) {
    ImGui::TableNextRow();
    label_cell(metric_label(metric.name), metric.unit, metric.description);
    const double now = typical != nullptr ? metric.value(*typical) : std::nan("");
    const double before = reference != nullptr ? metric.value(*reference) : std::nan("");
    if (with_reference) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(reference != nullptr ? format_value(before).c_str() : "-");
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(typical != nullptr ? format_value(now).c_str() : "-");
    if (with_reference) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(change_text(before, now).c_str());
    }
    population_cell(with_population ? find_metric(pop->metrics, metric.name) : -1);
  }
  if (!with_population) return;
  for (std::size_t m = 0; m < pop->metrics.size(); ++m) {
    const MetricInfo& info = pop->metrics[m];
    bool known = false;
    for (const CourseMetric& metric : engine_metrics()) known = known || metric.name == info.name;
    if (known) continue;
    ImGui::TableNextRow();
    label_cell(metric_label(info.name), info.unit, info.description);
    blank_reference();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("-");
    population_cell(static_cast<int>(m));
  }
  for (std::size_t month = 0; month < std::size(kLlnCheckMonths); ++month) {
    ImGui::TableNextRow();
    char label[64];
    std::snprintf(label, sizeof label, "lymphocytes >= LLN, month %g", kLlnCheckMonths[month]);
    label_cell(label, "", "fraction of patients whose total lymphocytes are at or above their lower limit of normal "
                          "this long after the course start (SmPC 5.1 reports it)");
    blank_reference();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("");
    ImGui::TableNextColumn();
    const double f = pop->lln_fractions[k][month];
    if (std::isnan(f)) {
      ImGui::TextUnformatted("n/a (past horizon)");
    } else {
      ImGui::Text("%.1f%% of patients", 100.0 * f);
    }
  }
}

}  // namespace

void draw_summary_panel(const Results& r, const UiState& ui) {
  if (!r.typical && !r.population) {
    ImGui::TextUnformatted("Nothing simulated yet.");
    return;
  }
  const TypicalSnapshot* t = r.typical.get();
  const PopulationSnapshot* pop = r.population.get();
  if (t != nullptr) ImGui::TextDisabled("typical patient simulated in %.2f ms", t->compute_ms);
  if (pop != nullptr) {
    ImGui::TextDisabled("population: mean [5th-95th percentile]%s", r.population_stale() ? ", updating" : "");
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Days count from each course's first infusion. Hover a row for what it is.");
  if (ui.reference) {
    // The population's column would leave the figures' names no room beside four columns.
    ImGui::TextWrapped("reference: the typical patient of %s; change: typical minus reference. The population's "
                       "figures return when the reference is unpinned.", ui.reference->name.c_str());
  }
  ImGui::PopStyleColor();
  const TypicalSnapshot* ref = ui.reference ? ui.reference->typical.get() : nullptr;
  std::size_t courses = t != nullptr ? t->courses.size() : 0;
  if (pop != nullptr) courses = std::max(courses, pop->course_metrics.size());
  for (std::size_t k = 0; k < courses; ++k) {
    const CourseSummary* typical = t != nullptr && k < t->courses.size() ? &t->courses[k] : nullptr;
    ImGui::Spacing();
    if (typical != nullptr) {
      ImGui::Text("Course %zu (day %g)", k + 1, typical->start_day);
    } else {
      ImGui::Text("Course %zu", k + 1);
    }
    if (t != nullptr && k < t->regimen.size()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", describe_course(t->regimen[k]).c_str());
      ImGui::PopStyleColor();
    }
    const bool with_population = pop != nullptr && k < pop->course_metrics.size() && ref == nullptr;
    const std::string table_id = "course" + std::to_string(k);
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    const bool with_reference = ref != nullptr;
    const int columns = 2 + (with_population ? 1 : 0) + (with_reference ? 2 : 0);
    if (!ImGui::BeginTable(table_id.c_str(), columns, kTable)) continue;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    if (with_reference) ImGui::TableSetupColumn("reference", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("typical", ImGuiTableColumnFlags_WidthFixed);
    if (with_reference) ImGui::TableSetupColumn("change", ImGuiTableColumnFlags_WidthFixed);
    if (with_population) ImGui::TableSetupColumn("population", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    const CourseSummary* reference = with_reference && k < ref->courses.size() ? &ref->courses[k] : nullptr;
    metric_rows(typical, reference, with_reference, with_population ? pop : nullptr, k);
    ImGui::EndTable();
  }
}

}  // namespace alemsim::gui
