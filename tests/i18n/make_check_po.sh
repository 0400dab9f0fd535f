#!/bin/sh
# SPDX-License-Identifier: MIT
# The test language en@check, made from the template: every message is its English self in
# brackets (U+27E6, U+27E7), so the drawing path can tell words that came through tr() from
# words that did not (see app/platform/i18n.h).
# Usage: make_check_po.sh POT OUT_PO
set -eu
pot=$1 out=$2
tmp=$out.tmp
msgen -o "$tmp" "$pot"
sed -i -e 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/' \
  -e 's/^"PO-Revision-Date: .*/"PO-Revision-Date: 2026-11-30 00:00+0000\\n"/' -e 's/^"Last-Translator: .*/"Last-Translator: calm-prompt\\n"/' -e 's/^"Language-Team: .*/"Language-Team: none\\n"/' \
  -e 's/^"Language: \\n"/"Language: en@check\\n"/' "$tmp"
msgfilter --keep-header -i "$tmp" -o "$out" sed -e '1s/^/⟦/' -e '$s/$/⟧/'
rm -f "$tmp"
