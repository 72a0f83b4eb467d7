# Sanitizer and fuzzer builds (scripts/test.sh runs both in CI; docs/promises.md says what they hold).
#   ALEMSIM_SANITIZE  every target with ASan + UBSan, float-cast-overflow included (not in
#                     -fsanitize=undefined), and -fno-sanitize-recover: the first report ends the
#                     process with an error, so a test that triggers one fails.
#   ALEMSIM_FUZZ      the same, with clang's coverage instrumentation for libFuzzer in every target
#                     and the fuzz targets of tests/fuzz.
if(ALEMSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ALEMSIM_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(ALEMSIM_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(ALEMSIM_SANITIZE)
  set(_alemsim_sanitizers -fsanitize=address,undefined,float-cast-overflow)
  add_compile_options(${_alemsim_sanitizers} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(${_alemsim_sanitizers})
  message(STATUS "alemsim sanitizers: address, undefined, float-cast-overflow")
endif()
