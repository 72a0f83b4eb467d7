#include "gui/viewer/plot_choice.hpp"

#include <algorithm>

namespace alemsim::gui {

void PlotChoice::show_only(std::vector<std::string> columns) {
  order_ = std::move(columns);
  hidden_.clear();
  hide_unseen_ = true;
}

void PlotChoice::reset() {
  order_.clear();
  hidden_.clear();
  hide_unseen_ = false;
}

std::vector<std::string> PlotChoice::arrange(std::span<const std::string> available) {
  for (const std::string& column : available) {
    if (std::find(order_.begin(), order_.end(), column) != order_.end()) continue;
    order_.push_back(column);
    if (hide_unseen_) hidden_.insert(column);
  }
  std::vector<std::string> shown_columns;
  for (const std::string& column : ordered(available)) {
    if (shown(column)) shown_columns.push_back(column);
  }
  return shown_columns;
}

void PlotChoice::set_shown(const std::string& column, bool show) {
  if (show) {
    hidden_.erase(column);
  } else {
    hidden_.insert(column);
  }
}

std::vector<std::string> PlotChoice::ordered(std::span<const std::string> available) const {
  std::vector<std::string> out;
  for (const std::string& column : order_) {
    if (std::find(available.begin(), available.end(), column) != available.end()) out.push_back(column);
  }
  for (const std::string& column : available) {
    if (std::find(out.begin(), out.end(), column) == out.end()) out.push_back(column);
  }
  return out;
}

void PlotChoice::move(const std::string& column, int steps, std::span<const std::string> available) {
  std::vector<std::string> current = ordered(available);
  const auto it = std::find(current.begin(), current.end(), column);
  if (it == current.end()) return;
  const auto from = static_cast<int>(it - current.begin());
  const int to = std::clamp(from + steps, 0, static_cast<int>(current.size()) - 1);
  const std::string moved = *it;
  current.erase(it);
  current.insert(current.begin() + to, moved);
  // Columns not available now keep their places after the available ones.
  for (const std::string& c : order_) {
    if (std::find(current.begin(), current.end(), c) == current.end()) current.push_back(c);
  }
  order_ = std::move(current);
}

}  // namespace alemsim::gui
