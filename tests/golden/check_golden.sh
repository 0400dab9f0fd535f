#!/bin/sh
# SPDX-License-Identifier: MIT
# Renders one screen headless and compares it with its stored golden image.
# Usage: check_golden.sh APP PNG_COMPARE GOLDEN_DIR OUT_DIR NAME SCREEN SIZE AT [PATTERN
#        [CLOCK [INPUT]]]
# INPUT, a file in GOLDEN_DIR/inputs: NAME.conf adds settings, NAME.replay is a script of
# presses that leads to the screen, NAME.args more command-line options, NAME.week a script
# replayed into a database over the six days before (for the history screen); beside NAME.week,
# NAME.conf adds settings to both runs and NAME.replay is a script of presses that leads to the
# screen drawn. blocked.db is an event log that cannot be opened (its folder is a plain file),
# so the log-trouble mark shows.
# The goldens are compared almost exactly (png_compare's defaults), so what draws them is
# pinned: SDL, SDL_ttf, FreeType and the font file must be those of tests/golden/rendered-with,
# and the time zone, locale and video driver are set here.
# With UPDATE_GOLDEN=1 the stored image is replaced instead (look at it before committing), and
# rendered-with is written for this system. With GOLDEN_LANGUAGE=LANG the screen speaks LANG
# ([display] language), with the prompts of GOLDEN_DIR/deck-LANG when there are such. With
# GOLDEN_RENDER_ONLY=1 the screen is drawn (into OUT_DIR/NAME.png, what it said on stderr into
# OUT_DIR/NAME.err) and compared with nothing.
set -eu
app=$1 compare=$2 golden_dir=$3 out_dir=$4 name=$5 screen=$6 size=$7 at=$8
pattern=${9:-resonance}
clock=${10:-21:34}
input=${11:-}
export TZ=UTC LC_ALL=C SDL_VIDEODRIVER=dummy

mkdir -p "$out_dir"
actual="$out_dir/$name.png"
# What draws the pixels: the libraries' versions and the font's checksum.
font=${CALM_GOLDEN_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}
drawn_with="$("$app" --version | grep -o 'SDL [0-9.]*, SDL_ttf [0-9.]*, FreeType [0-9.]*'), font $(sha256sum "$font" | cut -c1-16)"
language=${GOLDEN_LANGUAGE:-}
render_only=${GOLDEN_RENDER_ONLY:-0}
if [ "$render_only" = 1 ]; then
  :
elif [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  echo "$drawn_with" >"$golden_dir/rendered-with"
elif [ "$drawn_with" != "$(cat "$golden_dir/rendered-with")" ]; then
  echo "FAIL: the goldens were drawn with: $(cat "$golden_dir/rendered-with")"
  echo "      this system draws with:     $drawn_with"
  echo "      another renderer may move pixels: draw them here (UPDATE_GOLDEN=1), look at each"
  exit 1
fi
# A fixed deck, so the picture does not change when the shipped prompts do.
conf="$out_dir/$name.conf"
deck=$golden_dir/deck
[ -n "$language" ] && [ -d "$golden_dir/deck-$language" ] && deck=$golden_dir/deck-$language
printf '[display]\nfont = %s\nlanguage = %s\n[prompts]\ndeck_dir = %s\n' "$font" "$language" \
  "$deck" >"$conf"
set --
case "$input" in
  *.conf) cat "$golden_dir/inputs/$input" >>"$conf" ;;
  *.replay) set -- --replay "$golden_dir/inputs/$input" ;;
  *.args)
    # shellcheck disable=SC2046 # one option per word, on purpose
    set -- $(cat "$golden_dir/inputs/$input")
    ;;
  *.week)
    db="$out_dir/$name.db"
    rm -f "$db" "$db-wal" "$db-shm"
    stem=$golden_dir/inputs/${input%.week}
    [ -f "$stem.conf" ] && cat "$stem.conf" >>"$conf"
    "$app" --config "$conf" --replay "$golden_dir/inputs/$input" --db "$db" --clock 21:00 \
      --date 2026-11-18 --seed 7 >/dev/null
    set -- --db "$db"
    [ -f "$stem.replay" ] && set -- "$@" --replay "$stem.replay"
    ;;
  blocked.db)
    rm -rf "$out_dir/$name.blocked"
    : >"$out_dir/$name.blocked"
    set -- --db "$out_dir/$name.blocked/events.db"
    ;;
esac
"$app" --config "$conf" --screenshot "$actual" --screen "$screen" --size "$size" --at "$at" \
  --pattern "$pattern" --clock "$clock" --date 2026-11-24 --seed 7 "$@" \
  2>"$out_dir/$name.err" || { cat "$out_dir/$name.err"; exit 1; }
[ "$render_only" = 1 ] && exit 0
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$golden_dir/$name.png"
  echo "updated $golden_dir/$name.png"
  exit 0
fi
exec "$compare" "$golden_dir/$name.png" "$actual"
