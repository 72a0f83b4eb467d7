#include "cli/assignment.hpp"

#include <cmath>
#include <stdexcept>

namespace alemsim {

std::pair<std::string, double> parse_assignment(const std::string& option, const std::string& argument) {
  const auto fail = [&] { throw std::invalid_argument(option + " " + argument + ": expected NAME=NUMBER"); };
  const auto eq = argument.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == argument.size()) fail();
  const std::string text = argument.substr(eq + 1);
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    fail();
  }
  if (used != text.size() || !std::isfinite(value)) fail();
  return {argument.substr(0, eq), value};
}

}  // namespace alemsim
