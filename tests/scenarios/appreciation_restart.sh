#!/bin/sh
# SPDX-License-Identifier: MIT
# An appreciation left before a restart (a power cut at night) still waits: the next press,
# in a new run of the app on the same log, shows it and marks it seen.
# Usage: appreciation_restart.sh APP SCENARIO_DIR OUT_DIR
set -eu
app=$1 dir=$2 out=$3
mkdir -p "$out"
db="$out/appreciation_restart.db"
rm -f "$db" "$db-wal" "$db-shm"
printf '[prompts]\ndeck_dir = %s/deck\n[breathe]\ncheckin = false\n' "$dir" >"$out/ar.conf"
printf '1.0 main down\n1.1 main up\n1.2 main down\n1.3 main up\n' >"$out/leave.replay"
printf '5.0 main down\n5.1 main up\n6 end\n' >"$out/next.replay"
"$app" --config "$out/ar.conf" --replay "$out/leave.replay" --db "$db" --clock 21:00 \
  --date 2026-11-24 --seed 1 >"$out/leave.out"
grep -q '"action":"appreciation"' "$out/leave.out"
"$app" --config "$out/ar.conf" --replay "$out/next.replay" --db "$db" --clock 07:30 \
  --date 2026-11-25 --seed 1 >"$out/next.out"
if ! grep -q '"action":"seen","screen":"note"' "$out/next.out"; then
  echo "after a restart the next press did not show the appreciation:"; cat "$out/next.out"
  exit 1
fi
# And once seen, it stays seen across the next restart.
"$app" --config "$out/ar.conf" --replay "$out/next.replay" --db "$db" --clock 08:00 \
  --date 2026-11-25 --seed 1 >"$out/again.out"
if grep -q '"action":"seen"' "$out/again.out"; then
  echo "a seen appreciation was shown again:"; cat "$out/again.out"
  exit 1
fi
echo "appreciation_restart: waited across a restart, seen once"
