// Which plots the viewer shows and in what order, by output column. Columns the choice has not seen
// yet (a results file with population-only quantities) join at the end, shown unless the choice
// lists only some (a lesson's view).
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

namespace alemsim::gui {

class PlotChoice {
 public:
  // Shows exactly `columns`, in this order; every other column is hidden until shown again.
  void show_only(std::vector<std::string> columns);
  // Shows every column, in the engine's order.
  void reset();

  // The columns available now, in the engine's order: unseen ones join the order (hidden after a
  // show_only()). Returns the shown ones in display order.
  std::vector<std::string> arrange(std::span<const std::string> available);

  bool shown(const std::string& column) const { return !hidden_.contains(column); }
  void set_shown(const std::string& column, bool shown);
  // Moves `column` by `steps` places among the available ones (negative: earlier).
  void move(const std::string& column, int steps, std::span<const std::string> available);

  // Every available column in display order, shown or not (for the View menu).
  std::vector<std::string> ordered(std::span<const std::string> available) const;

 private:
  std::vector<std::string> order_;
  std::set<std::string> hidden_;
  bool hide_unseen_ = false;
};

}  // namespace alemsim::gui
