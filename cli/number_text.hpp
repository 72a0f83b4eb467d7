// How printed tables write Monte Carlo errors, Kaplan–Meier times and shares of patients.
#pragma once

#include <cstdint>
#include <string>

#include "sim/survival.hpp"

namespace alemsim {

// A standard error to two significant digits ("62", "3.6", "0.00043"), whole from 100 on; "n/a"
// for NaN (fewer than two values).
std::string standard_error_text(double se);

// A day from a Kaplan–Meier quantile, "n.r." where the curve (or its band) does not come down that
// far within the window.
std::string days_or_not_reached(double day);

// The Kaplan–Meier median with its 95% interval: "317 [290 - 352]"; "-" without subjects.
std::string median_with_interval(const KaplanMeier& km);

// part / whole as "12.5%"; "-" when whole is 0.
std::string percent_of(std::int64_t part, std::int64_t whole);

}  // namespace alemsim
