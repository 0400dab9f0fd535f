#!/bin/sh
# SPDX-License-Identifier: MIT
# calm-prompt's one entry point for people: installs what is missing, builds, then runs or tests.
#   ./dev.sh run [APP OPTIONS...]   install, build, start the app (a window on a desktop)
#   ./dev.sh test                   install, build, run the whole test suite
#   ./dev.sh build                  install and build only
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure options).
set -eu
cd "$(dirname "$0")"
build_dir=${BUILD_DIR:-build}

# Debian packages the build, the app and the tests need (Debian 12/13, Raspberry Pi OS); the
# last three run a private bus with a stand-in systemd-timedated for the clock's test.
packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libdrm-dev libsqlite3-dev libinih-dev libgpiod-dev libcmocka-dev libsystemd-dev
gettext fonts-dejavu-core sqlite3 xvfb xdotool dbus-daemon python3-dbus python3-gi"

install_missing() {
  missing=""
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
}

build() {
  # shellcheck disable=SC2086
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-}
  cmake --build "$build_dir" -j "$(nproc)"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_missing
    build
    # On a desktop SDL opens a window; on a console (no X or Wayland) it draws with KMSDRM.
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${SDL_VIDEODRIVER:-}" ]; then
      export SDL_VIDEODRIVER=kmsdrm
      set -- --fullscreen "$@"
    fi
    exec "$build_dir/calm-prompt" "$@"
    ;;
  test)
    install_missing
    build
    cd "$build_dir"
    # The system test (a virtual machine, minutes long) runs on its own: ctest -L system.
    exec ctest --output-on-failure -j "$(nproc)" -LE system
    ;;
  build)
    install_missing
    build
    ;;
  *)
    echo "usage: ./dev.sh run|test|build" >&2
    exit 2
    ;;
esac
