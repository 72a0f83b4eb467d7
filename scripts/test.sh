#!/usr/bin/env bash
# Installs what is missing, builds (with the desktop viewer and the Python module), and runs every
# test: unit, integration (the Python module's pytest suite among them), validation and gui (the
# viewer's, one of them under Xvfb); then builds again with
# sanitizers and runs the unit and integration tests and the fuzzers there (docs/promises.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --gui --python --sanitize
scripts/build.sh -DALEMSIM_BUILD_GUI=ON -DALEMSIM_PYTHON=ON
ctest --test-dir build --output-on-failure -j2
scripts/build-sanitize.sh
ctest --test-dir build-sanitize --output-on-failure -j2 -L "unit|integration|fuzz"
