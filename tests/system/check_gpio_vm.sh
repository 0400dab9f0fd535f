#!/bin/bash
# SPDX-License-Identifier: MIT
# Real GPIO edges through a kernel: the .deb in the Debian 12 or 13 virtual machine of check_vm.sh,
# with the kernel's GPIO simulator (gpio-sim, built out of tree for the guest's kernel by
# tests/gpio/sim/build-gpio-sim.sh and kept in the cache) as the Pi's chip: lines named GPIO17,
# GPIO27 and GPIO22, and the settings file's three-button preset switched on. The test agent
# moves the lines' pulls as buttons to ground would; the installed service reads the edges with
# libgpiod (its udev rule and groups, its hardening) and writes the rows.
#   1 gestures: tap, hold, double tap and a bouncing contact become the right rows
#     (button|gesture; a try is repeated up to three times, see check_gesture)
#   2 a line another program holds: the journal names it and its holder; the other buttons work
#   3 a button to 3.3 V (active_low = false, bias = pull-down): no press as the line is taken,
#     a tap and a hold the right rows
#   4 a line name the chip does not have: the journal names it and says to check gpioinfo
# Usage: check_gpio_vm.sh SOURCE_DIR WORK_DIR [SUITE [ARCH]]   (bookworm, the default: libgpiod 1.6
#   and Linux 6.1; trixie: libgpiod 2.2 and Linux 6.12, its module built in a trixie root; ARCH
#   amd64, the default, or arm64 (bookworm): check_vm.sh's arm64 machine, the module built in an
#   arm64 root under qemu-user; environment: as check_vm.sh)
# Exit 77 (skipped) only when QEMU or mmdebstrap cannot be installed at all.
set -euo pipefail
trap 'echo "FAIL line $LINENO: $BASH_COMMAND exited with $?"' ERR
src=$(cd "$1" && pwd)
work=$2
cache=${CALM_SYSTEST_CACHE:-/var/cache/calm-prompt-systest}
here=$src/tests/system
vmctl="python3 $here/vmctl.py"
suite=${3:-bookworm}
arch=${4:-amd64}

image_hook() { # the module for the guest's kernel, the chip's helper and its unit, 3 buttons
	local root=$1 kver ko other=()
	kver=$(ls "$root/usr/lib/modules")
	# This machine's release and architecture: its own headers; another: built in a root of the
	# guest's release and architecture.
	[ "$(. /etc/os-release && echo "${VERSION_CODENAME:-}")" = "$suite" ] &&
		[ "$(dpkg --print-architecture)" = "$arch" ] ||
		other=("$suite" "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Version}' "linux-image-$kver")" "$arch")
	ko=$("$src/tests/gpio/sim/build-gpio-sim.sh" "$kver" "$cache/modules" "${other[@]}" \
		2>"$work/gpio-sim.log" | tail -n 1) || { cat "$work/gpio-sim.log"; return 1; }
	cat "$work/gpio-sim.log"
	install -D -m 0644 "$ko" "$root/usr/local/lib/systest/gpio-sim.ko"
	install -m 0755 "$here/guest/systest-gpio-sim" "$root/usr/local/sbin/"
	install -m 0644 "$here/guest/systest-gpio-sim.service" "$root/etc/systemd/system/"
	ln -s ../systest-gpio-sim.service "$root/etc/systemd/system/multi-user.target.wants/"
	# The settings file's own preset for three buttons, and GPIO problems as errors ([gpio] only:
	# [touch] has an enabled = auto of its own).
	sed -i -e '/^;\[button next\]/,/^;long = none/s/^;//' \
		-e '/^\[gpio\]/,/^\[/s/^enabled = auto/enabled = yes/' \
		"$root/etc/calm-prompt/calm-prompt.conf"
	grep -A 8 '^\[button next\]' "$root/etc/calm-prompt/calm-prompt.conf"
	# The debounce the installed app reads: a bounce slower than that is presses (check_gesture).
	debounce_ms=$(sed -n 's/^debounce_ms = \([0-9]*\)$/\1/p' \
		"$root/etc/calm-prompt/calm-prompt.conf")
	[ -n "$debounce_ms" ] || { echo "no debounce_ms in the installed settings file"; return 1; }
}

