#!/bin/bash
# SPDX-License-Identifier: MIT
# The whole product in a virtual machine: a small Debian 12 or 13 root with the project's .deb
# for it installed by apt (its dependencies and maintainer scripts for real), booted with
# qemu-system-x86_64 (TCG, one host thread for both vCPUs, -vga std: bochs-drm, so SDL's KMSDRM
# draws on /dev/dri/card0), checked from the outside only:
# the QEMU monitor (screendump, sendkey, a power cut) and a test-only agent on a serial port.
#   1 boot: the service is active, the screen shows the ambient clock
#   2 keys: taps lead to the breathing guide on screen; the rows are in the database
#   3 power cut: QEMU killed while presses are logged; after the next boot every row committed
#     before the cut is there, integrity_check is ok, and the service came back by itself
#   4 watchdog: the main loop stopped (SIGSTOP); systemd kills and restarts it
#   5 broken settings: the journal names file, line and key; no tight restart loop
#   6 five boots in a row (with 1, 3 and the clock's): each straight to the clock, no restart;
#     per boot the times from QEMU's start to the kernel, systemd, the unit's start and READY=1
#   and from tests/system/vm-scenarios.sh, on the same boots: dpms (sleep and a night switch the
#   screen off), touch (a uinput touch panel), busy (a hold and a tap while the app is stopped
#   keep their own times), clock (the RTC in 2020: set with keys, kept by a reboot)
# Usage: check_vm.sh SOURCE_DIR WORK_DIR [ARCH [SUITE]]   ARCH: amd64, the default, or arm64: the
#   arm64 .deb in qemu-system-aarch64 -M virt -cpu cortex-a72 with Debian's arm64 kernel and
#   bochs-display; SUITE: bookworm, the default, or trixie (amd64 only). arm64 and trixie run
#   1, 2, dpms, touch, busy, 3 and clock (the kernel's DRM, input and RTC, and on trixie systemd's
#   timedated, differ there; the watchdog, five boots and broken settings are the same code on
#   every machine, and every program in arm64's guest is emulated, so it is slow);
#   CALM_VM_SCENARIOS="..." names others to run.
# Environment: CALM_DEB (a .deb to test; default: built here with CPack), CALM_DEB_TRIXIE (the
#   trixie package), CALM_DEB_ARM64 (the arm64 .deb); without the one for the machine its test is
#   skipped,
#   CALM_VM_VERBOSE=1 (the app runs with --verbose: each key's edge in the guest's journal),
#   CALM_SYSTEST_CACHE (where the Debian root is kept between runs;
#   default /var/cache/calm-prompt-systest), CALM_SYSTEST_PACKAGES (more Debian packages for the
#   root, to try what a missing dependency would change).
# Exit 77 (skipped) only when QEMU or mmdebstrap cannot be installed at all.
set -euo pipefail
trap 'echo "FAIL line $LINENO: $BASH_COMMAND exited with $?"' ERR
src=$(cd "$1" && pwd)
work=$2
cache=${CALM_SYSTEST_CACHE:-/var/cache/calm-prompt-systest}
here=$src/tests/system
vmctl="python3 $here/vmctl.py"
arch=${3:-amd64}
suite=${4:-bookworm}
case $arch/$suite in
arm64/* | */trixie) scenarios="boot keys dpms touch busy power-cut clock" ;;
*) scenarios="boot keys watchdog dpms touch busy power-cut boots clock settings" ;;
esac
scenarios=${CALM_VM_SCENARIOS:-$scenarios}
want() { [[ " $scenarios " == *" $1 "* ]]; }
watchdog_s=30 # WatchdogSec= in systemd/calm-prompt.service.in (read from the unit below)
restart_s=15  # RestartSec=

# shellcheck source=tests/system/vm-scenarios.sh
. "$here/vm-scenarios.sh"
image_hook() { scenarios_image "$1"; }
# shellcheck source=tests/system/vm-lib.sh
. "$here/vm-lib.sh"

phase "scenario 1: boot, the service starts, the ambient clock shows"
boot
if secs=$(wait_active 180); then
	ok "calm-prompt.service is active ${secs} s after the agent answered" \
		"(MainPID $(guest_value MainPID), user $(guest 'ps -o user= -p $(systemctl show -p MainPID --value calm-prompt)'))"
else
	fail "calm-prompt.service is not active: $(guest_value ActiveState)/$(guest_value SubState)"
	guest "journalctl -b -u calm-prompt --no-pager | tail -n 30"
	die "scenario 1: no service, nothing else can be checked"
