#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds calm-prompt_VERSION_ARCH.deb with CPack (a /usr build with Debian's hardening flags,
# its Depends from dpkg-shlibdeps) and checks it with lintian: errors fail, warnings are shown.
# With arm64, a cross build for 64-bit Raspberry Pi OS (tests/cross/build.sh arm64 installs
# the cross toolchain and the :arm64 libraries that dpkg-shlibdeps resolves).
# With trixie, the package for Debian 13 and Raspberry Pi OS trixie (libgpiod 2, SDL 2.32): this
# script again, inside a Debian 13 root made with mmdebstrap (kept in
# /var/cache/calm-prompt-build, keyed by what it holds) with the source tree bound into it, so
# that the package is built and its Depends are found against trixie's own libraries (it depends
# on libgpiod3, so it installs on trixie only; the bookworm package's libgpiod2 is in both).
# With trixie-arm64, the same for 64-bit Raspberry Pi OS trixie: a cross build in a trixie root
# that holds the cross compiler and the :arm64 -dev packages beside its own.
# The version says the release: 0.1.0+deb12 or 0.1.0+deb13 (cmake/install.cmake).
# Usage: tests/package/build-deb.sh [BUILD_DIR [arm64|trixie|trixie-arm64]]   (default
#   build-deb; the .deb lands there; BUILD_DIR inside the source tree for trixie)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-deb}
cross=""
case "${2:-}" in
"") ;;
trixie | trixie-arm64)
  packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libsqlite3-dev libinih-dev libgpiod-dev libcmocka-dev libsystemd-dev systemd-dev
fonts-dejavu-core gettext sqlite3 dpkg-dev file lintian"
  archs=amd64 name=trixie-build inner=""
  if [ "$2" = trixie-arm64 ]; then
    # The cross compiler and the libraries the arm64 binary links against, as :arm64.
    packages="$packages crossbuild-essential-arm64 $(printf '%s:arm64 ' libsdl2-dev \
      libsdl2-ttf-dev libsdl2-image-dev libdrm-dev libsqlite3-dev libinih-dev libgpiod-dev \
      libsystemd-dev)"
    archs=amd64,arm64 name=trixie-arm64-build inner=arm64
  fi
  cache=${CALM_BUILD_CACHE:-/var/cache/calm-prompt-build}
  recipe=1 # bump when the root's recipe changes
  # shellcheck disable=SC2086 # one package a word
  key=$(printf '%s trixie %s\n' "$recipe" "$(printf '%s\n' $packages | sort | tr '\n' ' ')" |
    sha256sum | cut -c1-16)
  base=$cache/$name-$key.tar
  command -v mmdebstrap >/dev/null ||
    { apt-get update -q && apt-get install -y -q --no-install-recommends mmdebstrap >/dev/null; }
  mkdir -p "$cache"
  if [ ! -f "$base" ]; then
    echo "== a Debian 13 build root: $base"
    rm -f "$cache/$name"-*.tar
    find "$cache" -maxdepth 1 -name "$name-*.tar.part*" -mmin +1440 -delete
    # shellcheck disable=SC2086 # one package a word
    mmdebstrap --quiet --variant=apt --format=tar --architectures="$archs" \
      --include="$(echo $packages | tr ' ' ',')" trixie "$base.part.$$"
    mv "$base.part.$$" "$base"
  fi
  root=$(mktemp -d /tmp/calm-trixie-build-XXXXXX)
  trap 'rm -rf "$root"' EXIT
  tar -C "$root" -xf "$base"
  mkdir -p "$root/src"
  echo "== in Debian 13 ($(cat "$root/etc/debian_version")): $(chroot "$root" dpkg-query -W \
    -f='${Package} ${Version}, ' libgpiod-dev libsdl2-dev libsdl2-ttf-dev | sed 's/, $//')"
  unshare --mount --fork sh -c 'mount --bind "$1" "$2/src" && mount -t proc proc "$2/proc" &&
    chroot "$2" sh -c "cd /src && tests/package/build-deb.sh \"\$1\" \$2" sh "$3" "$4"' \
    sh "$PWD" "$root" "$build" "$inner"
  exit $?
  ;;
arm64)
  # dpkg-buildflags and dpkg-shlibdeps work for the architecture DEB_HOST_ARCH names.
  export DEB_HOST_ARCH=arm64
  cross=-DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-aarch64.cmake
  ;;
*) echo "usage: tests/package/build-deb.sh [BUILD_DIR [arm64|trixie|trixie-arm64]]" >&2; exit 2 ;;
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
