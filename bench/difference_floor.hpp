// How a difference between two solvers' output series is measured, shared by the reference
// comparisons (bench/reference_bench.cpp, bench/work_precision.cpp).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace alemsim::bench {

// Relative difference |ref - alemsim| / max(|alemsim|, floor): below the floor a difference counts
// in absolute terms, because values that are zero up to solver noise have no meaningful ratio.
inline double difference_floor(std::string_view unit) {
  // The drug's absolute tolerance, 1e-9 mg, is 8e-8 ng/mL: after washout each solver leaves noise
  // of that size around zero (measured: 1.1e-7 ng/mL). 1e-2 ng/mL keeps that noise at 1e-5 and is
  // still 3e5 times below Cmax.
  if (unit == "ng/mL") return 1e-2;
  // Typical counts stay above 5 cells/uL in every shipped scenario: the floor only guards division.
  if (unit == "cells/uL") return 1e-3;
  // The titer starts at exactly 0 and passes 1e-6 within the first hour of the first infusion,
  // before any output time but day 0.
  if (unit == "x cut point") return 1e-6;
  throw std::logic_error("no difference floor for unit " + std::string(unit) + ": choose one in bench/difference_floor.hpp");
}

}  // namespace alemsim::bench
