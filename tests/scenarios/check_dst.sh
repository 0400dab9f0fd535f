#!/bin/sh
# SPDX-License-Identifier: MIT
# Daylight-saving nights: a replay from Saturday evening across a change of the clocks to
# Monday, in a time zone of its own (TZ), checked line by line. The "look" lines show the local
# time the device runs on, the night and whether the screen is dark, the prompt of the day and
# the part of the day prompts are chosen for; the history screen's week and `log stats` show
# which day and week each press landed in.
# Usage: check_dst.sh APP DST_DIR OUT_DIR NAME TZ DATE
# Files in DST_DIR: NAME.replay (starting at DATE 21:00 local time), NAME.expected (its lines),
# NAME.stats (what `log stats` prints after), dst.conf and deck/ (shared by all), NAME.conf
# (optional: its own settings).
set -eu
app=$1 dir=$2 out=$3 name=$4 zone=$5 date=$6

if [ ! -f "/usr/share/zoneinfo/$zone" ]; then
  echo "FAIL: no time zone data for $zone (the tzdata package)"
  exit 1
fi
export TZ="$zone"
mkdir -p "$out"
db="$out/$name.db"
rm -f "$db" "$db-wal" "$db-shm"
printf '[prompts]\ndeck_dir = %s/deck\n' "$dir" >"$out/$name.conf"
cat "$dir/dst.conf" >>"$out/$name.conf"
# NAME.conf, when there is one, changes some of them (a later line wins).
[ -f "$dir/$name.conf" ] && cat "$dir/$name.conf" >>"$out/$name.conf"
"$app" --config "$out/$name.conf" --replay "$dir/$name.replay" --db "$db" \
  --clock 21:00 --date "$date" --seed 1 >"$out/$name.out"
diff -u "$dir/$name.expected" "$out/$name.out"
"$app" log stats --db "$db" >"$out/$name.stats"
diff -u "$dir/$name.stats" "$out/$name.stats"
echo "$name ($zone): $(grep -c '"look"' "$out/$name.out") looks, $(grep -vc '"look"' \
  "$out/$name.out") actions and the weeks of log stats as expected"
