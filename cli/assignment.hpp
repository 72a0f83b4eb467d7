// "NAME=NUMBER" command-line arguments (--set), checked on their text.
#pragma once

#include <string>
#include <utility>

namespace alemsim {

// Splits `argument` at its first '='. Throws std::invalid_argument "OPTION ARGUMENT: expected
// NAME=NUMBER" unless both sides are there and the right one is a whole number text (e.g. "3",
// "0.25", "1e-3").
std::pair<std::string, double> parse_assignment(const std::string& option, const std::string& argument);

}  // namespace alemsim
