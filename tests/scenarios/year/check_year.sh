#!/bin/sh
# SPDX-License-Identifier: MIT
# A year of use in virtual time: a replay of about 100,000 presses, with the sessions and
# prompts they lead to, at every hour of 365 days (two changes of summer time in Madrid), and
# the settings read again every day, against one database file. Checks:
# - every press is a row, and so is every session and prompt the run printed;
# - PRAGMA integrity_check says ok at the end;
# - memory stays flat: the peak resident set (VmHWM, read by the process itself at the
#   "memory" steps) after the year is within 10% of the peak after the first week, and the
#   resident set at the end within 2% of the one after half the year (a leak of even a few
#   dozen bytes a press would show there). Under AddressSanitizer (SANITIZED=1) memory is the
#   sanitizer's (its quarantine holds freed blocks): the figures are printed, not judged; its
#   LeakSanitizer judges leaks at exit instead.
# The database lives on a tmpfs when there is one (/dev/shm): the same file and the same SQLite
# code, but its fsyncs cost nothing, which turns minutes of waiting on a disk into seconds.
# Usage: check_year.sh APP SOURCE_DIR OUT_DIR [SANITIZED]
set -eu
app=$1 root=$2 out=$3 sanitized=${4:-0}
here=$root/tests/scenarios/year

mkdir -p "$out"
dbdir=$out
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  dbdir=$(mktemp -d /dev/shm/calm-year.XXXXXX)
  trap 'rm -rf "$dbdir"' EXIT
fi
db=$dbdir/year.db
rm -f "$db" "$db-wal" "$db-shm"
presses=$(python3 "$here/make_year.py" 365 "$out/year.replay")
printf '[prompts]\ndeck_dir = %s/assets/prompts\n[night]\nscreen = off\n' "$root" \
  >"$out/year.conf"

export TZ=Europe/Madrid
start=$(date +%s)
"$app" --config "$out/year.conf" --replay "$out/year.replay" --db "$db" \
  --date 2027-01-04 --clock 06:00 --seed 1 >"$out/year.out" 2>"$out/year.err" ||
  { echo "FAIL: the replay exited $?"; tail -n 20 "$out/year.err"; exit 1; }
seconds=$(($(date +%s) - start))
if grep -v "settings and prompts read again" "$out/year.err"; then
  echo "FAIL: the replay said more than that it read the settings again (above)"
  exit 1
fi
reloads=$(grep -c "settings and prompts read again" "$out/year.err" || true)

fail=0
check() { # WHAT GOT WANT
  if [ "$2" = "$3" ]; then
    echo "  $1: $2"
  else
    echo "FAIL: $1: $2, expected $3"
    fail=1
  fi
}
echo "a year in ${seconds}s: $presses presses written, $reloads reloads"
check "press rows" "$(sqlite3 "$db" 'SELECT count(*) FROM presses')" "$presses"
check "press lines printed" "$(grep -c '"button":' "$out/year.out")" "$presses"
check "session rows" "$(sqlite3 "$db" 'SELECT count(*) FROM sessions')" \
  "$(grep -c '"pattern":' "$out/year.out")"
check "prompt rows" "$(sqlite3 "$db" 'SELECT count(*) FROM prompts_shown')" \
  "$(grep -c '"prompt":' "$out/year.out")"
check "integrity_check" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
echo "  database: $(($(stat -c %s "$db") / 1024)) KiB"

# The three "memory" lines: after the first week, after half the year, after the year.
mem=$(sed -n 's/.*"memory":{"peak_kb":\([0-9]*\),"rss_kb":\([0-9]*\)}.*/\1 \2/p' "$out/year.out")
# shellcheck disable=SC2086 # six numbers, split on purpose
set -- $mem
if [ $# -ne 6 ]; then
  echo "FAIL: expected three memory lines, got: $mem"
  exit 1
fi
week_peak=$1 week_rss=$2 half_peak=$3 half_rss=$4 year_peak=$5 year_rss=$6
echo "  memory (KiB)      peak (VmHWM)  resident (VmRSS)"
echo "  after a week      $week_peak         $week_rss"
echo "  after half a year $half_peak         $half_rss"
echo "  after the year    $year_peak         $year_rss"
if [ "$sanitized" = 1 ]; then
  echo "  (AddressSanitizer's memory: not judged)"
else
  # peak after the year <= 110% of the peak after the first week
  if [ $((year_peak * 100)) -gt $((week_peak * 110)) ]; then
    echo "FAIL: peak memory after the year $year_peak KiB, more than 10% over $week_peak KiB"
    fail=1
  fi
  # resident at the end <= 102% of resident after half the year
  if [ $((year_rss * 100)) -gt $((half_rss * 102)) ]; then
    echo "FAIL: resident memory grew over the second half of the year: $half_rss KiB to" \
      "$year_rss KiB"
    fail=1
  fi
fi
[ $fail -eq 0 ] || exit 1
echo "year: every row there, the file intact, memory flat"
