#!/usr/bin/env bash
# Configures and builds alemsim with clang, AddressSanitizer, UndefinedBehaviorSanitizer (with
# float-cast-overflow, no recovery) and the libFuzzer targets, in ./build-sanitize (no viewer, no
# benchmarks). Needs scripts/install-deps.sh --sanitize. Extra arguments go to cmake's configure
# step, e.g. -DALEMSIM_FUZZ_SECONDS=3600 (docs/promises.md).
set -euo pipefail
cd "$(dirname "$0")/.."
log=build-sanitize.log
CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALEMSIM_FUZZ=ON \
  -DALEMSIM_BUILD_GUI=OFF -DALEMSIM_BUILD_BENCH=OFF "$@" > "$log" 2>&1 || { cat "$log"; exit 1; }
cmake --build build-sanitize -j2 >> "$log" 2>&1 || { tail -50 "$log"; exit 1; }
echo "build-sanitize: ok (log in $log)"
