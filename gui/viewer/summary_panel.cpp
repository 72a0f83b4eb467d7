#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "gui/core/course_figures.hpp"
#include "gui/viewer/panels.hpp"
#include "gui/viewer/text_format.hpp"

namespace alemsim::gui {
namespace {

std::string format_figure(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string format_spread(const Spread& s, int decimals) {
  if (s.count == 0) return "n/a";
  return format_figure(s.mean, decimals) + " [" + format_figure(s.p05, decimals) + "-" + format_figure(s.p95, decimals) + "]";
}

}  // namespace

void draw_summary_panel(const Results& r, const UiState&) {
  if (!r.typical) {
    ImGui::TextUnformatted("Nothing simulated yet.");
    return;
  }
  const TypicalSnapshot& t = *r.typical;
  const PopulationSnapshot* pop = r.population.get();
  ImGui::TextDisabled("typical patient simulated in %.2f ms", t.compute_ms);
  if (pop != nullptr) {
    ImGui::TextDisabled("population: mean [5th-95th percentile]%s", r.population_stale() ? ", updating" : "");
  }
  const auto figures = course_figures();
  for (const CoursePk& pk : t.courses) {
    const auto k = static_cast<std::size_t>(pk.course_index);
    ImGui::Spacing();
    const std::string regimen = k < t.regimen.size() ? describe_course(t.regimen[k]) : "";
    ImGui::Text("Course %d (day %g)", pk.course_index + 1, pk.start_day);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", regimen.c_str());
    ImGui::PopStyleColor();
    const bool with_population = pop != nullptr && k < pop->course_spreads.size();
    const std::string table_id = "course" + std::to_string(k);
    constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(table_id.c_str(), with_population ? 3 : 2, kTable)) continue;
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn("typical");
    if (with_population) ImGui::TableSetupColumn("population", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t f = 0; f < figures.size(); ++f) {
      const CourseFigure& figure = figures[f];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (figure.unit.empty()) {
        ImGui::Text("%.*s", static_cast<int>(figure.label.size()), figure.label.data());
      } else {
        ImGui::Text("%.*s, %s", static_cast<int>(figure.label.size()), figure.label.data(), display_unit(figure.unit).c_str());
      }
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%.*s", static_cast<int>(figure.description.size()), figure.description.data());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_figure(figure.value(pk), figure.decimals).c_str());
      if (with_population) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_spread(pop->course_spreads[k][f], figure.decimals).c_str());
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace alemsim::gui
