#!/usr/bin/env bash
# Installs the Debian packages score needs to build, test and run.
# Idempotent: installs only what is missing. Works as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake make git pkg-config
  libtomlplusplus-dev libcli11-dev libhdf5-dev hdf5-tools libtbb-dev libboost-graph-dev
  libssl-dev libgtest-dev libgmock-dev libbenchmark-dev
  libopenmpi-dev openmpi-bin
  python3 python3-h5py python3-xarray python3-h5netcdf python3-matplotlib
  # the Python module (python/, docs/python.md)
  pybind11-dev python3-pybind11 python3-dev python3-numpy python3-pandas
  # viewer: Dear ImGui (with its GLFW/OpenGL3 backends), stb for PNG export,
  # and a virtual X server for its scripted tests
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri xvfb xauth python3-pil
  # hardening: clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev llvm
  # `make format` and CI's `make format-check` (.clang-format)
  clang-format
  # `score report` opened and printed by a real browser in its tests
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
