#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes an event log of five years of heavy use: ROWS rows (default 500000), three fifths
# presses, a fifth sessions and a fifth prompts shown, spread evenly over the five years up to
# 2026-11-24 21:00 UTC, with members, check-in answers and an appreciation now and then.
# Usage: tests/bench/make_log.sh APP DB [ROWS]    (APP: the calm-prompt binary, for the schema)
set -eu
app=$1 db=$2 rows=${3:-500000}
presses=$((rows * 3 / 5))
sessions=$((rows / 5))
prompts=$((rows - presses - sessions))
end=1795554000        # 2026-11-24 21:00 UTC
span=$((1826 * 86400)) # five years
rm -f "$db" "$db-wal" "$db-shm"
# The app makes the file with its own schema: a replay with nothing in it.
printf '1 end\n' >"$db.replay"
"$app" --config /dev/null --replay "$db.replay" --db "$db" >/dev/null
rm -f "$db.replay"
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $presses - 1)
INSERT INTO presses(wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced, button, gesture,
                    action, screen, member)
SELECT $end - $span + i * $span / $presses, CASE WHEN i % 7 < 4 THEN 60 ELSE 120 END,
       i * 1000 % 86400000, 'boot-' || (i / 2000), 1, 'main',
       CASE i % 3 WHEN 0 THEN 'short' WHEN 1 THEN 'long' ELSE 'double' END,
       CASE WHEN i % 997 = 0 THEN 'appreciation' WHEN i % 997 = 1 THEN 'seen'
            WHEN i % 3 = 0 THEN 'breathe' WHEN i % 3 = 1 THEN 'prompt' ELSE 'checkin' END,
       'ambient', CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN 'Ana' ELSE 'Bo' END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $sessions - 1)
INSERT INTO sessions(press_id, wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced,
                     pattern, planned_ms, actual_ms, ended, ended_wall_utc, member,
                     checkin_before, checkin_after)
SELECT i * 3 + 1, $end - $span + i * $span / $sessions, 60, i * 1000 % 86400000,
       'boot-' || (i / 700), 1, 'resonance', 300000, 240000 + i % 60000, 'completed',
       $end - $span + i * $span / $sessions + 300, CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN 'Ana'
       ELSE 'Bo' END, 'tense', CASE i % 2 WHEN 0 THEN 'calm' ELSE 'tense' END
FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $prompts - 1)
INSERT INTO prompts_shown(press_id, wall_utc, utc_offset_min, mono_ms, boot_id, clock_synced,
                          prompt_id, member)
SELECT i * 3 + 2, $end - $span + i * $span / $prompts, 60, i * 1000 % 86400000,
       'boot-' || (i / 700), 1, 'trust-' || (i % 300),
       CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN 'Ana' ELSE 'Bo' END
FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "$db: $presses presses, $sessions sessions, $prompts prompts shown"
