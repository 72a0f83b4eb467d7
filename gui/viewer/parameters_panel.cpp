#include <string>

#include <imgui.h>

#include "gui/viewer/panels.hpp"
#include "gui/viewer/regimen_edit.hpp"
#include "gui/viewer/text_format.hpp"
#include "models/model_params.hpp"
#include "models/variability.hpp"

namespace alemsim::gui {
namespace {

// Sliders span a factor of 10 either side of the typical value, on a log scale so that halving and
// doubling are the same distance. Ctrl+click types any value.
constexpr double kSliderFactor = 10.0;
const ImVec4 kModifiedColor{0.80f, 0.35f, 0.0f, 1.0f};

// The scenario's random effect on `name` (a scenario file may change the shipped ones), or null.
const RandomEffect* find_effect(const VariabilityModel& variability, std::string_view name) {
  for (const RandomEffect& e : variability.effects) {
    if (e.parameter == name && e.cv > 0.0) return &e;
  }
  return nullptr;
}

// A '%' in a unit would be read by ImGui as a format directive.
std::string escape_percent(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '%' ? std::string("%%") : std::string(1, c);
  return out;
}

void parameter_tooltip(const ParamInfo& p, const std::string& unit, const VariabilityModel& variability) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::Text("%.*s", static_cast<int>(p.name.size()), p.name.data());
  ImGui::Text("default: %g %s", p.typical_value, unit.c_str());
  ImGui::TextWrapped("source: %.*s", static_cast<int>(p.source.size()), p.source.data());
  if (const RandomEffect* e = find_effect(variability, p.name)) {
    ImGui::TextWrapped("between-patient CV %.0f%%: %s", e->cv * 100.0, e->source.c_str());
  } else {
    ImGui::TextUnformatted("same in every virtual patient");
  }
  if (p.may_be_zero) ImGui::TextUnformatted("0 switches it off: Ctrl+click the slider and type 0");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

void draw_parameters_panel(const Results&, UiState& ui, Actions& actions) {
  bool changed = false;
  if (ImGui::Button("Reset all to defaults")) {
    reset_parameters(ui.scenario);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Typical patient's values. Drag a slider and the curves follow;\nCtrl+click a slider to type a value.\n"
                      "Hover a name for its default and source.");
  }
  ImGui::Spacing();
  for (const ParamInfo& p : param_table()) {
    double& value = ui.scenario.typical_params.*p.field;
    const std::string unit = display_unit(p.unit);
    const bool modified = value != p.typical_value;
    ImGui::PushID(p.name.data(), p.name.data() + p.name.size());
    if (modified) ImGui::PushStyleColor(ImGuiCol_Text, kModifiedColor);
    ImGui::Text("%.*s", static_cast<int>(p.name.size()), p.name.data());
    if (modified) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) parameter_tooltip(p, unit, ui.scenario.variability);
    const double lo = p.typical_value / kSliderFactor;
    const double hi = p.typical_value * kSliderFactor;
    const std::string format = "%.4g " + escape_percent(unit);
    const float reset_width = ImGui::CalcTextSize("reset").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - reset_width - ImGui::GetStyle().ItemSpacing.x);
    changed |= ImGui::SliderScalar("##value", ImGuiDataType_Double, &value, &lo, &hi, format.c_str(),
                                   ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) parameter_tooltip(p, unit, ui.scenario.variability);
    ImGui::SameLine();
    ImGui::BeginDisabled(!modified);
    if (ImGui::SmallButton("reset")) {
      value = p.typical_value;
      changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  if (changed) {
    ui.modified = true;
    actions.scenario_changed = true;
  }
}

}  // namespace alemsim::gui
