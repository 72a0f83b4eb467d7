#!/usr/bin/env bash
# Installs what is missing, builds, and runs the labelled regimen on a virtual population:
# series to results/label.csv, per-course summary on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p results
./build/cli/alemsim run scenarios/label.yaml --out results/label.csv