# shellcheck source=tests/system/vm-lib.sh
. "$here/vm-lib.sh"

sim() { guest "systest-gpio-sim $*"; }
gpio_journal() { guest "journalctl -b -u calm-prompt -o cat --no-pager | grep 'GPIO buttons' | tail -n 1"; }

phase "boot with the simulated chip"
boot
guest "systemctl status --no-pager systest-gpio-sim | tail -n 2" | sed 's/^/     | /'
if wait_active 300 >/dev/null; then
	boot_timings note
else
	guest "journalctl -b -u calm-prompt -u systest-gpio-sim --no-pager | tail -n 30"
	die "calm-prompt.service is not active: $(guest_value ActiveState)"
fi
guest "ls -l /dev/gpiochip*; lsmod | grep gpio_sim; uname -r" | sed 's/^/     /'
line=$(gpio_journal)
echo "     | $line"
if grep -q "main on GPIO17" <<<"$line" && grep -q "next on GPIO27" <<<"$line" &&
	grep -q "stop on GPIO22" <<<"$line"; then
	ok "the service watches GPIO17, GPIO27 and GPIO22 on the simulated chip"
else
	fail "the service does not watch the three lines"
	guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -v MESA | tail -n 10" | sed 's/^/     | /'
fi
expect_screen ambient ambient 10 || fail "no ambient clock"

phase "scenario 1: tap, hold, double tap, a bouncing contact, each through the kernel"
# Each gesture on its own, then the stop button (GPIO22, short = end) back to the clock.
# The rows are compared as button|gesture (what the action is depends on the screen). A try
# whose rows differ is repeated, up to three times, and every try is shown: on an emulated CPU
# shared with other work the guest can stall for most of a second between two writes to a
# line, and the kernel's timestamps then rightly say the tap was a hold.
# A bounce the guest took longer than the debounce to make was a series of presses, not a
# bounce: when its rows are wrong, that try is not judged (and says so); three such tries
# fail, naming the reason. debounce_ms: from the installed settings file (image_hook).
check_gesture() { # NAME EXPECTED(button|gesture rows, ';' between) GUEST_COMMAND...
	local name=$1 want=$2 before got try said bounce_ms judged=0
	shift 2
	for try in 1 2 3; do
		before=$(last_id)
		said=$(sim "$@")
		sleep 1.5 # past the double-press window (350 ms) and the screen's reaction
		got=$(db_query "SELECT button || '|' || gesture FROM presses WHERE id > $before ORDER BY id" |
			tr '\n' ';' | sed 's/;$//')
		sim press 22 100 # the stop button: back to the clock
		sleep 1.5
		bounce_ms=$(sed -n 's/^bounces: \([0-9]*\) ms$/\1/p' <<<"$said")
		if [ "$got" = "$want" ]; then
			ok "$name: $got (try $try${bounce_ms:+, the bounces in $bounce_ms ms})"
			return 0
		fi
		if [ -n "$bounce_ms" ] && [ "$bounce_ms" -ge "$debounce_ms" ]; then
			echo "     try $try: rows '$got'; the guest took $bounce_ms ms for the bounces, not" \
				"under the ${debounce_ms} ms debounce: presses, not a bounce; not judged"
			continue
		fi
		judged=$((judged + 1))
		echo "     try $try: rows '$got', expected '$want'"
	done
	if [ "$judged" -eq 0 ]; then
		fail "$name: the guest could not make a bounce under the ${debounce_ms} ms debounce in three tries"
	else
		fail "$name: rows '$got', expected '$want'"
	fi
}
check_gesture "tap on GPIO17 (100 ms)" "main|short" press 17 100
check_gesture "hold on GPIO17 (1.2 s)" "main|long" press 17 1200
check_gesture "double tap on GPIO17 (80 ms, 120 ms apart)" "main|double" double 17 80 120
check_gesture "bouncing contact on GPIO27 (4 bounces, then 150 ms)" "next|short" bounce 27 150
echo "     the log, as the service wrote it:"
db_query "SELECT id, button, gesture, action, screen, mono_ms FROM presses ORDER BY id" |
	sed 's/^/     /'

