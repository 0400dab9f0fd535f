#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the template of every word the app shows: the strings in app/ marked with tr(), trc(),
# trn(), N_() and NC_() (xgettext), and the built-in patterns' labels and invitations
# (assets/patterns.conf, in the context "pattern").
# Usage: po/make-pot.sh [OUT]   (default: po/calm-prompt.pot, beside this script)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/po/calm-prompt.pot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The patterns' words, as a PO file xgettext reads along with the sources.
awk '
  function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
  /^[ \t]*(label|invite)[ \t]*=/ {
    text = $0
    sub(/^[^=]*=[ \t]*/, "", text)
    sub(/[ \t]+$/, "", text)
    if (text == "") next
    if (!(text in refs)) order[++n] = text
    refs[text] = " assets/patterns.conf"
  }
  END {
    for (i = 1; i <= n; i++) {
      t = order[i]
      printf "#:%s\nmsgctxt \"pattern\"\nmsgid \"%s\"\nmsgstr \"\"\n\n", refs[t], esc(t)
    }
  }' "$src/assets/patterns.conf" >"$tmp/patterns.po"

cd "$src"
find app -name '*.c' | LC_ALL=C sort >"$tmp/files"
xgettext --from-code=UTF-8 --language=C --keyword= --keyword=tr --keyword=trc:1c,2 \
  --keyword=trn:1,2 --keyword=N_ --keyword=NC_:1c,2 \
  --add-comments=TRANSLATORS: --package-name=calm-prompt --sort-by-file --add-location=file \
  --msgid-bugs-address= --copyright-holder= --files-from="$tmp/files" \
  -o "$tmp/app.pot" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
msgcat --use-first --add-location=file -o "$tmp/all.pot" "$tmp/app.pot" "$tmp/patterns.po"
# No creation date and no line numbers: the template changes only when the words do.
{
  echo "# The words calm-prompt shows on screen: the template of every language's PO file."
  echo "# Made by po/make-pot.sh; do not edit by hand."
  echo "# SPDX-License-Identifier: MIT"
  echo "#"
  sed -e '/^"POT-Creation-Date:/d' -e '1,/^#$/d' "$tmp/all.pot"
} >"$out"
