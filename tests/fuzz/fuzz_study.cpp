// libFuzzer target: study text, said to lie in scenarios/ so that `base:` finds the shipped
// scenarios. Refusals must be ScenarioError; anything else is a finding (see fuzz_scenario.cpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/study_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)alemsim::study_from_text(text, ALEMSIM_SOURCE_DIR "/scenarios/fuzz-study.yaml");
  } catch (const alemsim::ScenarioError&) {
  }
  return 0;
}
