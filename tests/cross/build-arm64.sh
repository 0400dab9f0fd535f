#!/bin/sh
# Builds calm-prompt for arm64 (64-bit Raspberry Pi OS) with Debian's cross toolchain and
# multiarch -dev packages, then runs the unit, shell, store and scenario tests under
# qemu-user (no binfmt_misc: CMAKE_CROSSCOMPILING_EMULATOR starts every binary).
# Golden screenshots are left out: font rasterisation may differ across architectures.
# Usage: tests/cross/build-arm64.sh [BUILD_DIR]   (default build-arm64)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-arm64}
labels=${CALM_CROSS_LABELS:-core|shell|store|scenario|gpio}
export DEBIAN_FRONTEND=noninteractive

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
packages="crossbuild-essential-arm64 qemu-user-static libsdl2-dev:arm64 libsdl2-ttf-dev:arm64
libsdl2-image-dev:arm64 libsqlite3-dev:arm64 libinih-dev:arm64 libgpiod-dev:arm64
libcmocka-dev:arm64 libsystemd-dev:arm64"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCALM_BUILD_TESTS=ON -DCALM_WERROR=ON ${CMAKE_ARGS:-} \
  >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"
file "$build/calm-prompt"
qemu-aarch64-static -L /usr/aarch64-linux-gnu "$build/calm-prompt" --version
cd "$build"
ctest --output-on-failure -j "$(nproc)" -L "$labels"
