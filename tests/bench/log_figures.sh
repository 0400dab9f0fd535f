#!/bin/sh
# SPDX-License-Identifier: MIT
# How the size of the event log shows, over an empty log and over one of five years of heavy use
# (ROWS rows, tests/bench/make_log.sh): the history screen's week read when the screen opens
# (bench_week: the median of 21 reads), opening the log at start-up, a whole headless run that
# draws the history screen, and `calm-prompt log stats`. The runs are the median of RUNS runs
# (default 5), in CPU time (user + system: steady on a busy machine) and in wall time.
# Figures, not pass/fail; the goals: the history screen at most 100 ms slower over the big log,
# log stats within 0.5 s.
# Usage: tests/bench/log_figures.sh [APP] [ROWS]   (APP default build/calm-prompt)
# Environment: BENCH_WEEK (default: bench_week beside the app's tests), RUNS.
set -eu
here=$(dirname "$0")
app=${1:-$here/../../build/calm-prompt}
rows=${2:-500000}
runs=${RUNS:-5}
bench_week=${BENCH_WEEK:-$(dirname "$app")/tests/bench_week}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
[ -x "$app" ] || { echo "no app at $app: build first (./dev.sh build)" >&2; exit 1; }
[ -x "$bench_week" ] || { echo "no bench_week at $bench_week: build the tests first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/make_log.sh" "$app" "$work/big.db" "$rows"
printf '1 end\n' >"$work/empty.replay"
"$app" --config /dev/null --replay "$work/empty.replay" --db "$work/empty.db" >/dev/null

# median_ms COMMAND...: runs it RUNS times, prints the median CPU and wall times in ms.
median_ms() {
  i=0
  while [ "$i" -lt "$runs" ]; do
    /usr/bin/time -o "$work/time" -f '%U %S %e' "$@" >/dev/null 2>&1 ||
      { echo "failed: $*" >&2; exit 1; }
    awk '{ printf "%d %d\n", ($1 + $2) * 1000, $3 * 1000 }' "$work/time"
    i=$((i + 1))
  done >"$work/runs"
  for col in 1 2; do
    cut -d' ' -f$col "$work/runs" | sort -n | awk '{ a[NR] = $1 } END { printf "%s ", a[int((NR + 1) / 2)] }'
  done
}

day=20416 # 2026-11-24, the last day of the big log
set -- $("$bench_week" "$work/empty.db" $day) $("$bench_week" "$work/big.db" $day)
printf '%-44s %10s %10s\n' "history week read (median of 21)" "empty ms" "$rows ms"
printf '%-44s %10.2f %10.2f   (goal: at most 100 more)\n' "  everyone" "$1" "$4"
printf '%-44s %10.2f %10.2f\n' "  one member" "$2" "$5"
printf '%-44s %10.0f %10.0f\n' "opening the log (start-up, wall)" "$3" "$6"

shot="--config /dev/null --screenshot $work/h.png --screen history --date 2026-11-24 --clock 21:50"
# shellcheck disable=SC2086
set -- $(median_ms "$app" $shot --db "$work/empty.db") $(median_ms "$app" $shot --db "$work/big.db") \
  $(median_ms "$app" log stats --db "$work/big.db") \
  $(median_ms "$app" log stats --since 2026-11-01 --member Ana --db "$work/big.db")
printf '\n%-44s %10s %10s\n' "($runs runs, median)" "cpu ms" "wall ms"
printf '%-44s %10d %10d\n' "a run drawing the history screen, empty log" "$1" "$2"
printf '%-44s %10d %10d\n' "a run drawing the history screen, $rows rows" "$3" "$4"
printf '%-44s %10d %10d   (goal: at most 500)\n' "log stats, $rows rows" "$5" "$6"
printf '%-44s %10d %10d\n' "log stats --since --member, $rows rows" "$7" "$8"
