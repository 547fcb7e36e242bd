#!/usr/bin/env bash
# Configures (first time only) and builds one CMake preset: dev, release or ci.
# Incremental: a second run with nothing changed does no work beyond ninja's check.
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-release}"
build_dir="build/${preset}"

if [ ! -f "${build_dir}/build.ninja" ]; then
  echo "[build] configuring preset '${preset}' in ${build_dir}"
  cmake --preset "${preset}"
else
  echo "[build] ${build_dir} already configured (ninja re-runs CMake if a CMakeLists.txt changed)"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
echo "[build] building preset '${preset}' with ${jobs} jobs"
cmake --build --preset "${preset}" --parallel "${jobs}"
echo "[build] done: ${build_dir}"
