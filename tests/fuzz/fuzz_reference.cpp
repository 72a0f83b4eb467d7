// libFuzzer target: the reference figures file (validation/reference_figures.yaml format).
// Refusals must be ReferenceError; anything else is a finding (see fuzz_scenario.cpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "validation/reference_figures.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // With the scenario files a figure names looked up, as validate does.
    (void)alemsim::reference_figures_from_text(text, ALEMSIM_SOURCE_DIR "/validation/fuzz.yaml", true);
  } catch (const alemsim::ReferenceFileError&) {
  }
  return 0;
}
