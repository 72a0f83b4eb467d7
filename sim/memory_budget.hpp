// Refusing work that would exhaust memory before any of it is done. A run's large allocations
// (population summary, patient batches, a study's reference arm) are sized from its inputs, so the
// memory they need is known before the first patient: a step of 0.004 day over six years needs
// 18 GB for the summary alone, and is an error with that figure, not an hour of swapping and a crash.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace alemsim {

// What one run may allocate: half this machine's physical memory (the other half is the system's
// and the output writers'). 8 GiB where the machine does not say.
std::uint64_t memory_budget_bytes();

// A request beyond the budget; the message says what needs how much and what to change.
class MemoryBudgetError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Throws MemoryBudgetError "<what> would need X GB of memory, more than the Y GB one run may use
// (half of this machine's memory); <remedy>" when `bytes` exceeds memory_budget_bytes().
void require_memory(double bytes, const std::string& what, const std::string& remedy);

// "18.1 GB", "512 MB": bytes for a message.
std::string format_bytes(double bytes);

}  // namespace alemsim
