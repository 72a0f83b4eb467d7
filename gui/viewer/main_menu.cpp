#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/viewer/lessons.hpp"
#include "gui/viewer/panels.hpp"
#include "sim/patient.hpp"

namespace alemsim::gui {
namespace {

namespace fs = std::filesystem;

const char* dialog_title(FileDialog d) {
  switch (d) {
    case FileDialog::kOpen: return "Open scenario or results";
    case FileDialog::kSaveAs: return "Save scenario as";
    case FileDialog::kExportCsv: return "Export series as CSV";
    case FileDialog::kExportPlots: return "Export plots as PNG or SVG";
    case FileDialog::kNone: break;
  }
  return "";
}

// "labelled regimen" -> "labelled-regimen": a file name stem without spaces or slashes. A study arm's
// scenario bears the base scenario's name: "-arm-012" keeps it from being saved over the base.
std::string file_stem(const UiState& ui) {
  const Scenario& s = ui.scenario;
  std::string stem = s.path.empty() ? s.name : fs::path(s.path).stem().string();
  if (ui.study && s.path.empty()) stem += "-arm-" + arm_number(ui.study->file.arms[ui.study->shown]);
  for (char& c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '-';
  }
  return stem.empty() ? "scenario" : stem;
}

std::string default_path(const UiState& ui, FileDialog d) {
  const Scenario& s = ui.scenario;
  switch (d) {
    case FileDialog::kOpen: return s.path.empty() ? "scenarios/" : fs::path(s.path).parent_path().string() + "/";
    case FileDialog::kSaveAs: return s.path.empty() ? "scenarios/" + file_stem(ui) + ".yaml" : s.path;
    case FileDialog::kExportCsv: return file_stem(ui) + "-series.csv";
    case FileDialog::kExportPlots: return file_stem(ui) + "-plots.png";
    case FileDialog::kNone: break;
  }
  return "";
}

// Scenario and results files in the directory part of `typed`, for the open dialog.
std::vector<std::string> files_beside(const std::string& typed) {
  fs::path dir = fs::path(typed).has_filename() ? fs::path(typed).parent_path() : fs::path(typed);
  if (dir.empty()) dir = ".";
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".yaml" || ext == ".yml" || ext == ".h5" || ext == ".hdf5") out.push_back(entry.path().lexically_normal().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void confirm(UiState& ui, Actions& a) {
  switch (ui.dialog) {
    case FileDialog::kOpen: a.open_path = ui.dialog_path; break;
    case FileDialog::kSaveAs: a.save_path = ui.dialog_path; break;
    case FileDialog::kExportCsv: a.export_csv_path = ui.dialog_path; break;
    case FileDialog::kExportPlots: a.export_plots = PlotExport{ui.dialog_path, ui.export_width, ui.export_height}; break;
    case FileDialog::kNone: break;
  }
}

void draw_dialog(UiState& ui, Actions& a) {
  if (ui.dialog == FileDialog::kNone) return;
  const char* title = dialog_title(ui.dialog);
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  bool done = false;
  ImGui::TextUnformatted("File:");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32.0f);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText("##path", &ui.dialog_path, ImGuiInputTextFlags_EnterReturnsTrue)) {
    confirm(ui, a);
    done = true;
  }
  if (ui.dialog == FileDialog::kOpen) {
    ImGui::TextDisabled("scenario (.yaml) and results (.h5) files here (double-click opens):");
    if (ImGui::BeginListBox("##files", ImVec2(ImGui::GetFontSize() * 32.0f, ImGui::GetFontSize() * 9.0f))) {
      for (const std::string& file : files_beside(ui.dialog_path)) {
        if (ImGui::Selectable(file.c_str(), file == ui.dialog_path, ImGuiSelectableFlags_AllowDoubleClick)) {
          ui.dialog_path = file;
          if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            confirm(ui, a);
            done = true;
          }
        }
      }
      ImGui::EndListBox();
    }
  }
  if (ui.dialog == FileDialog::kExportPlots) {
    ImGui::TextDisabled(".png: a picture of this size; .svg: the same figure as vectors");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::InputInt("##width", &ui.export_width, 0);
    ImGui::SameLine();
    ImGui::TextUnformatted("x");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::InputInt("pixels##height", &ui.export_height, 0);
    ui.export_width = std::clamp(ui.export_width, kMinExportPixels, kMaxExportPixels);
    ui.export_height = std::clamp(ui.export_height, kMinExportPixels, kMaxExportPixels);
  }
  if (ImGui::Button("OK", ImVec2(120, 0))) {
    confirm(ui, a);
    done = true;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) done = true;
  if (done) {
    ui.dialog = FileDialog::kNone;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void open_dialog(UiState& ui, FileDialog d) {
  ui.dialog = d;
  ui.dialog_path = default_path(ui, d);
}

bool can_save_in_place(const Scenario& s) {
  const std::string ext = fs::path(s.path).extension().string();
  return !s.path.empty() && (ext == ".yaml" || ext == ".yml");
}

// File > Lessons: every lesson found, by title.
void draw_lessons_menu(Actions& a) {
  if (!ImGui::BeginMenu("Lessons")) return;
  const std::vector<LessonEntry> lessons = available_lessons();
  if (lessons.empty()) ImGui::TextDisabled("no lessons in scenarios/lessons");
  for (const LessonEntry& lesson : lessons) {
    if (ImGui::MenuItem(lesson.title.c_str())) a.open_lesson = lesson.path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (--lesson %s)", lesson.path.c_str(), lesson.name.c_str());
  }
  ImGui::EndMenu();
}

// View > Plots: show or hide each plot and move it up or down.
void draw_plots_menu(const Results& r, UiState& ui) {
  if (!ImGui::BeginMenu("Plots")) return;
  const std::vector<PlotEntry> entries = available_plots(r);
  std::vector<std::string> columns;
  for (const PlotEntry& e : entries) columns.push_back(e.column);
  PlotChoice& choice = ui.plots.choice;
  for (const std::string& column : choice.ordered(columns)) {
    const auto entry = std::find_if(entries.begin(), entries.end(), [&](const PlotEntry& e) { return e.column == column; });
    ImGui::PushID(column.c_str());
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) choice.move(column, -1, columns);
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) choice.move(column, 1, columns);
    ImGui::SameLine();
    bool shown = choice.shown(column);
    if (ImGui::Checkbox(entry->label.c_str(), &shown)) choice.set_shown(column, shown);
    ImGui::PopID();
  }
  ImGui::Checkbox("patients below a threshold", &ui.plots.show_fractions);
  ImGui::Separator();
  if (ImGui::MenuItem("every plot, in the usual order")) choice.reset();
  ImGui::EndMenu();
}

}  // namespace

