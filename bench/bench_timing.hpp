// CPU-time measurement shared by the benchmarks that compare alemsim with other solvers: CPU time,
// not wall time (on a shared machine wall time counts whatever else runs; the reference scripts
// measure CPU time too), as the mean per run in the fastest of several batches.
#pragma once

#include <algorithm>
#include <limits>

#include <time.h>

namespace alemsim::bench {

// CPU time of this thread, s.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Mean CPU time of one call of f in the fastest of `batches` batches of `runs` calls, after one
// call that warms caches and first-touch allocations.
template <class F>
double seconds_per_run(F&& f, int batches, int runs) {
  f();
  double best = std::numeric_limits<double>::infinity();
  for (int b = 0; b < batches; ++b) {
    const double start = thread_cpu_seconds();
    for (int i = 0; i < runs; ++i) f();
    best = std::min(best, thread_cpu_seconds() - start);
  }
  return best / runs;
}

}  // namespace alemsim::bench
