#!/bin/sh
# Builds calm-prompt_VERSION_ARCH.deb with CPack (a /usr build with Debian's hardening flags,
# its Depends from dpkg-shlibdeps) and checks it with lintian: errors fail, warnings are shown.
# Usage: tests/package/build-deb.sh [BUILD_DIR]   (default build-deb; the .deb lands there)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-deb}
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
CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS)
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
export CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DCALM_BUILD_TESTS=OFF -DCALM_WERROR=ON ${CMAKE_ARGS:-} >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/calm-prompt_*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log"; exit 1; }
deb=$(ls "$build"/calm-prompt_*.deb)
echo "== $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
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
