#!/bin/sh
# SPDX-License-Identifier: MIT
# CPU per minute of breathing with the sound and the breathing light on, against both off.
# The sound goes to SDL's disk driver (/dev/null: the same work as ALSA up to the write), the
# light to a stand-in /sys/class/pwm tree (CALM_PWM_ROOT). Figures, not pass/fail.
# Usage: tests/bench/sound_light.sh [SECONDS] [RUNS]   (defaults 30 and 3; medians printed)
# Environment: APP (default build/calm-prompt), SDL_VIDEODRIVER (default dummy).
set -eu
here=$(dirname "$0")
app=${APP:-$here/../../build/calm-prompt}
seconds=${1:-30}
runs=${2:-3}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
[ -x "$app" ] || { echo "no app at $app: build first (./dev.sh build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/pwm/pwmchip0/pwm0"
for f in export pwm0/period pwm0/duty_cycle pwm0/enable; do echo 0 >"$work/pwm/pwmchip0/$f"; done
printf '[sound]\nenabled = false\n' >"$work/off.conf"
printf '[sound]\nenabled = true\n[light]\nenabled = true\nchip = 0\n' >"$work/on.conf"

# cpu_per_min CONFIG: one run's CPU seconds per minute.
cpu_per_min() {
  CALM_PWM_ROOT=$work/pwm SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null \
    /usr/bin/time -o "$work/time" -f '%U %S' "$app" --config "$1" --db "$work/events.db" \
    --start breathe --exit-after "$seconds" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr" >&2; exit 1; }
  awk -v t="$seconds" '{ printf "%.3f\n", ($1 + $2) * 60 / t }' "$work/time"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: >"$work/off" && : >"$work/on"
i=0
while [ "$i" -lt "$runs" ]; do
  cpu_per_min "$work/off.conf" >>"$work/off"
  cpu_per_min "$work/on.conf" >>"$work/on"
  i=$((i + 1))
done
grep -q "breathing light: $work/pwm" "$work/stderr" || { echo "the light did not start" >&2; exit 1; }
grep -q "sound: playing" "$work/stderr" || { echo "the sound did not start" >&2; exit 1; }
off=$(median <"$work/off") on=$(median <"$work/on")
printf 'breathing, %s s runs, median of %s:\n' "$seconds" "$runs"
printf '  sound and light off: %s s CPU a minute (%s)\n' "$off" "$(tr '\n' ' ' <"$work/off")"
printf '  sound and light on:  %s s CPU a minute (%s)\n' "$on" "$(tr '\n' ' ' <"$work/on")"
awk -v a="$off" -v b="$on" 'BEGIN { printf "  the difference:      %+.3f s a minute\n", b - a }'
