#!/bin/sh
# SPDX-License-Identifier: MIT
# The app on a machine with no GPIO chip (this one, CI): it says so once, in one line naming what
# to check, and goes on with the keyboard. Skipped (77) where /dev/gpiochip* exists.
# Usage: check_no_gpio.sh APP WORK_DIR
set -u
app=$1 work=$2
failures=0
mkdir -p "$work"

for chip in /dev/gpiochip*; do
  if [ -e "$chip" ]; then
    echo "skipped: this machine has GPIO chips ($chip)"
    exit 77
  fi
done

# run NAME CONFIG_TEXT: runs the app headless for half a second with that config.
run() {
  printf '%s\n' "$2" >"$work/$1.conf"
  rm -f "$work/$1.db"*
  SDL_VIDEODRIVER=dummy "$app" --config "$work/$1.conf" --db "$work/$1.db" --start breathe \
    --exit-after 0.5 >"$work/$1.out" 2>&1
  echo $? >"$work/$1.rc"
}

fail() {
  echo "FAIL $1: $2"
  sed 's/^/  | /' "$work/$1.out"
  failures=$((failures + 1))
}

# expect NAME WANT_GPIO_LINES WANT_TEXT: the run exited 0, got going, and logged WANT_GPIO_LINES
# lines about GPIO, one of them containing WANT_TEXT.
expect() {
  name=$1 want_lines=$2 want_text=$3
  got_lines=$(grep -c "GPIO" "$work/$name.out")
  if [ "$(cat "$work/$name.rc")" -ne 0 ]; then
    fail "$name" "exit $(cat "$work/$name.rc"), expected 0"
  elif ! grep -qF "running on the 'dummy' video driver" "$work/$name.out"; then
    fail "$name" "the app did not start"
  elif [ "$got_lines" -ne "$want_lines" ]; then
    fail "$name" "$got_lines lines about GPIO, expected $want_lines"
  elif [ -n "$want_text" ] && ! grep -qF -- "$want_text" "$work/$name.out"; then
    fail "$name" "output lacks '$want_text'"
  else
    echo "ok   $name"
  fi
}

fallback="calm-prompt: GPIO buttons: no GPIO chip on this machine (no /dev/gpiochip*): not a \
Raspberry Pi, or its GPIO driver is not loaded (check with gpiodetect); using the keyboard \
instead (Space or Enter, 1 to 3)"

run default ""
expect default 1 "$fallback"

run three-buttons "[button main]
line = GPIO17
[button next]
line = GPIO27
short = prompt
[button stop]
chip = gpiochip0
offset = 22
short = end"
expect three-buttons 1 "$fallback"

run gpio-off "[gpio]
enabled = no"
expect gpio-off 0 ""

run gpio-required "[gpio]
enabled = yes"
expect gpio-required 1 "calm-prompt: error: GPIO buttons: no GPIO chip on this machine"

run keyboard-only "[button main]
line = none"
expect keyboard-only 0 ""

echo "$failures failed"
[ "$failures" -eq 0 ]
