#!/bin/sh
# SPDX-License-Identifier: MIT
# The catalogues keep up with the sources: po/calm-prompt.pot is what po/make-pot.sh makes from
# them now, each po/LANG.po has every message of the template and none it dropped, msgfmt
# --check passes, and Spanish is translated in full.
# Usage: check_po.sh SOURCE_DIR OUT_DIR
set -u
src=$1 out=$2
failed=0
rm -rf "$out"
mkdir -p "$out"
"$src/po/make-pot.sh" "$out/fresh.pot" || { echo "FAIL po/make-pot.sh"; exit 1; }
if ! diff -u "$src/po/calm-prompt.pot" "$out/fresh.pot" >"$out/pot.diff"; then
	echo "FAIL po/calm-prompt.pot is out of date with the sources (run po/make-pot.sh):"
	head -n 40 "$out/pot.diff"
	failed=1
fi
for po in "$src"/po/*.po; do
	lang=$(basename "$po" .po)
	if ! msgcmp --use-untranslated "$po" "$out/fresh.pot" 2>"$out/$lang.cmp"; then
		echo "FAIL po/$lang.po lacks messages of the sources (msgmerge it with the template):"
		head -n 20 "$out/$lang.cmp"
		failed=1
	fi
	msgmerge -q --no-fuzzy-matching -o "$out/$lang.merged.po" "$po" "$out/fresh.pot"
	if grep -q '^#~' "$out/$lang.merged.po"; then
		echo "FAIL po/$lang.po has messages the sources no longer use:"
		grep '^#~ msgid' "$out/$lang.merged.po" | head -n 10
		failed=1
	fi
	if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
		echo "FAIL msgfmt --check po/$lang.po: $stats"
		failed=1
		continue
	fi
	echo "     $lang: $stats"
	grep -qx "$lang" "$src/po/LINGUAS" || { echo "FAIL po/LINGUAS does not list $lang"; failed=1; }
	case "$lang:$stats" in
	es:*untranslated* | es:*fuzzy*)
		echo "FAIL Spanish is not translated in full"
		failed=1
		;;
	esac
done
[ $failed -eq 0 ] && echo "ok   the template and every PO file match the sources"
exit $failed
