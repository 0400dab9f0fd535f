#!/bin/sh
# SPDX-License-Identifier: MIT
# How loading prompt decks grows with their size: decks of 20,000 and 40,000 lines
# (tests/bench/make_deck.sh), each as one file and as files of 10,000 lines, loaded by
# bench_deck (the median of 3 loads, CPU ms). One file of 40,000 lines is over the 1 MiB limit
# of a deck file: refused whole. Figures, not pass/fail: the time should double, not quadruple.
# Usage: tests/bench/deck_figures.sh [BENCH_DECK]   (default build/tests/bench_deck)
set -eu
here=$(dirname "$0")
bench=${1:-$here/../../build/tests/bench_deck}
[ -x "$bench" ] || { echo "no bench_deck at $bench: build the tests first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-36s %8s %8s %8s\n' deck bytes prompts "cpu ms"
for lines in 20000 40000; do
  mkdir -p "$work/one-$lines" "$work/split-$lines"
  "$here/make_deck.sh" "$lines" >"$work/one-$lines/big.deck"
  # The same prompts as files of 10,000 lines (each under the limit).
  awk -v dir="$work/split-$lines" '!/^#/ { n++ } { print > (dir "/part-" int((n - 1) / 10000) ".deck") }' \
    "$work/one-$lines/big.deck"
  for kind in one split; do
    set -- $("$bench" "$work/$kind-$lines" 2>/dev/null)
    printf '%-36s %8d %8d %8s\n' "$lines lines, $kind" \
      "$(cat "$work/$kind-$lines"/*.deck | wc -c)" "$1" "$2"
  done
done
