#include <imgui.h>

#include <cmath>
#include <string>

#include "gui/core/reference_data.hpp"
#include "gui/viewer/panels.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

void explained_checkbox(const char* label, bool* value, const char* explanation) {
  ImGui::Checkbox(label, value);
  ImGui::Indent();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", explanation);
  ImGui::PopStyleColor();
  ImGui::Unindent();
}

// "3014 and 2276 ng/mL": the published values drawn on the plot of `column`, as the plot shows them.
std::string published_values(std::string_view column, const char* unit) {
  std::string text;
  for (const ReferenceSeries* series : reference_series_for(column)) {
    for (double v : series->value) text += (text.empty() ? "" : " and ") + std::to_string(std::lround(v));
  }
  return text + " " + unit;
}

// "CD4+ 400, CD8+ 200, ... per µL, and 200 CD4+/µL, below which herpes prophylaxis continues": the
// reference lines drawn, with the labels they carry.
std::string reference_line_text() {
  std::string text;
  for (const ReferenceLine& line : reference_lines()) text += (text.empty() ? "" : "; ") + line.label;
  return text;
}

}  // namespace

void draw_teaching_panel(UiState& ui) {
  TeachingSettings& t = ui.teaching;
  ImGui::Checkbox("show teaching overlays", &t.enabled);
  ImGui::BeginDisabled(!t.enabled);
  explained_checkbox("Cmax", &t.cmax,
                     "Highest concentration of each course: at the end of the last infusion, because every daily "
                     "dose adds to what is left of the previous ones.");
  explained_checkbox("half-life", &t.half_life,
                     "Read from the fall between days 1 and 10 after the last infusion, as the chord drawn (label: "
                     "4-5 days). On the log concentration axis a constant half-life is a straight line: the typical "
                     "patient's fall is straight while only linear clearance acts and bends down where anti-drug "
                     "antibodies speed clearance, or, with target capacity switched on, where the concentration "
                     "drops below the binding constant Km and the saturable route clears a larger share. The "
                     "population's bands are not straight: they mix patients with different half-lives.");
  // Built once from what the plots draw, so the explanation cannot disagree with the picture.
  static const std::string published =
      "The published figures the model is checked against (validation/reference_figures.yaml): mean Cmax from "
      "the label (SmPC 5.2: " + published_values(output_with_role(QuantityRole::kDrugConcentration).column, "ng/mL") +
      ") and mean counts in the months after a course, one marker per source.";
  static const std::string lines = "On the plots of the counts they belong to: " + reference_line_text() +
                                   " (lower limits of normal, and the CD4+ count herpes prophylaxis waits for).";
  explained_checkbox("published values", &t.reference_points, published.c_str());
  explained_checkbox("reference lines", &t.reference_lines, lines.c_str());
  ImGui::EndDisabled();
}

}  // namespace alemsim::gui
