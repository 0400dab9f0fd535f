#!/bin/sh
# SPDX-License-Identifier: MIT
# The golden comparison must see what matters: the ambient clock without its glow, the screen
# without the log-trouble mark, and a one-pixel shift each fail png_compare's defaults, while
# a golden still matches itself.
# Usage: check_sensitive.sh APP PNG_COMPARE GOLDEN_DIR OUT_DIR
set -u
app=$1 compare=$2 golden_dir=$3 out=$4
export TZ=UTC LC_ALL=C SDL_VIDEODRIVER=dummy
font=${CALM_GOLDEN_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}
failures=0
mkdir -p "$out"

# must SAY EXPECTED_EXIT COMPARE_ARGS...: png_compare must pass (0) or fail (1) as said.
must() {
  what=$1 want=$2
  shift 2
  "$compare" "$@" >"$out/compare.txt" 2>&1
  got=$?
  [ "$got" -gt 1 ] && got=2
  if [ "$got" -eq "$want" ]; then
    echo "ok   $what: $(sed 's/.*png: //' "$out/compare.txt")"
  else
    echo "FAIL $what (png_compare exit $got, wanted $want): $(cat "$out/compare.txt")"
    failures=$((failures + 1))
  fi
}

printf '[display]\nfont = %s\n[prompts]\ndeck_dir = %s/deck\n[ambient]\nglow = false\n' \
  "$font" "$golden_dir" >"$out/noglow.conf"
for size in 800x480 480x320 480x800; do
  "$app" --config "$out/noglow.conf" --screenshot "$out/noglow_$size.png" --screen ambient \
    --size "$size" --at 0 --pattern resonance --clock 21:34 --date 2026-11-24 --seed 7 ||
    { echo "FAIL: cannot draw the clock without its glow"; exit 1; }
  must "$size golden matches itself" 0 "$golden_dir/ambient_$size.png" "$golden_dir/ambient_$size.png"
  must "$size clock without its glow" 1 "$golden_dir/ambient_$size.png" "$out/noglow_$size.png"
  must "$size without the log-trouble mark" 1 "$golden_dir/log_trouble_$size.png" \
    "$golden_dir/ambient_$size.png"
  must "$size clock one pixel right" 1 --shift 1 0 "$golden_dir/ambient_$size.png" \
    "$golden_dir/ambient_$size.png"
  must "$size prompt one pixel down" 1 --shift 0 1 "$golden_dir/prompt_$size.png" \
    "$golden_dir/prompt_$size.png"
done
echo "$failures failed"
[ "$failures" -eq 0 ]