fi
guest "ls -l /dev/dri/ /dev/input/ | grep -E 'card|event'" | sed 's/^/     /'
boot_timings
sleep 3 # its first frames, through Mesa under TCG
if expect_screen ambient ambient 10; then
	ok "the screen shows the ambient clock"
else
	fail "the screen does not show the ambient clock"
	guest "journalctl -b -u calm-prompt --no-pager | tail -n 20"
fi

phase "scenario 2: keys for buttons: taps lead to the breathing guide, rows in the log"
rows_before=$(db_query "SELECT count(*) FROM presses") || rows_before=0
key_press 100 >/dev/null # the main button's tap: a breathing session, which first asks how you feel
sleep 1
key_press 100 >/dev/null # a tap answers 'calm'; five quiet seconds of settling in, then the guide
sleep 5
if expect_screen breathe breathing 10; then
	ok "the breathing guide is on screen"
else
	fail "no breathing guide on screen after two taps"
	guest "journalctl -b -u calm-prompt --no-pager | tail -n 20"
fi
rows=$(db_query "SELECT id, button, gesture, action, screen FROM presses ORDER BY id")
echo "$rows" | sed 's/^/     /'
rows_after=$(db_query "SELECT count(*) FROM presses")
if [ "$((rows_after - rows_before))" -ge 2 ]; then
	ok "the log holds the presses: $rows_before rows before the taps, $rows_after after"
else
	fail "the log holds $rows_after rows after 2 taps (before: $rows_before)"
fi

if want watchdog; then # (not indented: the scenario as it was)
phase "scenario 4: watchdog: the main loop stopped, systemd restarts the app"
old_pid=$(guest_value MainPID)
restarts_before=$(guest_value NRestarts)
guest "kill -STOP $old_pid"
t0=$(date +%s)
killed_after="" restarted_after=""
while [ $(($(date +%s) - t0)) -lt $((watchdog_s + restart_s + 120)) ]; do
	sleep 2
	state=$(guest_value ActiveState)/$(guest_value MainPID)
	now=$(($(date +%s) - t0))
	if [ -z "$killed_after" ] && [ "${state#*/}" != "$old_pid" ]; then
		killed_after=$now
		echo "     ${now} s: $state (the stopped process is gone)"
	fi
	if [ -n "$killed_after" ] && [ "${state%/*}" = active ] && [ "${state#*/}" != 0 ]; then
		restarted_after=$now
		echo "     ${now} s: $state (running again)"
		break
	fi
done
guest "journalctl -b -u calm-prompt --no-pager -o cat | grep -iE 'watchdog|Scheduled restart|Main process exited' | tail -n 4" |
	sed 's/^/     | /'
if [ -z "$killed_after" ]; then
	fail "the stopped app was never killed (WatchdogSec=${watchdog_s}s)"
elif [ "$killed_after" -gt $((watchdog_s + 10)) ]; then
	fail "the stopped app was killed only after ${killed_after} s (WatchdogSec=${watchdog_s}s)"
elif [ -z "$restarted_after" ]; then
	fail "the app was killed after ${killed_after} s but not restarted"
elif [ "$(guest_value NRestarts)" -le "$restarts_before" ]; then
	fail "NRestarts did not grow ($(guest_value NRestarts))"
else
	ok "watchdog: killed ${killed_after} s after SIGSTOP (WatchdogSec=${watchdog_s}s), running" \
		"again after ${restarted_after} s (RestartSec=${restart_s}s), NRestarts=$(guest_value NRestarts)"
fi
expect_screen ambient after-watchdog 10 || fail "no ambient clock after the watchdog's restart"
fi # watchdog

! want dpms || scenario_dpms
! want touch || scenario_touch
! want busy || scenario_busy

phase "scenario 3: power cut while presses are logged"
for _ in 1 2 3 4; do
	press
	sleep 1.5
done
columns="id, wall_utc, mono_ms, boot_id, button, gesture, action, screen"
committed=$(db_query "SELECT $columns FROM presses ORDER BY id")
committed_count=$(echo "$committed" | grep -c .)
last_id=$(echo "$committed" | tail -n 1 | cut -d'|' -f1)
echo "     committed before the cut: $committed_count rows, the last id $last_id"
# More taps, and the cut while the last ones are being recognised and written.
for i in 1 2 3 4 5 6; do
	press
	[ "$i" = 6 ] || sleep 0.5
done
stop_vm
echo "     QEMU killed (no shutdown) right after the last of 6 more taps, 0.5 s apart"
boot
if secs=$(wait_active 180); then
	ok "the service came back by itself after the power cut (active ${secs} s after the agent," \
		"NRestarts=$(guest_value NRestarts))"
