#!/bin/sh
# SPDX-License-Identifier: MIT
# A replay dated after January 2038, when a 32-bit time_t overflows: the stored wall time must
# be the real one (64-bit all the way), and `calm-prompt log stats` must read it back in the
# right week. Every build has a 64-bit time_t (CMakeLists.txt, checked at compile time), so a
# date it cannot represent is a failure, never a skip.
# Usage: check_y2038.sh APP SCENARIO_DIR OUT_DIR
set -u
app=$1 dir=$2 out=$3
export TZ=UTC
mkdir -p "$out"
db=$out/y2038.db
rm -f "$db" "$db-wal" "$db-shm"
printf '[prompts]\ndeck_dir = %s/deck\n' "$dir" >"$out/y2038.conf"

"$app" --config "$out/y2038.conf" --replay "$dir/short_wait_long.replay" --db "$db" \
  --clock 21:00 --date 2040-01-01 --seed 1 >"$out/y2038.out" 2>&1
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: replay exit $rc"; cat "$out/y2038.out"; exit 1; }

# 2040-01-01 21:00 UTC is 2209064400 seconds after the epoch (past 2^31 = 2147483648).
rows=$(sqlite3 "$db" "SELECT wall_utc, utc_offset_min FROM presses ORDER BY id")
echo "$rows"
first=$(echo "$rows" | head -n 1 | cut -d'|' -f1)
last=$(echo "$rows" | tail -n 1 | cut -d'|' -f1)
if [ -z "$first" ] || [ "$first" -lt 2209064400 ] || [ "$last" -gt 2209064460 ]; then
  echo "FAIL: wall_utc $first..$last, expected 2209064400..2209064460"
  exit 1
fi
# Read back: 2040-01-01 is the Sunday of ISO week 2039-W52, whose Monday is 2039-12-26.
"$app" log stats --db "$db" >"$out/y2038.stats" 2>&1 || { cat "$out/y2038.stats"; exit 1; }
cat "$out/y2038.stats"
grep -q "^2039-W52  2039-12-26" "$out/y2038.stats" || { echo "FAIL: not in week 2039-W52"; exit 1; }
echo "y2038: rows stored and read back in January 2040"
