#!/bin/sh
# Runs the app headless on one screen for a fixed time and prints the CPU time it used per
# minute and its peak resident memory. Figures, not pass/fail.
#
# Usage: tests/bench/bench.sh [SCREEN] [SECONDS] [SIZE]
#   SCREEN  ambient | breathe | prompt   (default: all three, one after another)
#   SECONDS how long each run lasts       (default 20)
#   SIZE    WxH                           (default 800x480)
# Environment: APP (default build/calm-prompt), SDL_VIDEODRIVER (default dummy: SDL's
# software framebuffer, no display needed; use x11 with DISPLAY set to include a real
# window system's cost).
set -eu
here=$(dirname "$0")
app=${APP:-$here/../../build/calm-prompt}
seconds=${2:-20}
size=${3:-800x480}
screens=${1:-ambient breathe prompt}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}

[ -x "$app" ] || { echo "no app at $app: build first (./dev.sh build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-8s %-9s %8s %10s %12s %12s\n' screen size seconds "cpu s" "cpu s/min" "peak RSS KiB"
for screen in $screens; do
  /usr/bin/time -o "$work/time" -f '%U %S %M' \
    "$app" --config /dev/null --db "$work/events.db" --size "$size" \
    --start "$screen" --exit-after "$seconds" 2>"$work/stderr" >/dev/null ||
    { cat "$work/stderr" >&2; exit 1; }
  read -r user sys rss <"$work/time"
  awk -v s="$screen" -v z="$size" -v t="$seconds" -v u="$user" -v y="$sys" -v r="$rss" \
    'BEGIN { c = u + y; printf "%-8s %-9s %8d %10.2f %12.3f %12d\n", s, z, t, c, c * 60 / t, r }'
done
