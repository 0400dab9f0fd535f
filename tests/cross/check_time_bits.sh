#!/bin/sh
# SPDX-License-Identifier: MIT
# A native build on a 32-bit system (what a maker on 32-bit Raspberry Pi OS runs) must have a
# 64-bit time_t and off_t, or its clock and log end in January 2038. Configures the project for
# a 32-bit target (gcc -m32, from gcc-multilib) and builds the platform layer, whose
# compile-time check refuses a 32-bit time_t. Skipped (77) where gcc cannot build for 32 bits.
# Usage: check_time_bits.sh SOURCE_DIR WORK_DIR
set -u
src=$1 work=$2
mkdir -p "$work"
# The headers the platform layer uses too: a partial multilib links a bare probe, yet lacks them.
printf '#include <errno.h>\n#include <time.h>\nint main(void) { return errno; }\n' >"$work/probe.c"
if ! gcc -m32 "$work/probe.c" -o "$work/probe" 2>/dev/null; then
  echo "SKIP: gcc cannot build for 32 bits here (apt-get install gcc-multilib; CI's armhf cross build checks the same)"
  exit 77
fi
rm -rf "$work/build32"
if ! CC=gcc cmake -S "$src" -B "$work/build32" -DCMAKE_C_FLAGS=-m32 -DCALM_BUILD_TESTS=OFF \
    >"$work/configure.log" 2>&1; then
  cat "$work/configure.log"
  echo "FAIL: the 32-bit configure failed"
  exit 1
fi
if ! cmake --build "$work/build32" --target calm_platform calm_core >"$work/build.log" 2>&1; then
  grep -E "error|assert" "$work/build.log" | head -n 20
  echo "FAIL: a 32-bit build does not get a 64-bit time_t"
  exit 1
fi
# The same for every file, not only those that check: the layers' flags name both.
for flag in _TIME_BITS=64 _FILE_OFFSET_BITS=64; do
  for layer in platform core; do
    grep -q -- "-D$flag" "$work/build32/CMakeFiles/calm_$layer.dir/flags.make" ||
      { echo "FAIL: calm_$layer is compiled without -D$flag"; exit 1; }
  done
done
echo "ok: a 32-bit build has a 64-bit time_t and off_t"
