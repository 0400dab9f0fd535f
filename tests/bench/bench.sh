#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the app headless on one screen for a fixed time and prints the CPU time it used per
# minute and its peak resident memory. Figures, not pass/fail.
#
# Usage: tests/bench/bench.sh [SCREEN] [SECONDS] [SIZE]
#   SCREEN  ambient | ambient-still (no glow) | breathe | prompt   (default: all, in turn)
#   SECONDS how long each run lasts       (default 20)
#   SIZE    WxH                           (default 800x480)
# For breathe it also runs the floor (tests/bench/floor.c): the least an SDL2 program spends
# drawing the same disc and label at the same size and rate, bare and with the guide's glow,
# and prints calm-prompt's ratio to each.
# Environment: APP (default build/calm-prompt), FLOOR (default: bench_floor beside the app's
# tests), FONT (default DejaVu Sans), SDL_VIDEODRIVER (default dummy: SDL's
# software framebuffer, no display needed; use x11 with DISPLAY set to include a real
# window system's cost).
set -eu
here=$(dirname "$0")
app=${APP:-$here/../../build/calm-prompt}
floor=${FLOOR:-$(dirname "$app")/tests/bench_floor}
font=${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}
seconds=${2:-20}
size=${3:-800x480}
screens=${1:-ambient ambient-still breathe prompt}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}

[ -x "$app" ] || { echo "no app at $app: build first (./dev.sh build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-13s %-9s %8s %10s %12s %12s\n' screen size seconds "cpu s" "cpu s/min" "peak RSS KiB"
# run NAME COMMAND...: times one run, prints its line, leaves its CPU s/min in $per_min.
run() {
  name=$1
  shift
  /usr/bin/time -o "$work/time" -f '%U %S %M' "$@" 2>"$work/stderr" >/dev/null ||
    { cat "$work/stderr" >&2; exit 1; }
  read -r user sys rss <"$work/time"
  per_min=$(awk -v u="$user" -v y="$sys" -v t="$seconds" 'BEGIN { printf "%.3f", (u + y) * 60 / t }')
  awk -v s="$name" -v z="$size" -v t="$seconds" -v u="$user" -v y="$sys" -v r="$rss" \
    'BEGIN { c = u + y; printf "%-13s %-9s %8d %10.2f %12.3f %12d\n", s, z, t, c, c * 60 / t, r }'
}

breathe=""
printf '[ambient]\nglow = false\n' >"$work/still.conf"
for screen in $screens; do
  config=/dev/null start=$screen
  [ "$screen" = ambient-still ] && config=$work/still.conf start=ambient
  run "$screen" "$app" --config "$config" --db "$work/events.db" --size "$size" \
    --start "$start" --exit-after "$seconds"
  [ "$screen" = breathe ] && breathe=$per_min
done
[ -n "$breathe" ] || exit 0
[ -x "$floor" ] || { echo "no floor program at $floor: build the tests first" >&2; exit 1; }
w=${size%x*} h=${size#*x}
run floor "$floor" "$w" "$h" "$seconds" "$font"
bare=$per_min
run floor+gl "$floor" "$w" "$h" "$seconds" "$font" glow
glow=$per_min
awk -v b="$breathe" -v f="$bare" -v g="$glow" 'BEGIN {
  printf "breathe / floor (bare disc):     %.2fx\n", b / f
  printf "breathe / floor (glowing disc):  %.2fx\n", b / g }'
