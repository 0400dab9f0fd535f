#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses (clang, AddressSanitizer + UndefinedBehaviorSanitizer +
# LeakSanitizer) and runs each for SECONDS; fails on any crash, leak, timeout or sanitizer
# report, leaving the input that caused it in BUILD_DIR/fuzz-artifacts.
# Usage: tests/fuzz/run.sh SECONDS [HARNESS...]   (harnesses: pattern deck replay config export)
# Environment: BUILD_DIR (default build-fuzz). The corpus grows in BUILD_DIR/fuzz-corpus/NAME,
# seeded from the shipped assets, the tests' inputs and tests/fuzz/seeds/NAME.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [HARNESS...]}
shift
harnesses=${*:-pattern deck replay config export}
build=${BUILD_DIR:-build-fuzz}
case "$build" in /*) ;; *) build=$root/$build ;; esac

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang cmake -S "$root" -B "$build" -DCALM_FUZZ=ON -DCALM_BUILD_TESTS=OFF \
    -DCALM_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=""
for h in $harnesses; do targets="$targets fuzz_$h"; done
# shellcheck disable=SC2086
if ! cmake --build "$build" -j "$(nproc)" --target $targets >"$build/fuzz-build.log" 2>&1; then
  cat "$build/fuzz-build.log"
  exit 1
fi

# seed NAME: the starting corpus of one harness, made fresh from the files it reads for real.
seed() {
  dir=$build/fuzz-seeds/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$here/seeds/$1"/* "$dir/"
  case $1 in
    pattern) # each [pattern] section of the shipped patterns, as its own input
      awk -v dir="$dir" '/^\[pattern /{n++; next} /^\[/{n=0} n && /=/{print > (dir "/shipped-" n)}' \
        "$root/assets/patterns.conf" ;;
    deck) cp "$root"/assets/prompts/*.deck "$root"/tests/prompts/*.deck \
        "$root"/tests/scenarios/deck/*.deck "$dir/" ;;
    replay) for f in "$root"/tests/scenarios/*.replay "$root"/tests/golden/inputs/*.replay; do
        cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
    config) cp "$root/assets/calm-prompt.conf" "$root/assets/patterns.conf" "$dir/"
      for f in "$root"/tests/scenarios/*.conf "$root"/tests/golden/inputs/*.conf; do
        cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=""
for h in $harnesses; do
  seed "$h"
  corpus=$build/fuzz-corpus/$h
  mkdir -p "$corpus" "$build/fuzz-artifacts"
  log=$build/fuzz-$h.log
  echo "== fuzz_$h for ${seconds}s"
  if "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$h-" \
      "$corpus" "$build/fuzz-seeds/$h" >"$log" 2>&1; then
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^INFO: Done|#[0-9]+.*DONE' "$log" |
      sed 's/^/  /'
    echo "  corpus: $(ls "$corpus" | wc -l) inputs"
  else
    echo "fuzz_$h FAILED; the end of its log ($log):"
    tail -n 60 "$log"
    failed="$failed $h"
  fi
done
[ -z "$failed" ] || { echo "fuzzing found trouble in:$failed" >&2; exit 1; }
echo "fuzzing: all clean"
