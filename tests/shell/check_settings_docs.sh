#!/bin/sh
# SPDX-License-Identifier: MIT
# The settings table is the one list of settings: the README's table and the man page's SETTINGS
# section are what `calm-prompt --list-settings` prints, and the annotated default settings file
# has every key of the table, in its section, with the table's default (and no key it lacks).
# Usage: check_settings_docs.sh APP SOURCE_DIR WORK_DIR
set -eu
app=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
failed=0

# The lines between two marker lines of a file.
between() {
	# Through the environment: awk -v would read the backslash of a roff comment as an escape.
	FROM=$2 TO=$3 awk 'index($0, ENVIRON["TO"]) == 1 { on = 0 } on { print }
		index($0, ENVIRON["FROM"]) == 1 { on = 1 }' "$1"
}

check_block() { # FILE FORMAT FROM TO
	"$app" --list-settings "$2" >"$work/want.$2"
	between "$1" "$3" "$4" >"$work/got.$2"
	if ! [ -s "$work/got.$2" ]; then
		echo "FAIL $1: no block between '$3' and '$4'"
		failed=1
	elif ! diff -u "$work/want.$2" "$work/got.$2" >"$work/diff.$2"; then
		echo "FAIL $1 differs from calm-prompt --list-settings $2 (fix: paste its output):"
		cat "$work/diff.$2"
		failed=1
	else
		echo "ok   $1 lists the $(wc -l <"$work/want.$2") lines of --list-settings $2"
	fi
}
check_block "$src/README.md" markdown "<!-- settings:" "<!-- settings end"
check_block "$src/docs/calm-prompt.1" man '.\" settings:' '.\" settings end'

# The annotated file: "section key value" for each "key = value" line, commented ("#key = v",
# no space after the #) or not; "[button main]", ";[button next]" and "# [member Ana]" open a
# section. Named sections are "button NAME" and "member NAME", as in the table.
"$app" --list-settings ini | awk '
	/^\[/ { sub(/^\[/, ""); sub(/\]$/, ""); section = $0; next }
	{ key = $0; sub(/ = .*/, "", key); value = $0; sub(/^[^=]* = /, "", value)
	  print section "\t" key "\t" value }' >"$work/table.tsv"
awk '
	{ line = $0 }
	line ~ /^[;#] ?\[[a-z]+( [^]]+)?\]$/ { sub(/^[;#] ?/, "", line) }
	line ~ /^\[[a-z]+( [^]]+)?\]$/ {
		sub(/^\[/, "", line); sub(/\]$/, "", line)
		if (line ~ /^(button|member) /) sub(/ .*/, " NAME", line)
		section = line; next }
	line ~ /^[;#]?[a-z_]+ =( |$)/ {
		sub(/^[;#]/, "", line)
		key = line; sub(/ =.*/, "", key)
		value = line; sub(/^[^=]*=[ ]?/, "", value)
		print section "\t" key "\t" value "\t" NR }' "$src/assets/calm-prompt.conf" >"$work/conf.tsv"
awk -F '\t' -v conf="$src/assets/calm-prompt.conf" '
	NR == FNR { def[$1 "\t" $2] = $3; order[++n] = $1 "\t" $2; next }
	{ k = $1 "\t" $2
	  if (!(k in def)) { printf "FAIL %s:%d: [%s] %s is not a setting\n", conf, $4, $1, $2; bad = 1; next }
	  seen[k] = 1
	  if ($1 !~ / NAME$/ && $3 != def[k]) {
		printf "FAIL %s:%d: [%s] %s = %s, but its default is %s\n", conf, $4, $1, $2, $3, def[k]; bad = 1 } }
	END {
	  for (i = 1; i <= n; i++) if (!(order[i] in seen)) {
		split(order[i], p, "\t"); printf "FAIL %s: [%s] %s is missing\n", conf, p[1], p[2]; bad = 1 }
	  if (!bad) printf "ok   %s has each of the %d settings with its default\n", conf, n
	  exit bad }' "$work/table.tsv" "$work/conf.tsv" || failed=1
exit $failed
