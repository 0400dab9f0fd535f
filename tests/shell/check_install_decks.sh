#!/bin/sh
# SPDX-License-Identifier: MIT
# The decks as installed: cmake --install into a scratch folder puts the English decks in
# share/calm-prompt/prompts and each language's in its own folder below (prompts/es), the same
# files as in the source tree; and each language of po/LINGUAS has its compiled words in
# share/locale/LANG/LC_MESSAGES/calm-prompt.mo, the build tree's file (test-only ones are not
# installed).
# Usage: check_install_decks.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -u
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
if ! DESTDIR=$work/root cmake --install "$build" >"$work/out.txt" 2>&1; then
  echo "FAIL cmake --install"; sed 's/^/  | /' "$work/out.txt"
  exit 1
fi
failures=0
for lang in "" es; do
  want=$src/assets/prompts${lang:+/$lang}
  got=$(find "$work/root" -type d -path "*/share/calm-prompt/prompts${lang:+/$lang}" | head -n 1)
  name="decks installed${lang:+ ($lang)}"
  if [ -z "$got" ]; then
    echo "FAIL $name: no share/calm-prompt/prompts${lang:+/$lang}"
    failures=$((failures + 1))
    continue
  fi
  n=0
  for deck in "$want"/*.deck; do
    if ! cmp -s "$deck" "$got/$(basename "$deck")"; then
      echo "FAIL $name: $(basename "$deck") missing or different in ${got#"$work/root"}"
      failures=$((failures + 1))
    fi
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || { echo "FAIL $name: no decks in the source"; failures=$((failures + 1)); }
  echo "ok   $name: $n decks in ${got#"$work/root"}"
done
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  mo=$(find "$work/root" -path "*/share/locale/$lang/LC_MESSAGES/calm-prompt.mo" | head -n 1)
  if [ -n "$mo" ] && cmp -s "$mo" "$build/locale/$lang/LC_MESSAGES/calm-prompt.mo"; then
    echo "ok   words installed ($lang): ${mo#"$work/root"}"
  else
    echo "FAIL words installed ($lang): no share/locale/$lang/LC_MESSAGES/calm-prompt.mo"
    failures=$((failures + 1))
  fi
done
for lang in en@check xx; do
  if find "$work/root" -path "*/share/locale/$lang/*" | grep -q .; then
    echo "FAIL the test-only language $lang was installed"
    failures=$((failures + 1))
  fi
done
echo "$failures failed"
[ "$failures" -eq 0 ]
