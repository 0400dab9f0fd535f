#!/bin/sh
# SPDX-License-Identifier: MIT
# The service as installed: cmake --install into a scratch folder, then systemd's own checks.
#   systemd-analyze verify    the unit is clean (its ExecStart= pointed at the scratch copy)
#   systemd-analyze security  the exposure score, at most MAX_SCORE (2.0)
#   systemd-sysusers          the sysusers.d file makes the user and groups (a dry run)
# Skipped (77) only where systemd-analyze is missing.
# Usage: check_unit.sh BUILD_DIR WORK_DIR [MAX_SCORE]
set -u
build=$1 work=$2 max=${3:-2.0}
command -v systemd-analyze >/dev/null || { echo "SKIP: no systemd-analyze"; exit 77; }
failures=0
fail() {
  echo "FAIL $1"
  [ -f "$work/out.txt" ] && sed 's/^/  | /' "$work/out.txt"
  failures=$((failures + 1))
}

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd) # the unit's ExecStart= must be an absolute path
root=$work/root
if ! DESTDIR=$root cmake --install "$build" >"$work/out.txt" 2>&1; then
  fail "cmake --install"
  exit 1
fi
unit=$(find "$root" -name calm-prompt.service -path '*/systemd/system/*' | head -n 1)
sysusers=$(find "$root" -name calm-prompt.conf -path '*/sysusers.d/*' | head -n 1)
if [ -n "$unit" ]; then echo "unit: ${unit#"$root"}"; else fail "no unit installed"; fi
if [ -n "$sysusers" ]; then echo "sysusers: ${sysusers#"$root"}"; else fail "no sysusers.d"; fi
[ -n "$(find "$root" -name 'calm-prompt.1*' -path '*/man1/*')" ] || fail "no man page installed"
[ -n "$(find "$root" -name '*calm-prompt.rules' -path '*/rules.d/*')" ] || fail "no udev rule"
[ "$failures" -eq 0 ] || exit 1

# verify checks that ExecStart= can be run and that the man page in Documentation= exists:
# point both at the scratch install.
exec_start=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit")
sed "s|^ExecStart=$exec_start|ExecStart=$root$exec_start|" "$unit" >"$work/calm-prompt.service"
man_dir=$(dirname "$(dirname "$(find "$root" -name 'calm-prompt.1*' | head -n 1)")")
man_opt=--man=yes
command -v man >/dev/null || man_opt=--man=no
if MANPATH=$man_dir systemd-analyze verify "$man_opt" "$work/calm-prompt.service" \
  >"$work/out.txt" 2>&1 && [ ! -s "$work/out.txt" ]; then
  echo "ok   systemd-analyze verify: clean"
else
  fail "systemd-analyze verify"
fi

systemd-analyze security --offline=true --no-pager "$unit" >"$work/security.txt" 2>&1
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.txt")
grep '✗' "$work/security.txt" | sed 's/  */ /g'
if [ -z "$score" ]; then
  cp "$work/security.txt" "$work/out.txt"
  fail "systemd-analyze security printed no score"
elif awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }'; then
  echo "ok   systemd-analyze security: exposure $score (at most $max)"
else
  cp "$work/security.txt" "$work/out.txt"
  fail "systemd-analyze security: exposure $score, above $max"
fi

if command -v systemd-sysusers >/dev/null; then
  if systemd-sysusers --root="$root" --dry-run >"$work/out.txt" 2>&1 &&
    grep -q "Creating user 'calm-prompt'" "$work/out.txt"; then
    echo "ok   systemd-sysusers: $(grep -c . "$work/out.txt") lines, user calm-prompt made"
  else
    fail "systemd-sysusers --dry-run"
  fi
fi

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
