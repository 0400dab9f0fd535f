#!/bin/sh
# SPDX-License-Identifier: MIT
# calm-prompt log, end to end: a log written by --replay, then stats, export and forget checked
# against their exact output, and the database found the way the app finds it.
# Usage: check_logcli.sh APP DECK_DIR WORK_DIR
# The exact output is logcli/transcript.expected. With UPDATE_EXPECTED=1 it is rewritten
# instead (read the difference before committing).
set -u
app=$1 deck=$2 work=$3
here=$(cd "$(dirname "$0")/logcli" && pwd)
rm -rf "$work"
mkdir -p "$work"
db="$work/events.db"
cr=$(printf '\r')

cat >"$work/logcli.conf" <<CONF
[prompts]
deck_dir = $deck
[button main]
short = breathe
long = prompt
double = none
CONF

fail() {
  echo "FAIL $*"
  exit 1
}

# replay NAME DATE CLOCK [APP OPTIONS...]: runs logcli/NAME.replay from that local time, in a
# zone an hour east of UTC, so each row's stored offset differs from the UTC0 the commands use.
replay() {
  name=$1 date=$2 clock=$3
  shift 3
  TZ='CET-1CEST,M3.5.0,M10.5.0/3' "$app" --config "$work/logcli.conf" --replay \
    "$here/$name.replay" --date "$date" --clock "$clock" --seed 1 "$@" >"$work/$name.out" ||
    fail "replay $name"
}
replay sunday_night 2026-11-29 23:50 --db "$db"
replay monday_early 2026-11-30 00:30 --db "$db"
replay wednesday 2026-12-02 21:00 --db "$db"
# Household members come later; give two rows one by hand so --member has something to find.
sqlite3 "$db" "UPDATE presses SET member = 'Ana' WHERE id = 1;
               UPDATE sessions SET member = 'Ana' WHERE id = 1;" || fail "setting a member"

# Dates on the command line are midnights in this machine's zone: pin it.
TZ=UTC0
export TZ
boot=$(sqlite3 "$db" 'SELECT boot_id FROM presses LIMIT 1')
transcript="$work/transcript"
: >"$transcript"

# run TITLE COMMAND...: adds the exit code, standard output and standard error to the
# transcript, with this machine's boot id and work folder replaced by fixed words.
run() {
  title=$1
  shift
  "$@" >"$work/out" 2>"$work/err"
  code=$?
  { echo "== $title (exit $code)"; cat "$work/out"; cat "$work/err"; } |
    sed -e "s|$boot|BOOT-ID|g" -e "s|$work|WORK|g" >>"$transcript"
}

# run_csv TITLE COMMAND...: as run, after checking that every line ends in CRLF (RFC 4180); the
# transcript shows the lines without their CR.
run_csv() {
  title=$1
  shift
  "$@" >"$work/csv" 2>"$work/err"
  code=$?
  lines=$(wc -l <"$work/csv")
  crlf=$(grep -c "$cr\$" "$work/csv")
  [ "$lines" -gt 1 ] && [ "$lines" -eq "$crlf" ] || fail "$title: $crlf of $lines lines end in CRLF"
  { echo "== $title (exit $code)"; tr -d '\r' <"$work/csv"; cat "$work/err"; } |
    sed -e "s|$boot|BOOT-ID|g" -e "s|$work|WORK|g" >>"$transcript"
}

run "stats" "$app" log stats --db "$db"
run "stats since Monday 30 November" "$app" log stats --since 2026-11-30 --db "$db"
run "stats of one member" "$app" log stats --member Ana --db "$db"
run "export json" "$app" log export --format json --db "$db"
run_csv "export csv" "$app" log export --format csv --db "$db"
run "export json since 1 December" "$app" log --db "$db" export --since 2026-12-01 --format json
run "forget without --yes" "$app" log forget --before 2026-11-30 --db "$db"
run "stats, nothing forgotten yet" "$app" log stats --db "$db"
run "forget --yes" "$app" log forget --before 2026-11-30 --yes --db "$db"
run "stats after forgetting" "$app" log stats --db "$db"
run "export needs a format" "$app" log export --db "$db"
run "no such log" "$app" log stats --db "$work/missing.db"
[ -e "$work/missing.db" ] && fail "log stats created $work/missing.db"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check after forget"

# Without --db, the log command reads the database the app writes: the config's [log]
# database, else the state folder under HOME.
mkdir -p "$work/home"
(
  unset STATE_DIRECTORY XDG_STATE_HOME
  HOME=$work/home
  export HOME
  replay sunday_night 2026-11-29 23:50
  [ -f "$work/home/.local/state/calm-prompt/events.db" ] || fail "the app wrote elsewhere"
  run "stats of the default database" "$app" log stats --config "$work/logcli.conf"
  cp "$work/logcli.conf" "$work/configured.conf"
  printf '[log]\ndatabase = %s\n' "$db" >>"$work/configured.conf"
  run "stats of the configured database" "$app" log stats --config "$work/configured.conf"
  run "stats of --db over the config" "$app" log stats --config "$work/configured.conf" \
    --db "$work/home/.local/state/calm-prompt/events.db"
) || exit 1

# The settings file the package installs names built-in patterns ([breathe] pattern =
# resonance): read as the app reads it, the built-in patterns first. (Without them every
# command without --db refused the shipped file on an installed device; found in the VM.)
cp "$here/../../../assets/calm-prompt.conf" "$work/shipped.conf" || fail "no shipped settings"
printf '[log]\ndatabase = %s\n' "$db" >>"$work/shipped.conf"
"$app" log stats --config "$work/shipped.conf" >"$work/shipped.out" 2>&1 ||
  fail "log stats with the shipped settings file: $(cat "$work/shipped.out")"
grep -q '^total' "$work/shipped.out" || fail "log stats with the shipped settings file: no totals"

if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
  cp "$transcript" "$here/transcript.expected"
  echo "updated $here/transcript.expected"
  exit 0
fi
diff -u "$here/transcript.expected" "$transcript" || fail "the output differs (above)"
echo "log stats, export and forget: $(grep -c '^== ' "$transcript") commands as expected"
