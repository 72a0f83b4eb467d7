// libFuzzer target: scenario text. A file alemsim refuses must be refused with ScenarioError (one
// line naming file and field); any other exception, a crash, a hang or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)alemsim::scenario_from_text(text, "fuzz.yaml");
  } catch (const alemsim::ScenarioError&) {
    // refused with a one-line error: what alemsim promises
  }
  return 0;
}
