#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes a deck of LINES prompt lines (default 20000) to stdout, with a '# retired:' line for
# every tenth prompt: a big household deck, to time how decks load.
# Usage: tests/bench/make_deck.sh [LINES] > FILE.deck
set -eu
awk -v n="${1:-20000}" 'BEGIN {
  split("safety empathy repair trust resilience reflection", pathway, " ")
  split("self partner family kids friends", audience, " ")
  split("morning day evening bedtime any", time, " ")
  for (i = 0; i < n; i++) {
    if (i % 10 == 0) printf "# retired: old-%d\n", i
    printf "b-%d | %s | %s | %s | Ask %d.\n",
      i, pathway[i % 6 + 1], audience[i % 5 + 1], time[i % 5 + 1], i
  }
}'
