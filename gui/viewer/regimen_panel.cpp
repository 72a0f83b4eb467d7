#include <algorithm>
#include <cstdint>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/viewer/panels.hpp"
#include "gui/viewer/regimen_edit.hpp"
#include "gui/viewer/text_format.hpp"

namespace alemsim::gui {
namespace {

const ImVec4 kErrorColor{0.75f, 0.05f, 0.05f, 1.0f};

// Missed doses of one course as a row of day checkboxes in a popup.
bool edit_missed_days(Course& course, int course_number) {
  bool changed = false;
  const std::string label = describe_missed_days(course) + "##missed";
  if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) ImGui::OpenPopup("missed_days");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Missed doses are given on the first free days after the course (SmPC 4.2)");
  if (ImGui::BeginPopup("missed_days")) {
    ImGui::Text("Course %d: days whose dose was missed", course_number);
    for (int day = 1; day <= course.infusion_days; ++day) {
      bool missed = std::find(course.missed_days.begin(), course.missed_days.end(), day) != course.missed_days.end();
      if (ImGui::Checkbox(("day " + std::to_string(day)).c_str(), &missed)) {
        set_missed_day(course, day, missed);
        changed = true;
      }
    }
    ImGui::EndPopup();
  }
  return changed;
}

bool edit_course_row(Course& c, int index, bool removable, bool& remove) {
  bool changed = false;
  ImGui::PushID(index);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::Text("%d", index + 1);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::InputDouble("##start", &c.start_day, 0.0, 0.0, "%.6g");
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  int days = c.infusion_days;
  if (ImGui::InputInt("##days", &days, 0, 0)) {
    set_infusion_days(c, days);
    changed = true;
  }
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::InputDouble("##dose", &c.dose_mg_per_day, 0.0, 0.0, "%.6g");
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  changed |= ImGui::InputDouble("##hours", &c.infusion_hours, 0.0, 0.0, "%.6g");
  ImGui::TableNextColumn();
  changed |= edit_missed_days(c, index + 1);
  ImGui::TableNextColumn();
  if (removable && ImGui::SmallButton("x")) remove = true;
  if (removable && ImGui::IsItemHovered()) ImGui::SetTooltip("Remove course %d", index + 1);
  ImGui::PopID();
  return changed;
}

}  // namespace

void draw_regimen_panel(const Results& results, UiState& ui, Actions& actions) {
  Scenario& s = ui.scenario;
  bool changed = false;
  ImGui::TextWrapped("%s", s.name.c_str());
  if (!s.description.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.description.c_str());
    ImGui::PopStyleColor();
  }
  constexpr ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("start: day of the first infusion; mg/d: dose per infusion day; h: length of each infusion");
  ImGui::PopStyleColor();
  int remove_index = -1;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3.0f, 2.0f));
  if (ImGui::BeginTable("courses", 7, kTable)) {
    // Number columns just wide enough for their header or a typical entry; the rest to "missed".
    const auto fit = [](const char* widest) { return ImGui::CalcTextSize(widest).x + 2.0f * ImGui::GetStyle().FramePadding.x; };
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("start", ImGuiTableColumnFlags_WidthFixed, fit("0000"));
    ImGui::TableSetupColumn("days", ImGuiTableColumnFlags_WidthFixed, fit("days"));
    ImGui::TableSetupColumn("mg/d", ImGuiTableColumnFlags_WidthFixed, fit("mg/d"));
    ImGui::TableSetupColumn("h", ImGuiTableColumnFlags_WidthFixed, fit("00"));
    ImGui::TableSetupColumn("missed", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < s.courses.size(); ++k) {
      bool remove = false;
      changed |= edit_course_row(s.courses[k], static_cast<int>(k), s.courses.size() > 1, remove);
      if (remove) remove_index = static_cast<int>(k);
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
  if (remove_index >= 0) {
    remove_course(s, static_cast<std::size_t>(remove_index));
    changed = true;
  }
  if (ImGui::Button("Add course")) {
    add_course(s);
    changed = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("3 more days, 12 months after the last course (SmPC 4.2: courses 3 and 4)");

  ImGui::Spacing();
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  changed |= ImGui::InputDouble("horizon, days", &s.horizon_day, 30.0, 365.0, "%.6g");
  changed |= ImGui::InputDouble("output step, days", &s.output_step_day, 0.0, 0.0, "%.6g");
  ImGui::Separator();
  ImGui::TextUnformatted("Virtual population");
  int patients = static_cast<int>(std::min<std::int64_t>(s.patients, 1'000'000));
  if (ImGui::InputInt("patients", &patients, 50, 500)) {
    s.patients = std::max(1, patients);
    changed = true;
  }
  changed |= ImGui::InputScalar("seed", ImGuiDataType_U64, &s.seed);
  if (ImGui::SliderInt("traces kept", &ui.plots.trace_count, 0, 100)) actions.scenario_changed = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Individual patients kept for 'Individual traces' in the Plots panel");
  ImGui::PopItemWidth();

  if (!results.simulation_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("Cannot simulate this regimen: %s", results.simulation_error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("The plots show the last regimen that could be simulated.");
  }
  if (changed) {
    ui.modified = true;
    actions.scenario_changed = true;
  }
}

}  // namespace alemsim::gui
