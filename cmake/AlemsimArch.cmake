# Instruction set the code is compiled for (cache variable ALEMSIM_ARCH):
#   auto (default)  x86-64-v3 (AVX2 and FMA: Intel since 2013, every AMD Zen) when the building
#                   machine can run it, else the compiler's default target
#   x86-64-v3       always; the binaries then need a CPU with AVX2 and FMA
#   none            the compiler's default target (portable x86-64)
# Measured (bench/README.md): x86-64-v3 makes a population run about 15% faster than the default
# target. Results stay bit-identical for any thread count within one build; builds for different
# instruction sets may differ in the last bits.
set(ALEMSIM_ARCH "auto" CACHE STRING "Target instruction set: auto, x86-64-v3 or none")
set_property(CACHE ALEMSIM_ARCH PROPERTY STRINGS auto x86-64-v3 none)

set(_alemsim_arch_flag "")
if(ALEMSIM_ARCH STREQUAL "x86-64-v3")
  set(_alemsim_arch_flag "-march=x86-64-v3")
elseif(ALEMSIM_ARCH STREQUAL "auto")
  include(CheckCXXSourceRuns)
  set(CMAKE_REQUIRED_FLAGS "-march=x86-64-v3")
  check_cxx_source_runs([[
    int main() { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 0 : 1; }
  ]] ALEMSIM_HOST_RUNS_X86_64_V3)
  unset(CMAKE_REQUIRED_FLAGS)
  if(ALEMSIM_HOST_RUNS_X86_64_V3)
    set(_alemsim_arch_flag "-march=x86-64-v3")
  endif()
elseif(NOT ALEMSIM_ARCH STREQUAL "none")
  message(FATAL_ERROR "ALEMSIM_ARCH: expected auto, x86-64-v3 or none, got '${ALEMSIM_ARCH}'")
endif()

if(_alemsim_arch_flag)
  add_compile_options(${_alemsim_arch_flag})
endif()
if(_alemsim_arch_flag)
  message(STATUS "alemsim instruction set: x86-64-v3 (ALEMSIM_ARCH=${ALEMSIM_ARCH})")
else()
  message(STATUS "alemsim instruction set: compiler default (ALEMSIM_ARCH=${ALEMSIM_ARCH})")
endif()
