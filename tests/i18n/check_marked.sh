#!/bin/sh
# SPDX-License-Identifier: MIT
# Every word on every screen is marked for translation: each golden shot is drawn in the test
# language en@check (CALM_I18N_CHECK=1), where the drawing path reports text that did not come
# through tr() (or i18n_data(), for the household's own words). First it shows the check can
# fail: a check-in answer of the household's own ("wobbly", in no catalogue) must be reported.
# Usage: check_marked.sh APP PNG_COMPARE GOLDEN_DIR OUT_DIR SHOT...
#        (SHOT as in tests/CMakeLists.txt: name:screen:pattern:at[:clock[:input]])
set -u
app=$1 compare=$2 golden_dir=$3 out=$4
shift 4
here=$(dirname "$0")
failed=0 n=0
rm -rf "$out"
mkdir -p "$out"
export CALM_I18N_CHECK=1 GOLDEN_RENDER_ONLY=1
render() { # name screen pattern at clock input
	"$here/../golden/check_golden.sh" "$app" "$compare" "$golden_dir" "$out" "$1_480x320" "$2" \
		480x320 "$4" "$3" "$5" ${6:+"$6"} >"$out/$1.log" 2>&1
}

render selftest checkin resonance 0 21:34 i18n_unmarked.conf ||
	{ echo "FAIL the self-test's screen could not be drawn:"; cat "$out/selftest.log"; exit 1; }
if ! grep -q 'not marked for translation: "Wobbly"' "$out/selftest_480x320.err"; then
	echo "FAIL the check did not see a word in no catalogue (\"Wobbly\"): it cannot fail"
	cat "$out/selftest_480x320.err"
	exit 1
fi
grep -qi 'not marked for translation: "calm"' "$out/selftest_480x320.err" &&
	{ echo "FAIL the check reported a marked word (\"calm\")"; exit 1; }

for spec in "$@"; do
	name=$(echo "$spec" | cut -d: -f1) screen=$(echo "$spec" | cut -d: -f2)
	pattern=$(echo "$spec" | cut -d: -f3) at=$(echo "$spec" | cut -d: -f4)
	hhmm=$(echo "$spec" | cut -s -d: -f5) input=$(echo "$spec" | cut -s -d: -f6)
	clock=21:34
	[ -n "$hhmm" ] && clock=$(echo "$hhmm" | sed 's/^\(..\)\(..\)$/\1:\2/')
	n=$((n + 1))
	if ! render "$name" "$screen" "$pattern" "$at" "$clock" "$input"; then
		echo "FAIL $name: not drawn"
		cat "$out/$name.log"
		failed=1
	elif grep 'not marked for translation' "$out/${name}_480x320.err"; then
		echo "FAIL $name: words on screen that no catalogue can translate (above)"
		failed=1
	fi
done
[ $failed -eq 0 ] && echo "ok   $n screens drawn in en@check: every word came through tr()"
exit $failed
