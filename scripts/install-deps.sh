#!/usr/bin/env bash
# Installs the Debian 12 packages alemsim needs, and only those that are missing. Idempotent.
# Usage: scripts/install-deps.sh [--gui] [--python] [--sanitize] [--bench]    (run as root, or with sudo)
#   --gui       the desktop viewer
#   --python    the Python module (pybind11) and its pytest suite
#   --sanitize  clang, its sanitizer and libFuzzer runtimes and OpenMP, for the sanitizer and fuzzer
#               build (scripts/build-sanitize.sh)
#   --bench  R and deSolve for the R reference in bench/ (SciPy is in the default set: a test uses it)
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libboost-dev        # Boost.Odeint (header-only)
  libeigen3-dev       # Eigen 3.4
  libyaml-cpp-dev     # scenario files
  libcli11-dev        # command line
  libfmt-dev          # formatted output
  libhdf5-dev         # HDF5 results files (C++ API)
  libgtest-dev        # GoogleTest
  libnlopt-cxx-dev    # NLopt: the calibration's optimiser (validation/minimise.cpp)
  libsundials-dev     # SUNDIALS CVODE: the reference solver of bench/ (work-precision comparison)
  python3-scipy python3-numpy python3-yaml  # SciPy reference implementation (validation test reference_scipy)
  python3-h5py python3-matplotlib           # docs/read_results.py, run as test docs_read_results
)
gui=(
  libimgui-dev          # Dear ImGui 1.86 with its GLFW and OpenGL3 backends (static library)
  libstb-dev            # stb: ImGui's font rasteriser, and PNG writing/reading for screenshots
  libglfw3-dev          # window and OpenGL context
  fonts-dejavu-core     # legible UI font (the viewer falls back to ImGui's built-in one)
  xvfb xauth            # the screenshot test runs the viewer on a virtual display
  libgl1-mesa-dri       # Mesa software OpenGL for Xvfb
)
for flag in "$@"; do
  case "$flag" in
    --gui) packages+=("${gui[@]}") ;;
    --python) packages+=(pybind11-dev python3-dev python3-pytest) ;;
    --sanitize) packages+=(clang libclang-rt-14-dev libomp-14-dev) ;;
    --bench) packages+=(r-base-core r-cran-desolve r-cran-yaml) ;;
    *) echo "install-deps: unknown option $flag (expected --gui, --python, --sanitize, --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