else
	fail "the service is not active after the power cut: $(guest_value ActiveState)"
	guest "journalctl -b -u calm-prompt --no-pager | tail -n 30"
fi
boot_timings
integrity=$(db_query "PRAGMA integrity_check")
[ "$integrity" = ok ] && ok "PRAGMA integrity_check: ok" || fail "PRAGMA integrity_check: $integrity"
after=$(db_query "SELECT $columns FROM presses WHERE id <= $last_id ORDER BY id")
after_count=$(db_query "SELECT count(*) FROM presses")
if [ "$after" = "$committed" ]; then
	ok "all $committed_count rows committed before the cut are there, unchanged" \
		"($after_count rows now: $((after_count - committed_count)) of the 6 taps around the cut made it)"
else
	fail "rows committed before the cut differ after it"
	diff <(echo "$committed") <(echo "$after") | sed 's/^/     /'
fi
damaged=$(guest "ls /var/lib/calm-prompt/ | grep -c damaged" || true)
[ "$damaged" = 0 ] && ok "the database was not moved aside" || fail "a damaged database was moved aside"
expect_screen ambient after-power-cut 10 || fail "no ambient clock after the power cut"

if want boots; then
phase "scenario 6: straight to the clock: two more boots (five in a row, the clock's the fifth)"
# Each boot ends with a power cut once the clock is on screen, as a bedside device's often do.
for _ in 1 2; do
	stop_vm
	boot
	if secs=$(wait_active 180); then
		boot_timings
		expect_screen ambient "boot-$boot_no" 10 || fail "boot $boot_no: no ambient clock"
	else
		fail "boot $boot_no: the service is not active: $(guest_value ActiveState)"
		guest "journalctl -b -u calm-prompt --no-pager | tail -n 30"
	fi
done

fi # boots
if want clock; then
	scenario_clock # the fifth boot, its RTC in 2020; a reboot
fi
if want settings; then
phase "scenario 5: broken settings: the journal names the place, no restart loop"
guest "printf '\n[breathe]\nminutes = lots\n' >>/etc/calm-prompt/calm-prompt.conf"
bad_line=$(guest "grep -n '^minutes = lots' /etc/calm-prompt/calm-prompt.conf | cut -d: -f1")
starts_before=$(guest "journalctl -b -u calm-prompt -o cat | grep -c '^Starting calm-prompt'" || true)
guest "systemctl restart calm-prompt" | sed 's/^/     | /' || true
wait_s=$((restart_s * 3 + 5))
sleep "$wait_s"
journal=$(guest "journalctl -b -u calm-prompt --no-pager -o cat")
echo "$journal" | tail -n 6 | sed 's/^/     | /'
if grep -q "/etc/calm-prompt/calm-prompt.conf:$bad_line: minutes:" <<<"$journal"; then
	ok "the journal names /etc/calm-prompt/calm-prompt.conf:$bad_line: minutes"
else
	fail "the journal does not name /etc/calm-prompt/calm-prompt.conf:$bad_line: minutes"
fi
state=$(guest_value ActiveState) result=$(guest_value Result)
starts=$(($(grep -c '^Starting calm-prompt' <<<"$journal" || true) - starts_before))
restarts=$(guest_value NRestarts) # an explicit restart sets it to 0; systemd's own add one
if [ "$state" != active ] && [ "$state" != activating ] && [ "$starts" -le 1 ] &&
	[ "$restarts" -eq 0 ]; then
	ok "not restarted: $state ($result), $starts start in ${wait_s} s (RestartSec=${restart_s}s)"
else
	fail "restarting with broken settings: $state ($result), $starts starts," \
		"$restarts restarts in ${wait_s} s"
fi
fi # settings
mon quit >/dev/null || true
stop_vm

phase "done"
echo "boot timings (host seconds from QEMU's start to the guest kernel's; guest seconds after):"
printf '     %s\n' "${boot_timings[@]}"
[ "${#touch_latency[@]}" -eq 0 ] ||
	echo "touch: from the write of a finger's lift to the frame that answered: ${touch_latency[*]} ms"
echo "screenshots: $work/shots"
echo "total: $(($(date +%s) - t_start)) s"
if [ "$failures" -gt 0 ]; then
	echo "$failures checks failed"
	exit 1
fi
# The disk and the kernel are 700 MB: kept only to look into after a failure.
rm -rf "$disk" "$work/vmlinuz" "$work/initrd.img" "$work/deb"
echo "all system checks passed"
