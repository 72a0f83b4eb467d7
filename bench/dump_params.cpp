// Prints every entry of alemsim::param_table() as "name=value", for running the reference
// implementations in bench/reference/ by hand (alemsim-bench-reference writes the same file itself).
#include <cstdio>

#include "bench/param_dump.hpp"

int main() {
  alemsim::bench::write_typical_params(stdout);
  return 0;
}
