#!/bin/sh
# SPDX-License-Identifier: MIT
# Command-line behaviour a user meets: help, usage errors, config problems, bad scripts.
# Usage: check_cli.sh APP WORK_DIR
set -u
app=$1 work=$2
failures=0
mkdir -p "$work"

# expect NAME WANT_EXIT WANT_TEXT -- COMMAND...: runs it, checks its exit code and that its
# output (stdout and stderr) contains WANT_TEXT.
expect() {
  name=$1 want_exit=$2 want_text=$3
  shift 4
  "$@" >"$work/out.txt" 2>&1
  got=$?
  if [ "$got" -ne "$want_exit" ]; then
    echo "FAIL $name: exit $got, expected $want_exit"; sed 's/^/  | /' "$work/out.txt"
    failures=$((failures + 1))
  elif ! grep -qF -- "$want_text" "$work/out.txt"; then
    echo "FAIL $name: output lacks '$want_text'"; sed 's/^/  | /' "$work/out.txt"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

cat >"$work/typo.conf" <<'CONF'
[display]
size = 800x480
sise = 480x320
[breathe]
minutes = forever
CONF
cat >"$work/badpattern.conf" <<'CONF'
[pattern resonance]
phases = inhale 4, exhale -6
[pattern mine]
phases = inhale 4, sniff 2, exhale 6
CONF
cat >"$work/good.conf" <<'CONF'
[display]
clock = 12
CONF
printf '1.0 main down\n0.5 main up\n' >"$work/backwards.replay"
printf '1.0 mian down\n' >"$work/nobutton.replay"
printf '1.0 touch down 900,10\n' >"$work/offscreen.replay"
printf '1.0 touch down 10,10\n2.0 touch down 20,20\n' >"$work/twotouches.replay"
printf '1.0 touch up\n' >"$work/touchup.replay"
printf '[touch]\nenabled = no\n' >"$work/notouch.conf"
printf '[button main]\nkeys = Space, Spcae\n' >"$work/badkey.conf"

expect help 0 "Usage: calm-prompt" -- "$app" --help
expect version 0 "calm-prompt " -- "$app" --version
expect unknown-option 2 "unknown or incomplete option '--dance'" -- "$app" --dance
expect bad-size 2 "--size: expected WIDTHxHEIGHT" -- "$app" --size big
expect bad-start 2 "--start: expected ambient, breathe or prompt" -- "$app" --start nap
expect screenshot-needs-screen 2 "--screenshot needs --screen" -- "$app" --screenshot "$work/x.png"
expect config-typo-key 2 "typo.conf:3: sise: unknown key in [display]" -- \
  "$app" --check-config --config "$work/typo.conf"
expect config-bad-value 2 "typo.conf:5: minutes: 'forever': expected 'pattern' or minutes" -- \
  "$app" --check-config --config "$work/typo.conf"
expect config-typo-stops-the-app 2 "typo.conf:3: sise" -- \
  "$app" --config "$work/typo.conf" --screenshot "$work/x.png" --screen ambient
expect bad-pattern-named 2 "badpattern.conf:2: phases: exhale -6: a phase lasts 0.5 to 30" -- \
  "$app" --check-config --config "$work/badpattern.conf"
expect bad-pattern-named-2 2 "badpattern.conf:4: phases: unknown phase 'sniff'" -- \
  "$app" --check-config --config "$work/badpattern.conf"
expect bad-pattern-app-still-runs 0 "those patterns were left as they were" -- \
  "$app" --config "$work/badpattern.conf" --screenshot "$work/x.png" --screen breathe \
  --pattern resonance
expect list-patterns 0 "sigh: Cyclic sighing" -- "$app" --config /dev/null --list-patterns
expect list-patterns-phases 0 "phases: inhale 4, hold 7, exhale 8" -- \
  "$app" --config /dev/null --list-patterns
expect list-patterns-ramp 0 "ramp: from 11.0 breaths a minute, over the session" -- \
  "$app" --config /dev/null --list-patterns
expect unknown-pattern 2 "no pattern named 'yoga'" -- \
  "$app" --config /dev/null --screenshot "$work/x.png" --screen breathe --pattern yoga
expect config-missing 2 "cannot read the settings file $work/missing.conf" -- \
  "$app" --check-config --config "$work/missing.conf"
expect config-good 0 "good.conf: ok" -- "$app" --check-config --config "$work/good.conf"
expect shipped-config 0 "calm-prompt.conf: ok" -- \
  "$app" --check-config --config "$(dirname "$0")/../../assets/calm-prompt.conf"
expect replay-backwards 2 "backwards.replay:2: time goes backwards" -- \
  "$app" --config /dev/null --replay "$work/backwards.replay" --db "$work/r.db"
expect replay-unknown-button 2 "nobutton.replay:1: 'mian': no such button" -- \
  "$app" --config /dev/null --replay "$work/nobutton.replay" --db "$work/r.db"
expect check-config-unknown-key 2 "[button main] keys: 'Spcae' is not a key name SDL knows" -- \
  "$app" --check-config --config "$work/badkey.conf"
expect replay-touch-off-screen 2 "offscreen.replay:1: '900,10': expected X,Y in pixels, within 800x480" -- \
  "$app" --config /dev/null --replay "$work/offscreen.replay" --db "$work/r.db"
expect replay-two-touches 2 "twotouches.replay:2: a touch is already down" -- \
  "$app" --config /dev/null --replay "$work/twotouches.replay" --db "$work/r.db"
expect replay-touch-up-first 2 "touchup.replay:1: no touch is down" -- \
  "$app" --config /dev/null --replay "$work/touchup.replay" --db "$work/r.db"
expect replay-touch-off 2 "twotouches.replay:1: touches are off ([touch] enabled)" -- \
  "$app" --config "$work/notouch.conf" --replay "$work/twotouches.replay" --db "$work/r.db"
expect bad-clock 2 "--clock '25:00'" -- \
  "$app" --config /dev/null --screenshot "$work/x.png" --screen ambient --clock 25:00
expect bad-date 2 "--date '2026-02-30'" -- \
  "$app" --config /dev/null --screenshot "$work/x.png" --screen ambient --date 2026-02-30
printf '2 end\n' >"$work/idle.replay"
expect verbose-debug 0 "debug: event log: $work/v.db" -- \
  "$app" --verbose --config /dev/null --replay "$work/idle.replay" --db "$work/v.db"
"$app" --config /dev/null --replay "$work/idle.replay" --db "$work/v.db" >"$work/out.txt" 2>&1
if grep -q "debug:" "$work/out.txt"; then
  echo "FAIL quiet-without-verbose: debug lines without --verbose"; failures=$((failures + 1))
else
  echo "ok   quiet-without-verbose"
fi

# The app itself, on SDL's dummy video driver (no display needed): starts, runs, quits.
expect app-runs-and-quits 0 "running on the 'dummy' video driver" -- \
  env SDL_VIDEODRIVER=dummy "$app" --config /dev/null --db "$work/run.db" --start breathe \
  --exit-after 0.5
expect app-no-display 1 "cannot open a display" -- \
  env SDL_VIDEODRIVER=nosuchdriver "$app" --config /dev/null --db "$work/run.db" --exit-after 0.5

echo "$failures failed"
[ "$failures" -eq 0 ]
