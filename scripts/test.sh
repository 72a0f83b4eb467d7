#!/usr/bin/env bash
# Installs what is missing, builds (with the desktop viewer), and runs every test: unit,
# integration, validation and gui (the viewer's, one of them under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --gui
scripts/build.sh -DALEMSIM_BUILD_GUI=ON
ctest --test-dir build --output-on-failure -j2
