#include <algorithm>
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
// doubling are the same distance. The box beside a slider takes any value.
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
  ImGui::Text("%.*s", static_cast<int>(p.label.size()), p.label.data());
  ImGui::TextDisabled("%.*s (scenario files, --set parameters.%.*s)", static_cast<int>(p.name.size()), p.name.data(),
                      static_cast<int>(p.name.size()), p.name.data());
  ImGui::Text("default: %g %s", p.typical_value, unit.c_str());
  ImGui::TextWrapped("source: %.*s", static_cast<int>(p.source.size()), p.source.data());
  if (const RandomEffect* e = find_effect(variability, p.name)) {
    ImGui::TextWrapped("between-patient CV %.0f%%: %s", e->cv * 100.0, e->source.c_str());
  } else {
    ImGui::TextUnformatted("same in every virtual patient");
  }
  if (p.may_be_zero) ImGui::TextUnformatted("0 switches it off: the box before the slider");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// The value the slider is centred on: the typical value, or 1 (in the parameter's unit) for a
// process that is off by default (target capacity).
double slider_centre(const ParamInfo& p) { return p.typical_value > 0.0 ? p.typical_value : 1.0; }

// "target capacity (Vmax), mg/day"; "(off)" while a switchable process is at 0.
std::string parameter_heading(const ParamInfo& p, const std::string& unit, double value) {
  std::string text(p.label);
  if (!unit.empty() && unit != "-") text += ", " + unit;
  if (p.may_be_zero && value == 0.0) text += " (off)";
  return escape_percent(text);
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
    ImGui::SetTooltip("Typical patient's values. Drag a slider and the curves follow;\ntype any value in the box beside it.\n"
                      "Hover a name for its default and source.");
  }
  ImGui::Spacing();
  for (const ParamInfo& p : param_table()) {
    double& value = ui.scenario.typical_params.*p.field;
    const std::string unit = display_unit(p.unit);
    const bool modified = value != p.typical_value;
    ImGui::PushID(p.name.data(), p.name.data() + p.name.size());
    if (modified) ImGui::PushStyleColor(ImGuiCol_Text, kModifiedColor);
    ImGui::TextUnformatted(parameter_heading(p, unit, value).c_str());
    if (modified) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) parameter_tooltip(p, unit, ui.scenario.variability);
    const ImGuiStyle& style = ImGui::GetStyle();
    if (p.may_be_zero) {
      // On/off: off sets exactly 0 and remembers the value, on brings it back.
      bool on = value != 0.0;
      if (ImGui::Checkbox("##on", &on)) {
        const std::string key(p.name);
        if (on) {
          const auto it = ui.switched_off.find(key);
          value = it != ui.switched_off.end() ? it->second : slider_centre(p);
        } else {
          ui.switched_off[key] = value;
          value = 0.0;
        }
        changed = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip(on ? "on: uncheck to switch it off (exactly 0)" : "off (0): check to switch it on");
      ImGui::SameLine();
    }
    const double lo = slider_centre(p) / kSliderFactor;
    const double hi = slider_centre(p) * kSliderFactor;
    const float reset_width = ImGui::CalcTextSize("reset").x + style.FramePadding.x * 2.0f;
    const float value_width = ImGui::CalcTextSize("0.000000").x + style.FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(std::max(40.0f, ImGui::GetContentRegionAvail().x - reset_width - value_width - 2.0f * style.ItemSpacing.x));
    // The value is typed in the box beside the slider, so the grab never covers it.
    ImGui::BeginDisabled(p.may_be_zero && value == 0.0);
    changed |= ImGui::SliderScalar("##slider", ImGuiDataType_Double, &value, &lo, &hi, "", ImGuiSliderFlags_Logarithmic);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) parameter_tooltip(p, unit, ui.scenario.variability);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(value_width);
    changed |= ImGui::InputDouble("##typed", &value, 0.0, 0.0, "%.4g");
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
