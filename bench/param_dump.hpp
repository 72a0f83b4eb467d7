// The typical parameter values as "name=value" lines: the file the reference implementations in
// bench/reference/ read, so their values come from param_table() and never from a copy.
#pragma once

#include <cstdio>
#include <string>

#include "models/model_params.hpp"

namespace alemsim::bench {

// %.17g round-trips every double exactly.
inline void write_typical_params(std::FILE* out) {
  for (const ParamInfo& info : param_table()) {
    std::fprintf(out, "%s=%.17g\n", std::string(info.name).c_str(), info.typical_value);
  }
}

}  // namespace alemsim::bench
