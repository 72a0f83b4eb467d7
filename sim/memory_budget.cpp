#include "sim/memory_budget.hpp"

#include <cstdio>

#include <unistd.h>

namespace alemsim {

std::uint64_t memory_budget_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_bytes = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_bytes <= 0) return std::uint64_t{8} << 30;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_bytes) / 2;
}

std::string format_bytes(double bytes) {
  char text[32];
  if (bytes >= 1e9) {
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.0f MB", bytes / 1e6);
  }
  return text;
}

void require_memory(double bytes, const std::string& what, const std::string& remedy) {
  const auto budget = static_cast<double>(memory_budget_bytes());
  if (!(bytes <= budget)) {
    throw MemoryBudgetError(what + " would need " + format_bytes(bytes) + " of memory, more than the " +
                            format_bytes(budget) + " one run may use (half of this machine's memory); " + remedy);
  }
}

}  // namespace alemsim
