#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a replay scenario and checks the exact JSON lines it prints and the rows it commits.
# Usage: check_scenario.sh APP SCENARIO_DIR OUT_DIR NAME
# Files: NAME.replay (the script), NAME.expected (the JSON lines), NAME.rows (the rows, as the
# query below prints them), NAME.conf (optional settings).
set -eu
app=$1 dir=$2 out=$3 name=$4

mkdir -p "$out"
db="$out/$name.db"
rm -f "$db" "$db-wal" "$db-shm"
# A fixed little deck, so the scenarios do not change when the shipped prompts do.
# NAME.conf, when there is one, adds its own settings.
printf '[prompts]\ndeck_dir = %s/deck\n' "$dir" >"$out/$name.conf"
[ -f "$dir/$name.conf" ] && cat "$dir/$name.conf" >>"$out/$name.conf"
"$app" --config "$out/$name.conf" --replay "$dir/$name.replay" --db "$db" \
  --clock 21:00 --date 2026-11-24 --seed 1 >"$out/$name.out"
diff -u "$dir/$name.expected" "$out/$name.out"
sqlite3 "$db" >"$out/$name.rows" <<'SQL'
.mode list
.separator ' | '
SELECT 'press', mono_ms, button, gesture, action, screen, source FROM presses ORDER BY id;
SELECT 'session', mono_ms, press_id, pattern, planned_ms, actual_ms, ended, checkin_before, checkin_after FROM sessions ORDER BY id;
SELECT 'prompt', mono_ms, press_id, prompt_id FROM prompts_shown ORDER BY id;
SELECT 'integrity', * FROM pragma_integrity_check;
SQL
diff -u "$dir/$name.rows" "$out/$name.rows"
echo "$name: $(wc -l <"$out/$name.out") actions and $(grep -c . "$out/$name.rows") rows as expected"
