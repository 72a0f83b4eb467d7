#include <imgui.h>

#include "gui/viewer/panels.hpp"

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

}  // namespace

void draw_teaching_panel(UiState& ui) {
  TeachingSettings& t = ui.teaching;
  ImGui::Checkbox("show teaching overlays", &t.enabled);
  ImGui::BeginDisabled(!t.enabled);
  explained_checkbox("Cmax", &t.cmax,
                     "Highest concentration of each course: at the end of the last infusion, because every daily "
                     "dose adds to what is left of the previous ones.");
  explained_checkbox("half-life", &t.half_life,
                     "Read from the fall between days 1 and 10 after the last infusion (label: 4-5 days). Turn on "
                     "the log concentration axis: a constant half-life is then a straight line.");
  explained_checkbox("published values", &t.reference_points,
                     "Mean Cmax from the label (SmPC 5.2: 3014 and 2276 ng/mL) and the CARE-MS mean CD4+ and "
                     "CD8+ counts 1-12 months after course 1 (Dubuisson 2018).");
  explained_checkbox("reference lines", &t.reference_lines,
                     "Lower limits of normal (lymphocytes 1000, CD4+ 400, CD8+ 200, CD19+ 100 per µL) and "
                     "200 CD4+/µL, below which herpes prophylaxis continues, on the plots of those counts.");
  ImGui::EndDisabled();
}

}  // namespace alemsim::gui
