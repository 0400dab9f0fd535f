#!/bin/sh
# SPDX-License-Identifier: MIT
# The breath's sound as it leaves the app: a session run headless with SDL's disk audio driver
# (the samples go to a file), checked by analyse_sound. A case: a pattern of the test's own, a
# volume (day or night), a run length; the box case also checks that the analyser does fail
# on a click, a wrong time and a wrong level. The "nodevice" case: no audio device is one
# line and the app goes on.
# Usage: check_sound.sh APP ANALYSER WORK_DIR CASE
set -u
app=$1 analyse=$2 work=$3 case=$4
mkdir -p "$work"
failures=0

fail() {
  echo "FAIL $case: $1"
  failures=$((failures + 1))
}

# run PHASES SECONDS [APP OPTIONS...]: one session of the pattern with those phases.
run() {
  phases=$1 seconds=$2
  shift 2
  cat >"$work/$case.conf" <<CONF
[sound]
enabled = true
volume = 80
night_volume = 50
[pattern t_$case]
phases = $phases
[breathe]
pattern = t_$case
CONF
  rm -f "$work/$case.raw" "$work/$case.db"*
  CALM_DEBUG=1 SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=${driver:-disk} \
    SDL_DISKAUDIOFILE="$work/$case.raw" \
    "$app" --config "$work/$case.conf" --db "$work/$case.db" --start breathe \
    --exit-after "$seconds" "$@" >"$work/$case.out" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "the app exited $rc"
    sed 's/^/  | /' "$work/$case.out"
  fi
}

# check PHASES VOLUME: the recording against the pattern.
check() {
  anchor=$(sed -n 's/.*sound: breathing time 0 is sample \(-*[0-9]*\) of the stream.*/\1/p' \
    "$work/$case.out" | head -n 1)
  if [ -z "$anchor" ]; then
    fail "the app did not say where the breathing begins in the stream"
    sed 's/^/  | /' "$work/$case.out"
    return
  fi
  if ! "$analyse" "$work/$case.raw" 48000 "$anchor" 1024 "$2" "$1"; then
    fail "the recording does not follow the pattern"
  fi
}

# must_fail WHAT ANALYSER ARGS...: the analyser rejects a recording that is wrong.
must_fail() {
  what=$1
  shift
  if "$analyse" "$@" >/dev/null; then
    fail "the analyser passed $what"
  fi
}

case $case in
  box)
    phases="inhale 4, hold 4, exhale 4, hold 4"
    run "$phases" 20 && check "$phases" 80
    # The analyser can fail: a click, the cues 100 ms off, the level of another volume.
    cp "$work/box.raw" "$work/box-click.raw"
    printf '\377\077' | dd of="$work/box-click.raw" bs=2 seek=120000 conv=notrunc 2>/dev/null
    must_fail "a click" "$work/box-click.raw" 48000 "$anchor" 1024 80 "$phases"
    must_fail "cues 100 ms late" "$work/box.raw" 48000 $((anchor - 4800)) 1024 80 "$phases"
    must_fail "the wrong level" "$work/box.raw" 48000 "$anchor" 1024 40 "$phases"
    must_fail "exhale and inhale swapped" "$work/box.raw" 48000 "$anchor" 1024 80 \
      "exhale 4, hold 4, inhale 4, hold 4"
    ;;
  sigh_night)
    # At night, the night's volume; the top-up a second small rise.
    phases="inhale 2, topup 1, exhale 6"
    run "$phases" 20 --clock 23:30 && check "$phases" 50
    ;;
  resonance)
    phases="inhale 5.5, exhale 5.5"
    run "$phases" 22 && check "$phases" 80
    ;;
  nodevice)
    # No audio device: one line saying so, and the session goes on in silence.
    driver=nosuchdriver run "inhale 4, exhale 6" 1
    lines=$(grep -c "sound: " "$work/$case.out")
    if [ "$lines" -ne 1 ] || ! grep -q "no audio device" "$work/$case.out"; then
      fail "expected one line about the missing audio device, got $lines"
      sed 's/^/  | /' "$work/$case.out"
    fi
    ;;
  *)
    echo "unknown case $case" >&2
    exit 2
    ;;
esac
[ "$failures" -eq 0 ] && echo "ok $case"
exit $((failures > 0))