std::string document_title(const UiState& ui) {
  const std::string modified = ui.modified ? " (modified)" : "";
  if (!ui.study) return (ui.scenario.path.empty() ? ui.scenario.name : ui.scenario.path) + modified;
  const StudyArms& file = ui.study->file;
  const StudyArmEntry& arm = file.arms[ui.study->shown];
  return file.path + ", arm " + arm_number(arm) + " of " + std::to_string(file.arms.size()) + ": " + arm.name + modified;
}

void draw_main_menu(const Results& r, UiState& ui, Actions& a) {
  const ImGuiIO& io = ImGui::GetIO();
  // The GLFW backend of ImGui 1.86 indexes keys by GLFW key code, which for letters is the ASCII capital.
  if (io.KeyCtrl && !io.WantTextInput) {
    if (ImGui::IsKeyPressed('O', false)) open_dialog(ui, FileDialog::kOpen);
    if (ImGui::IsKeyPressed('S', false)) {
      if (can_save_in_place(ui.scenario)) {
        a.save_path = ui.scenario.path;
      } else {
        open_dialog(ui, FileDialog::kSaveAs);
      }
    }
    if (ImGui::IsKeyPressed('Q', false)) a.quit = true;
  }
  if (ImGui::BeginMainMenuBar()) {
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("Open scenario or results...", "Ctrl+O")) open_dialog(ui, FileDialog::kOpen);
      if (ImGui::MenuItem("Save", "Ctrl+S", false, can_save_in_place(ui.scenario))) a.save_path = ui.scenario.path;
      if (ImGui::MenuItem("Save as...")) open_dialog(ui, FileDialog::kSaveAs);
      draw_lessons_menu(a);
      ImGui::Separator();
      if (ImGui::MenuItem("Export series as CSV...", nullptr, false, r.typical != nullptr)) open_dialog(ui, FileDialog::kExportCsv);
      if (ImGui::MenuItem("Export plots as PNG or SVG...")) open_dialog(ui, FileDialog::kExportPlots);
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) a.quit = true;
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      if (ImGui::MenuItem("log concentration axis", nullptr, &ui.plots.log_concentration)) {
        ui.plots.value_axes[std::string(output_with_role(QuantityRole::kDrugConcentration).column)].auto_fit = true;
      }
      if (ImGui::MenuItem("fit all plots to the data")) {
        ui.plots.time_axis.auto_fit = true;
        for (auto& [column, axis] : ui.plots.value_axes) axis.auto_fit = true;
      }
      draw_plots_menu(r, ui);
      ImGui::MenuItem("projector scale (larger text and lines)", nullptr, &ui.display.projector);
      bool high_contrast = ui.display.theme == Theme::kHighContrast;
      if (ImGui::MenuItem("high contrast", nullptr, &high_contrast)) ui.display.theme = high_contrast ? Theme::kHighContrast : Theme::kLight;
      ImGui::Separator();
      if (ImGui::MenuItem("Pin as reference", nullptr, false, r.typical != nullptr)) a.pin_reference = false;
      if (ImGui::MenuItem("Pin as reference, with the population median", nullptr, false, r.typical && !r.population_stale())) {
        a.pin_reference = true;
      }
      if (ImGui::MenuItem("Remove the reference", nullptr, false, ui.reference.has_value())) a.unpin_reference = true;
      ImGui::EndMenu();
    }
    ImGui::TextDisabled("%s", document_title(ui).c_str());
    if (!ui.status.empty()) ImGui::TextDisabled("| %s", ui.status.c_str());
    ImGui::EndMainMenuBar();
  }
  draw_dialog(ui, a);
}

void draw_file_error(UiState& ui) {
  if (ui.file_error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.90f, 0.90f, 1.0f));
  const float height = ImGui::GetTextLineHeightWithSpacing() * 3.5f;
  ImGui::BeginChild("file_error", ImVec2(0, height), true);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.0f, 0.0f, 1.0f));
  ImGui::TextWrapped("%s", ui.file_error.c_str());
  ImGui::PopStyleColor();
  if (ImGui::SmallButton("dismiss")) ui.file_error.clear();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace alemsim::gui
