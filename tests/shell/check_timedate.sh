#!/bin/sh
# SPDX-License-Identifier: MIT
# Setting the clock as the app does it, against a private D-Bus with a stand-in timedated: the
# call made exactly (SetTime, the time in microseconds, not relative, not interactive), and a
# refusal, network time, no timedated and no bus at all each told apart; and as the app's loop
# asks, on a thread: a slow answer (10 s) waited for while the loop turns, and a call let go of
# early that never wakes a loop that is gone.
# Usage: check_timedate.sh PROBE STANDIN OUT_DIR
set -eu
probe=$1 standin=$2 out=$3

rm -rf "$out"
mkdir -p "$out"
bus="$out/bus"
daemon=""
standin_pid=""
stop() {
  [ -n "$standin_pid" ] && kill "$standin_pid" 2>/dev/null || true
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null || true
}
trap stop EXIT
dbus-daemon --session --address="unix:path=$bus" --nofork --nopidfile &
daemon=$!
for _ in $(seq 50); do [ -S "$bus" ] && break; sleep 0.1; done
[ -S "$bus" ] || { echo "FAIL the private bus did not start"; exit 1; }
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$bus"
usec=1796108700123456

# start_standin MODE RECORD: a stand-in timedated answering as MODE, once it owns its name.
start_standin() {
  rm -f "$out/ready"
  "$standin" "$1" "$2" "$out/ready" &
  standin_pid=$!
  for _ in $(seq 100); do [ -f "$out/ready" ] && break; sleep 0.1; done
  [ -f "$out/ready" ] || { echo "FAIL the stand-in timedated ($1) did not start"; exit 1; }
}
stop_standin() {
  kill "$standin_pid"
  wait "$standin_pid" 2>/dev/null || true
  standin_pid=""
}

# expect MODE RESULT TEXT [HOW]: runs the probe (HOW: thread, drop) against a stand-in in MODE
# ("none": no stand-in).
expect() {
  mode=$1 want=$2 text=$3 how=${4:-}
  record="$out/$mode.record"
  : >"$record"
  if [ "$mode" != none ]; then
    start_standin "$mode" "$record"
  fi
  "$probe" "$usec" ${how:+"$how"} >"$out/$mode.out"
  got=$(sed -n 1p "$out/$mode.out")
  said=$(sed -n 2p "$out/$mode.out")
  if [ "$got" != "$want" ]; then
    echo "FAIL $mode: got '$got' ($said), expected '$want'"
    exit 1
  fi
  case "$said" in
    *"$text"*) ;;
    *) echo "FAIL $mode: the message '$said' does not say '$text'"; exit 1 ;;
  esac
  if [ "$mode" != none ]; then
    stop_standin
    if [ "$(cat "$record")" != "SetTime $usec False False" ]; then
      echo "FAIL $mode: timedated was asked '$(cat "$record")'"
      exit 1
    fi
  elif [ -s "$record" ]; then
    echo "FAIL none: something answered"
    exit 1
  fi
  echo "ok $mode: $got${said:+ ($said)}"
}

expect set set ""
expect refuse refused "Access denied"
expect automatic automatic "Automatic time synchronization is enabled"
expect none unavailable "org.freedesktop.DBus.Error.ServiceUnknown"

# On a thread: the answer after 10 s (the app once gave up after 8), the loop turning meanwhile
# (every 100 ms when not woken: 100 turns; a blocked loop would not turn at all).
expect slow set "" thread
turns=$(sed -n 's/^turns //p' "$out/slow.out")
if [ "${turns:-0}" -lt 20 ]; then
  echo "FAIL slow: the loop turned ${turns:-no} times while timedated took 10 s"
  exit 1
fi
echo "ok slow: the loop turned $turns times while it waited"
# Let go of at once: the answer comes on the thread and nothing is woken (the probe's wake
# writes to descriptor -1 and aborts if it is ever called).
: >"$out/set.record"
start_standin set "$out/set.record"
"$probe" "$usec" drop >"$out/drop.out"
if [ "$(cat "$out/drop.out")" != dropped ] || [ "$(cat "$out/set.record")" != "SetTime $usec False False" ]; then
  echo "FAIL drop: '$(cat "$out/drop.out")', timedated was asked '$(cat "$out/set.record")'"
  exit 1
fi
stop_standin
echo "ok drop: timedated was asked, the call let go of woke nothing"

# No bus at all: unavailable too, said plainly.
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$out/no-such-bus" "$probe" "$usec" >"$out/nobus.out"
if [ "$(sed -n 1p "$out/nobus.out")" != unavailable ]; then
  echo "FAIL no bus: $(cat "$out/nobus.out")"
  exit 1
fi
echo "ok no bus: unavailable ($(sed -n 2p "$out/nobus.out"))"
