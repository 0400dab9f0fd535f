#!/bin/sh
# SPDX-License-Identifier: MIT
# What the service's signals do to a running app (SDL's dummy driver, no display needed):
# SIGHUP reads the settings again, and settings with a problem keep the running ones; SIGTERM
# ends it with exit code 0 and the log intact.
# Usage: check_signals.sh APP WORK_DIR
set -u
app=$1 work=$2
rm -rf "$work"
mkdir -p "$work"
conf=$work/calm.conf out=$work/app.out failures=0

fail() {
  echo "FAIL $1"
  sed 's/^/  | /' "$out"
  failures=$((failures + 1))
}

# Waits up to 30 s (slow under an emulator) until the app has said TEXT COUNT times.
wait_for() {
  text=$1 count=${2:-1} tries=0
  while :; do
    said=$(grep -cF -- "$text" "$out")
    [ "${said:-0}" -ge "$count" ] && return 0
    tries=$((tries + 1))
    if [ $tries -gt 150 ] || ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    sleep 0.2
  done
}

printf '[breathe]\npattern = resonance\n' >"$conf"
: >"$out" # there before the app starts: the first wait must not find it missing
SDL_VIDEODRIVER=dummy "$app" --config "$conf" --db "$work/events.db" --exit-after 120 \
  >"$out" 2>&1 &
pid=$!
wait_for "running on the 'dummy' video driver" || { fail "start"; kill "$pid"; exit 1; }

printf '[breathe]\npattern = box\n' >"$conf"
kill -HUP "$pid"
if wait_for "settings and prompts read again"; then echo "ok   reload"; else fail "reload"; fi

printf '[breathe]\npatern = box\n' >"$conf"
kill -HUP "$pid"
if wait_for "the settings were not read again" && kill -0 "$pid" 2>/dev/null &&
  grep -qF "patern" "$out"; then
  echo "ok   reload-bad-settings-kept"
else
  fail "reload-bad-settings-kept"
fi

printf '[display]\nsize = 480x320\n' >"$conf"
kill -HUP "$pid"
if wait_for "wait for a restart"; then echo "ok   reload-needs-restart"; else fail "reload-needs-restart"; fi

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" -eq 0 ]; then echo "ok   sigterm-exit-0"; else fail "sigterm-exit-0 (exit $rc)"; fi
integrity=$(sqlite3 "$work/events.db" 'PRAGMA integrity_check' 2>&1)
if [ "$integrity" = ok ]; then echo "ok   log-intact"; else fail "log-intact: $integrity"; fi

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
