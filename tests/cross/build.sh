#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds calm-prompt for a Raspberry Pi OS architecture with Debian's cross toolchains and runs
# the unit, shell, store and scenario tests under qemu-user (no binfmt_misc here:
# CMAKE_CROSSCOMPILING_EMULATOR starts every test binary through it).
#   arm64: the :arm64 multiarch -dev packages beside the amd64 ones.
#   armhf: a sysroot of armhf -dev packages (mmdebstrap --variant=extract, the main suite of
#          this machine's own archive; the multiarch route fails on a stale index), built with
#          a 64-bit time_t and off_t.
# Left out under the emulator: golden screenshots (font rasterisation may differ across
# architectures) and store_killwrite (it kills a writer 0 to 30 ms after its
# start, before an emulated writer has committed anything, so it proves nothing there).
# Usage: tests/cross/build.sh arm64|armhf [BUILD_DIR]   (default build-ARCH)
set -eu
cd "$(dirname "$0")/../.."
arch=${1:-}
build=${2:-build-$arch}
labels=${CALM_CROSS_LABELS:-core|shell|store|scenario|gpio}
export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
dev_packages="libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libdrm-dev libsqlite3-dev libinih-dev
libgpiod-dev libcmocka-dev libsystemd-dev"

install_missing() {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
}

case "$arch" in
arm64)
  dpkg --print-foreign-architectures | grep -qx arm64 || $sudo dpkg --add-architecture arm64
  # shellcheck disable=SC2046,SC2086 # one word per package
  install_missing crossbuild-essential-arm64 qemu-user-static gettext $(printf '%s:arm64 ' $dev_packages)
  set -- -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
  run="qemu-aarch64-static -L /" # the multiarch loader and libc (see the toolchain file)
  ;;
armhf)
  install_missing crossbuild-essential-armhf qemu-user-static mmdebstrap file gettext
  mkdir -p "$build.sysroot"
  sysroot=$(cd "$build.sysroot" && pwd)
  if [ ! -f "$sysroot/.complete" ]; then
    uri=""
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] && [ -z "$uri" ] && uri=$(awk '/^URIs:/ { print $2; exit }' "$f")
    done
    [ -n "$uri" ] || uri=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
    # shellcheck source=/dev/null
    suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
    rm -rf "$sysroot"
    echo "armhf sysroot from $uri $suite main"
    # shellcheck disable=SC2086 # one word per package
    $sudo mmdebstrap --quiet --variant=extract --architectures=armhf \
      --include="$(printf '%s,' libc6-dev $dev_packages | sed 's/,$//')" "$suite" "$sysroot" \
      "deb $uri $suite main"
    touch "$sysroot/.complete"
  fi
  set -- -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-armhf.cmake -DCALM_SYSROOT="$sysroot"
  run="qemu-arm-static -L $sysroot"
  ;;
*)
  echo "usage: tests/cross/build.sh arm64|armhf [BUILD_DIR]" >&2
  exit 2
  ;;
esac

mkdir -p "$build"
# shellcheck disable=SC2086
cmake -S . -B "$build" "$@" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCALM_BUILD_TESTS=ON \
  -DCALM_WERROR=ON ${CMAKE_ARGS:-} >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"
file "$build/calm-prompt"
$run "$build/calm-prompt" --version
cd "$build"
# Not the real window under Xvfb: an X11 app under qemu-user would need the target's X and GL
# libraries, and the window is tested natively.
ctest --output-on-failure -j "$(nproc)" -L "$labels" -E '^(store_killwrite|window_xvfb)$'
