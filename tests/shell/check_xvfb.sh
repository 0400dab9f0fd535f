#!/bin/sh
# SPDX-License-Identifier: MIT
# A real window under Xvfb, used as a person would with a mouse (or a touch screen that reports
# as one): a click starts breathing, a hold shows a prompt, and the rows land in the log with
# "touch" as their source. Prints how long each press took to reach the log and the screen.
# Usage: check_xvfb.sh APP DECK_DIR OUT_DIR. Exit 77 (skipped) only when Xvfb and xdotool are
# missing and cannot be installed.
set -eu
app=$1 deck=$2 out=$3
rm -rf "$out"
mkdir -p "$out"

have_tools() { command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1; }
if ! have_tools; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  # shellcheck disable=SC2086
  { $sudo apt-get install -y -q --no-install-recommends xvfb xdotool ||
    { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends xvfb xdotool; }
  } >"$out/apt.log" 2>&1 || true
  if ! have_tools; then
    echo "SKIP: Xvfb and xdotool are not here and could not be installed (see $out/apt.log)"
    exit 77
  fi
fi

xvfb_pid="" app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

# A display of its own: Xvfb picks a free number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 800x480x24 -nolisten tcp 3>"$out/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$out/display" ] && break
  sleep 0.1
done
[ -s "$out/display" ] || { echo "FAIL: Xvfb did not start"; cat "$out/xvfb.log"; exit 1; }
DISPLAY=:$(cat "$out/display")
export DISPLAY

# The fixed little deck, no check-in: the tap goes straight to settling in, then breathing.
printf '[prompts]\ndeck_dir = %s\n[breathe]\ncheckin = false\n' "$deck" >"$out/app.conf"
# X11 and the GL driver keep memory until the process ends; leaks are the headless tests' job.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" CALM_DEBUG=1 SDL_VIDEODRIVER=x11 \
  "$app" --config "$out/app.conf" --db "$out/events.db" --exit-after 60 \
  >"$out/app.out" 2>"$out/app.err" &
app_pid=$!

fail() {
  echo "FAIL: $*"
  echo "-- the app said:"
  cat "$out/app.err"
  exit 1
}
window=$(timeout 30 xdotool search --sync --name '^calm-prompt$' | head -n 1) ||
  fail "no calm-prompt window within 30 s"
# The first frame is drawn before the loop waits for input; give it a moment on a busy machine.
sleep 1

# A click in the middle: a tap, known once the double-press window (0.35 s) has closed.
xdotool mousemove --window "$window" 400 240 click 1
sleep 3
# A hold of 2.5 s: a long press (0.7 s or more), counted as it lifts. SDL stamps an event when
# it reads it, so a busy moment of the app shortens a hold; 2.5 s leaves room for that on a
# loaded machine. Python (when here) notes the monotonic time just before the release is sent,
# to compare with the time the app gives the release.
lift_ms=-1
if command -v python3 >/dev/null 2>&1; then
  lift_ms=$(python3 -c 'import subprocess, time
subprocess.run(["xdotool", "mousedown", "1"], check=True)
time.sleep(2.5)
print(int(time.monotonic() * 1000), flush=True)
subprocess.run(["xdotool", "mouseup", "1"], check=True)')
else
  xdotool mousedown 1 sleep 2.5 mouseup 1
fi
sleep 2
command -v xwd >/dev/null 2>&1 && xwd -root -silent >"$out/prompt.xwd"

rows=$(sqlite3 "$out/events.db" "SELECT gesture || ' ' || action || ' ' || source FROM presses ORDER BY id")
want="short breathe touch
long prompt touch"
[ "$rows" = "$want" ] || fail "the presses in the log are
$rows
not
$want"
prompts=$(sqlite3 "$out/events.db" "SELECT count(*) FROM prompts_shown")
[ "$prompts" = 1 ] || fail "$prompts prompts shown, not 1"
sessions=$(sqlite3 "$out/events.db" "SELECT ended FROM sessions")
[ "$sessions" = "ended early" ] || fail "the session is '$sessions', not 'ended early'"

# What a press costs, from the app's own account: the moment it was known (for the hold, the
# time SDL stamped on the button's release) to its rows committed and its frame presented.
lines=$(grep -c "ms later and on screen" "$out/app.err" || true)
[ "$lines" = 2 ] || fail "$lines presses reached the screen, not 2"
grep "ms later and on screen" "$out/app.err" | sed 's/^calm-prompt: debug: /  /'
hold_known=$(grep "ms later and on screen" "$out/app.err" | sed -n '2s/.*known at \([0-9]*\) ms.*/\1/p')
if [ "$lift_ms" -ge 0 ]; then
  echo "  the release reached the app $((hold_known - lift_ms)) ms after xdotool was started to send it"
fi

# Esc, as a person at the keyboard would (the pointer is over the window, so it has the keys).
xdotool key Escape
wait "$app_pid" || fail "the app did not end cleanly on Esc"
app_pid=""
echo "a click and a hold in a real window: breathing, then a prompt, both from 'touch'"

# SIGTERM on a desktop ends the app at once, not at its next wake-up: with no glow on the clock
# that would be the next minute.
printf '[ambient]\nglow = false\n' >"$out/still.conf"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_VIDEODRIVER=x11 \
  "$app" --config "$out/still.conf" --db "$out/still.db" --exit-after 120 \
  >"$out/still.out" 2>"$out/app.err" &
app_pid=$!
timeout 30 xdotool search --sync --name '^calm-prompt$' >/dev/null ||
  fail "no calm-prompt window within 30 s"
sleep 1
kill -TERM "$app_pid"
waited=0
while kill -0 "$app_pid" 2>/dev/null && [ $waited -lt 100 ]; do
  sleep 0.1
  waited=$((waited + 1))
done
kill -0 "$app_pid" 2>/dev/null && fail "the app was still running 10 s after SIGTERM"
wait "$app_pid" || fail "the app did not end cleanly on SIGTERM"
app_pid=""
echo "SIGTERM on a desktop: ended within $((waited * 100)) ms"
