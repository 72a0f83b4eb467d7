// How printed tables write Monte Carlo errors.
#pragma once

#include <string>

namespace alemsim {

// A standard error to two significant digits ("62", "3.6", "0.00043"), whole from 100 on; "n/a"
// for NaN (fewer than two values).
std::string standard_error_text(double se);

}  // namespace alemsim
