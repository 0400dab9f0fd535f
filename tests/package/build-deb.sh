#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds calm-prompt_VERSION_ARCH.deb with CPack (a /usr build with Debian's hardening flags,
# its Depends from dpkg-shlibdeps) and checks it with lintian: errors fail, warnings are shown.
# With arm64, a cross build for 64-bit Raspberry Pi OS (tests/cross/build.sh arm64 installs
# the cross toolchain and the :arm64 libraries that dpkg-shlibdeps resolves).
# Usage: tests/package/build-deb.sh [BUILD_DIR [arm64]]   (default build-deb; the .deb lands there)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-deb}
cross=""
case "${2:-}" in
"") ;;
arm64)
  # dpkg-buildflags and dpkg-shlibdeps work for the architecture DEB_HOST_ARCH names.
  export DEB_HOST_ARCH=arm64
  cross=-DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
  ;;
*) echo "usage: tests/package/build-deb.sh [BUILD_DIR [arm64]]" >&2; exit 2 ;;
esac
export DEBIAN_FRONTEND=noninteractive

# CPack's DEB generator needs dpkg-shlibdeps (dpkg-dev) and file; lintian checks the result.
missing=""
for p in dpkg-dev file lintian; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
fi

# The flags Debian builds its packages with: fortify, stack protector, relro, bindnow.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
export CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS
# A fresh build folder: CMake takes CFLAGS and LDFLAGS from the environment only at its first
# configure.
rm -rf "$build"
mkdir -p "$build"
# shellcheck disable=SC2086
cmake -S . -B "$build" $cross -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DCALM_BUILD_TESTS=OFF -DCALM_WERROR=ON ${CMAKE_ARGS:-} >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/calm-prompt_*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log"; exit 1; }
deb=$(ls "$build"/calm-prompt_*.deb)
echo "== $deb"
dpkg-deb --info "$deb" | sed -n '/^ [A-Z][A-Za-z-]*: /,$p'
dpkg-deb --contents "$deb" | awk '{ print $1, $6, $7, $8 }'
echo "== lintian $(lintian --version | awk '{ print $2 }')"
# Errors fail; warnings and the rest are printed for a person to judge.
if lintian --fail-on error --display-info "$deb" >"$build/lintian.txt" 2>&1; then
  status=0
else
  status=1
fi
cat "$build/lintian.txt"
echo "lintian: $(grep -c '^E:' "$build/lintian.txt") errors, $(grep -c '^W:' "$build/lintian.txt")" \
  "warnings, $(grep -c '^I:' "$build/lintian.txt") notes"
exit $status