phase "scenario 2: a line another program holds"
guest "systemctl stop calm-prompt && systest-gpio-sim down && systest-gpio-sim up 27 && systemctl start calm-prompt" |
	sed 's/^/     | /'
wait_active 300 >/dev/null || fail "the service did not start with GPIO27 held"
guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -v MESA | tail -n 4" | sed 's/^/     | /'
if guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -F \"GPIO27 (button next) is in use by 'systest-holder'\"" >/dev/null; then
	ok "the journal says GPIO27 (button next) is in use by 'systest-holder'"
else
	fail "the journal does not name GPIO27's holder"
fi
check_gesture "GPIO17 while GPIO27 is held" "main|short" press 17 100

phase "scenario 3: a button to 3.3 V: active_low = false, bias = pull-down"
# As the README's table says: pressed reads high. The line rests low on its pull-down, so taking
# it is no press; a tap and a hold are rows as on a button to ground.
before=$(last_id)
# The settings file's own lines in [button main] changed (a line added above them would lose to
# them: the later counts, and the app would say so).
main_gpio="/^\[button main\]/,/^\[/"
guest "systemctl stop calm-prompt && systest-gpio-sim down && systest-gpio-sim up && sed -i -e '$main_gpio s/^active_low = true\$/active_low = false/' -e '$main_gpio s/^bias = pull-up\$/bias = pull-down/' /etc/calm-prompt/calm-prompt.conf && systemctl start calm-prompt" |
	sed 's/^/     | /'
guest "sed -n '$main_gpio p' /etc/calm-prompt/calm-prompt.conf | grep -E '^(line|active_low|bias) ='" | sed 's/^/     | /'
wait_active 300 >/dev/null || fail "the service did not start with GPIO17 active high"
sleep 3
if [ "$(last_id)" = "$before" ]; then
	ok "no press when the app took GPIO17 resting low"
else
	fail "taking GPIO17 resting low made rows: $(db_query "SELECT button || '|' || gesture FROM presses WHERE id > $before" | tr '\n' ' ')"
fi
check_gesture "tap on GPIO17 wired to 3.3 V (100 ms high)" "main|short" press-high 17 100
check_gesture "hold on GPIO17 wired to 3.3 V (1.2 s high)" "main|long" press-high 17 1200
guest "sed -i -e '$main_gpio s/^active_low = false\$/active_low = true/' -e '$main_gpio s/^bias = pull-down\$/bias = pull-up/' /etc/calm-prompt/calm-prompt.conf"

phase "scenario 4: a line name the chip does not have"
guest "systemctl stop calm-prompt && systest-gpio-sim down && systest-gpio-sim up && sed -i 's/^line = GPIO27/line = GPIO99/' /etc/calm-prompt/calm-prompt.conf && systemctl start calm-prompt" |
	sed 's/^/     | /'
wait_active 300 >/dev/null || fail "the service did not start with a wrong line name"
if guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -F 'no GPIO line named GPIO99 (button next)'" |
	sed 's/^/     | /'; then
	ok "the journal says there is no GPIO line named GPIO99 and what to check"
else
	fail "the journal does not name the missing line GPIO99"
fi
mon quit >/dev/null || true
stop_vm

phase "done"
printf '     %s\n' "${boot_timings[@]}"
echo "total: $(($(date +%s) - t_start)) s"
if [ "$failures" -gt 0 ]; then
	echo "$failures checks failed"
	exit 1
fi
rm -rf "$disk" "$work/vmlinuz" "$work/initrd.img" "$work/deb"
echo "all GPIO system checks passed"
