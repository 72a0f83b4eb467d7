#include "cli/whole_number.hpp"

#include <charconv>
#include <string>
#include <system_error>

#include <fmt/format.h>

namespace alemsim {

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  const std::string expected = fmt::format("expected a whole number from {} to {}", min, max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        const bool digits_only = !text.empty() && text.front() != '-' && text.front() != '+';
        if (!digits_only || error != std::errc() || stop != end || value < min || value > max) {
          return expected + ", got '" + text + "'";
        }
        return {};
      },
      expected, "WHOLE_NUMBER");
}

}  // namespace alemsim
