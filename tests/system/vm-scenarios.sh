# SPDX-License-Identifier: MIT
# The system test's scenarios for the clock, the screen's power and touch, one function each,
# so that every machine's test (check_vm.sh, on amd64 or arm64) runs them with one line:
#   scenario_dpms    a `sleep` press switches the connector off through DPMS, the app draws
#                    nothing, a key turns it on and the clock is back; a night with
#                    screen = off switches it off with no press, and on when it is over
#   scenario_touch   a multi-touch panel made with uinput in the guest: a hold shows a prompt,
#                    taps start breathing, the rows say 'touch'; what a touch costs to the frame
#   scenario_busy    a hold and a tap while the app is stopped: rows long and short, at their own
#                    times
#   scenario_clock   a boot with the RTC in 2020 and no network: the screen says the time is
#                    not set; it is set with keys; a reboot keeps it (the RTC) and the log's
#                    export corrects the rows stamped before; the unit's exposure
# Sourced BEFORE vm-lib.sh (which builds the image as it is sourced): the caller's image_hook
# calls scenarios_image ROOT to put the guest's helpers in. The functions use vm-lib.sh's hands
# (boot, guest, mon, db_query, screendump, expect_screen, ok, fail, phase).
# shellcheck shell=bash disable=SC2154 # work, arch, here, vmctl: set by the caller and vm-lib.sh

# The helpers in the image: the touch panel, built here statically for the guest's
# architecture (no compiler in the guest). Without a compiler for it, scenario_touch says so.
scenarios_image() {
	local root=$1 cc
	case $arch in
	amd64) cc=${CC:-cc} ;;
	arm64) cc=aarch64-linux-gnu-gcc ;;
	*) cc="" ;;
	esac
	if [ -n "$cc" ] && command -v "$cc" >/dev/null &&
		"$cc" -O2 -static -o "$work/systest-touch" "$here/guest/systest-touch.c" 2>"$work/touch-cc.log"; then
		install -m 0755 "$work/systest-touch" "$root/usr/local/sbin/systest-touch"
	else
		echo "NOTE: no static C compiler for $arch ($cc): no touch panel in the image"
		[ -f "$work/touch-cc.log" ] && tail -n 3 "$work/touch-cc.log"
	fi
	# CALM_VM_VERBOSE=1: the app with --verbose at every boot (each edge in the journal).
	if [ "${CALM_VM_VERBOSE:-0}" = 1 ]; then
		mkdir -p "$root/etc/systemd/system/calm-prompt.service.d"
		printf '[Service]\nExecStart=\nExecStart=/usr/bin/calm-prompt --fullscreen --verbose\n' \
			>"$root/etc/systemd/system/calm-prompt.service.d/verbose.conf"
	fi
}

# shot NAME: a screendump kept as a PNG to look at, whatever it shows; prints its measures.
shot() {
	local path
	path=$(screendump "$1")
	$vmctl screen "$path.ppm" ambient "$path.png" >"$path.txt" || true
	rm -f "$path.ppm"
	echo "     $(head -n 1 "$path.txt") -> $path.png"
}

# The app's CPU time so far, in clock ticks (user + system), from the guest's /proc.
app_ticks() {
	guest 'cut -d" " -f14,15 /proc/$(systemctl show -p MainPID --value calm-prompt)/stat' |
		awk '{print $1 + $2}'
}

# The connected connector's name and DPMS state: "card0-Virtual-1 On".
connector_dpms() {
	guest 'for c in /sys/class/drm/card*-*; do [ "$(cat $c/status)" = connected ] && echo "${c##*/} $(cat $c/dpms)"; done; true' |
		head -n 1
}

# A scenario starts from the clock whatever ran before it: the keys scenario leaves a breathing
# session on screen (on trixie and arm64 nothing restarts the app after it), and a session keeps
# the screen on and takes the presses. A fresh start of the app is on the clock.
from_the_clock() {
	guest "systemctl restart calm-prompt" || fail "the app was not restarted"
	wait_active 120 >/dev/null || fail "the app did not come back: $(guest_value ActiveState)"
	sleep 3
	expect_screen ambient "$1" 10 || fail "no clock to begin from"
}

scenario_dpms() {
	local conf=/etc/calm-prompt/calm-prompt.conf line before off_state on_state idle_ticks off_ticks
	phase "scenario dpms: a sleep press switches the screen off through DPMS, a key turns it on"
	from_the_clock before-dpms
	line=$(guest "journalctl -b -u calm-prompt -o cat --no-pager | grep '^screen off:' | tail -n 1" || true)
	if [[ $line == "screen off: switched off through DPMS on connector "* ]]; then
		ok "the journal: $line"
	else
		fail "the journal has no 'switched off through DPMS' line: ${line:-nothing}"
	fi
	before=$(connector_dpms)
	echo "     connected: $before"
	[ "${before#* }" = On ] || fail "the connected connector is not On before: $before"
	# The default buttons have no sleep: a second button (the key 2) gets it, read by a reload;
	# a hold too (a slow frame under TCG can make the key's tap look long).
	guest "cp $conf /run/calm-prompt.conf.saved && printf '\n[button side]\nline = none\nshort = sleep\nlong = sleep\n' >>$conf && systemctl reload calm-prompt" ||
		fail "the settings with a sleep button were not reloaded"
	sleep 3
	idle_ticks=$(app_ticks)
	sleep 10
	idle_ticks=$(($(app_ticks) - idle_ticks))
	mon sendkey 2 100 >/dev/null
	sleep 3
	off_state=$(connector_dpms)
	if [ "${off_state#* }" = Off ]; then
		ok "after the sleep press the connector's DPMS state is Off ($off_state)"
	else
		fail "after the sleep press the connector's DPMS state is not Off: ${off_state:-none}"
		guest "journalctl -b -u calm-prompt --no-pager | tail -n 10"
	fi
	shot screen-off
	off_ticks=$(app_ticks)
	sleep 10
	off_ticks=$(($(app_ticks) - off_ticks))
	# The clock's glow draws two frames a second (under TCG, with Mesa's software renderer,
	# all the CPU there is); off, only the watchdog's and the minute's wake-ups remain (no
	# frame: display_show returns while the connector is off): under 0.2 s of CPU in 10 s.
	if [ "$off_ticks" -le 20 ] && [ "$((off_ticks * 20))" -lt "$idle_ticks" ]; then
		ok "the app draws nothing while off: $off_ticks CPU ticks in 10 s (the clock on:" \
			"$idle_ticks)"
	else
		fail "the app is busy while the screen is off: $off_ticks CPU ticks in 10 s (on:" \
			"$idle_ticks)"
	fi
	mon sendkey spc 100 >/dev/null
	sleep 3
	on_state=$(connector_dpms)
	if [ "${on_state#* }" = On ]; then
		ok "a key press turns the connector On again ($on_state)"
	else
		fail "after a key press the connector is not On: ${on_state:-none}"
	fi
	expect_screen ambient screen-on-again 10 || fail "no clock after the screen came back on"
	db_query "SELECT id, button, gesture, action, screen FROM presses ORDER BY id DESC LIMIT 2" |
		sed 's/^/     /'
	# A night with screen = off, from a minute ago to an hour from now (the guest's local
	# time), read by a reload: the screen goes off with no press at all.
	guest "cp /run/calm-prompt.conf.saved $conf && sed -i -e \"s/^start = .*/start = \$(date -d '-1 min' +%H:%M)/\" -e \"s/^end = .*/end = \$(date -d '+60 min' +%H:%M)/\" -e 's/^screen = .*/screen = off/' $conf && grep -E '^(start|end|screen) = ' $conf && systemctl reload calm-prompt" |
		sed 's/^/     | /' || fail "the settings with a night now were not reloaded"
	sleep 5
	off_state=$(connector_dpms)
	if [ "${off_state#* }" = Off ]; then
		ok "a night with screen = off: the connector's DPMS state is Off ($off_state), no press"
	else
		fail "a night with screen = off: the connector is not Off: ${off_state:-none}"
		guest "journalctl -b -u calm-prompt --no-pager | tail -n 10"
	fi
	shot night-screen-off
	guest "cp /run/calm-prompt.conf.saved $conf && systemctl reload calm-prompt" ||
		fail "the settings were not put back"
	sleep 5
	on_state=$(connector_dpms)
	if [ "${on_state#* }" = On ]; then
		ok "the night over (the settings put back): the connector is On ($on_state)"
	else
		fail "the night over, the connector is not On: ${on_state:-none}"
	fi
	expect_screen ambient after-night 10 || fail "no clock after the night"
}

scenario_touch() {
	local t0 out up rows lines n i frame latency known later
	phase "scenario touch: a uinput multi-touch panel: a hold shows a prompt, taps breathe"
	if ! guest "test -x /usr/local/sbin/systest-touch"; then
		fail "no touch panel helper in the image (see the NOTE above)"
		return 0
	fi
	guest "modprobe uinput && ls -l /dev/uinput" | sed 's/^/     /' || fail "no /dev/uinput"
	# --verbose for this run of the app only (a drop-in in /run: gone at the next boot): it
	# says when each press reached the screen.
	guest "mkdir -p /run/systemd/system/calm-prompt.service.d && printf '[Service]\nExecStart=\nExecStart=%s --fullscreen --verbose\n' \$(command -v calm-prompt) >/run/systemd/system/calm-prompt.service.d/verbose.conf && systemctl daemon-reload && systemctl restart calm-prompt"
	wait_active 120 >/dev/null || fail "the app did not come back with --verbose"
	sleep 3
	expect_screen ambient before-touch 10 || fail "no clock before the touches"
	t0=$(guest 'cut -d" " -f1 /proc/uptime')
	# The panel appears, SDL hears of it from udev; a hold (a prompt, at release), then a tap
	# on the prompt (a session: how do you feel?) and a tap for an answer (then the guide).
	# The hold is 1.8 s: long from 0.7 s, and well short of the 3 s that opens the set-the-clock
	# screen (a 3.0 s hold, its lift written 3,007 ms after the touch under load, once opened
	# it instead of a prompt).
	guest 'setsid /usr/local/sbin/systest-touch settle:4000 hold:1800 pause:5000 tap:120 pause:2500 tap:120 pause:1000 >/run/touch.out 2>&1 </dev/null & sleep 1; for e in /sys/class/input/event*; do grep -q "systest touch" $e/device/name && udevadm info -q property -n /dev/input/${e##*/} | grep -E "^(DEVNAME|ID_INPUT_TOUCHSCREEN)=" && ls -l /dev/input/${e##*/}; done; true' |
		sed 's/^/     /'
	# The prompt: shown once the hold's lift is read (the next tap is 5 s after it).
	for _ in $(seq 1 30); do
		guest "grep -q '^up' /run/touch.out" && break
		sleep 0.5
	done
	sleep 2
	shot touch-prompt
	for _ in $(seq 1 30); do
		guest "test -s /run/touch.out && grep -c '^up' /run/touch.out | grep -qx 3" && break
		sleep 1
	done
	sleep 6 # five quiet seconds of settling in after the answer
	if expect_screen breathe touch-breathing 10; then
		ok "touches on the panel led to the breathing guide"
	else
		fail "no breathing guide after the touches"
	fi
	out=$(guest "cat /run/touch.out")
	echo "$out" | sed 's/^/     panel: /'
	rows=$(db_query "SELECT id, button, gesture, action, screen, source, mono_ms FROM presses WHERE mono_ms >= ${t0%.*}000 ORDER BY id")
	echo "$rows" | sed 's/^/     /'
	n=$(grep -c '|touch|' <<<"$rows" || true)
	if [ "$n" -eq 3 ] && grep -q '|long|prompt|ambient|touch|' <<<"$rows" &&
		grep -q '|short|breathe|prompt|touch|' <<<"$rows"; then
		ok "three touch rows: the hold a prompt, the taps a session and its answer, source 'touch'"
	else
		fail "the log does not hold the hold and the two taps as touch rows ($n rows)"
		guest "journalctl -b -u calm-prompt --no-pager -o cat | tail -n 15" | sed 's/^/     | /'
	fi
	# From the write of each finger's lift to the frame that answered it: the app's own line
	# gives when the press was known and how much later it was on screen (both monotonic).
	lines=$(guest "journalctl -b -u calm-prompt -o cat --no-pager | grep '^a press known at'" |
		sed -n 's/^a press known at \([0-9]*\) ms was in the log \([0-9]*\) ms later and on screen \([0-9]*\) ms later.*/\1 \3/p' |
		awk -v t0="${t0%.*}000" '$1 >= t0' || true)
	mapfile -t up < <(sed -n 's/^up //p' <<<"$out")
	i=0
	while read -r known later; do
		[ -n "$known" ] && [ "$i" -lt "${#up[@]}" ] || break
		frame=$((known + later))
		latency=$((frame - up[i]))
		echo "     touch $((i + 1)): lifted (written) at ${up[i]} ms, known at $known ms, on screen at $frame ms: $latency ms from the lift's write"
		touch_latency+=("$latency")
		i=$((i + 1))
	done <<<"$lines"
	[ "$i" -eq 3 ] || fail "the app's verbose lines give $i of the 3 touches' frames"
	guest "rm -rf /run/systemd/system/calm-prompt.service.d && systemctl daemon-reload"
}
touch_latency=()

# Keys pressed while the app's loop is busy (a long frame on a slow machine; here the process
# stopped for 3 s) keep the times they were pressed at: a hold stays a hold, and the tap after
# it a tap. SDL stamps a key event when it reads it, so all four edges would come at one instant,
# and the tap's press would be taken for the bounce of the hold's release (keystamps.h).
scenario_busy() {
	local pid before rows gestures cont_ms first
	phase "scenario busy: a hold and a tap while the app is stopped keep their own times"
	from_the_clock before-busy
	pid=$(guest_value MainPID)
	before=$(last_id)
	guest "kill -STOP $pid" || fail "the app was not stopped"
	mon sendkey spc 1200 >/dev/null
	sleep 1.6
	mon sendkey spc 100 >/dev/null
	sleep 0.6
	# CLOCK_BOOTTIME, the monotonic clock of a machine that never suspends.
	cont_ms=$(guest "kill -CONT $pid; awk '{printf \"%d\", \$1 * 1000}' /proc/uptime")
	sleep 3
	rows=$(db_query "SELECT mono_ms, button, gesture, action FROM presses WHERE id > $before ORDER BY id")
	echo "     continued at $cont_ms ms; the rows since:"
	echo "$rows" | sed 's/^/     /'
	gestures=$(awk -F'|' 'NF {printf "%s ", $3}' <<<"$rows")
	if [ "$gestures" = "long short " ]; then
		ok "a hold and a tap made while the app was stopped: rows long, short"
	else
		fail "a hold and a tap made while the app was stopped gave: ${gestures:-no rows}"
		guest "journalctl -b -u calm-prompt -o cat --no-pager | tail -n 8" | sed 's/^/     | /'
	fi
	first=$(head -n 1 <<<"$rows" | cut -d'|' -f1)
	if [ -n "$first" ] && [ -n "$cont_ms" ] && [ "$first" -lt "$cont_ms" ]; then
		ok "the hold's row is stamped $((cont_ms - first)) ms before the app went on: when it was held"
	else
		fail "the hold's row (${first:-none}) is not stamped before the app went on ($cont_ms)"
	fi
}

scenario_clock() {
	local facts state start y mo d h mi target guest_now host_set kept rtc old_boot new_boot \
		corrected good bad exposure actions want
	phase "scenario clock: the RTC in 2020, no network: not set, set with keys, kept over a reboot"
	stop_vm
	vm_rtc_base=2020-01-01T10:00:00 vm_reboot=1 boot
	if ! wait_active 180 >/dev/null; then
		fail "clock: the service is not active: $(guest_value ActiveState)"
		return 0
	fi
	boot_timings
	facts=$(guest "timedatectl show -p NTP -p CanNTP -p NTPSynchronized -p LocalRTC | tr '\n' ' '; date -u '+%F %T UTC'; cat /sys/class/rtc/rtc0/since_epoch")
	echo "     the guest: $facts" | tr '\n' ' '
	echo
	state=$(guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -E '^the clock' | tail -n 1")
	if [[ $state == "the clock's time is not known to be right"* ]]; then
		ok "the app knows the time is not set: $state"
	else
		fail "the app does not say the time is unknown: ${state:-nothing}"
	fi
	sleep 2
	shot clock-not-set
	# The screen starts from the guest's time, seconds dropped: hold when a minute has time
	# left, so that the start read below is the one the screen took.
	while [ "$(guest 'date +%S' | sed 's/^0//')" -gt 40 ]; do sleep 5; done
	# A prompt first (700 ms), then (3 s) the set-the-clock screen.
	[ "$(key_press 3500 settime)" = settime ] || fail "a 3.5 s hold did not open the set-the-clock screen"
	start=$(guest "date '+%Y %m %d %H %M'")
	read -r y mo d h mi <<<"$start"
	shot clock-set-hour
	# Hour +1, minute +2, year +1 (from the first settable year if the guest's is before it);
	# month and day as they are; the last hold, on the day, sets the clock. A tap is 100 ms
	# (its row comes after the double-press window), a hold 1.2 s; each waits for the row of
	# the one before (key_press).
	actions=""
	for k in 100 1200 100 100 shot 1200 100 1200 1200 1200; do
		if [ "$k" = shot ]; then
			shot clock-set-minute
		else
			actions+="$(key_press "$k") "
		fi
	done
	want="clockstep clocknext clockstep clockstep clocknext clockstep clocknext clocknext clockconfirm "
	if [ "$actions" = "$want" ]; then
		ok "each key did what it should: ${actions% }"
	else
		fail "the keys did: ${actions% }; expected: ${want% }"
	fi
	host_set=$(date +%s)
	[ "$y" -ge 2025 ] || y=2025
	target=$(printf '%04d-%02d-%02d %02d:%02d' $((y + 1)) $((10#$mo)) $((10#$d)) $(((10#$h + 1) % 24)) $(((10#$mi + 2) % 60)))
	sleep 3
	guest_now=$(guest "echo \$((\$(date +%s) - \$(date -d '$target' +%s)))")
	echo "     started from $start; set to $target; the guest is $guest_now s past it"
	if [ -n "$guest_now" ] && [ "$guest_now" -ge 0 ] && [ "$guest_now" -le 120 ]; then
		ok "the guest's clock is at the time set with keys ($target, $guest_now s on)"
	else
		fail "the guest's clock is not at $target: $(guest 'date')"
		guest "journalctl -b -u calm-prompt -u systemd-timedated -u polkit --no-pager -o cat | tail -n 15" |
			sed 's/^/     | /'
		# The keys as the app took them (with CALM_VM_VERBOSE=1).
		guest "journalctl -b -u calm-prompt --no-pager -o cat | grep -E '^button ' | tail -n 24" |
			sed 's/^/     | /'
	fi
	db_query "SELECT id, wall_utc, from_utc, to_utc, outcome FROM clock_changes ORDER BY id" |
		sed 's/^/     clock_changes: /'
	if db_query "SELECT to_utc FROM clock_changes WHERE outcome = 'set'" | grep -q .; then
		ok "the log has the set row"
	else
		fail "the log has no clock_changes row with outcome 'set'"
	fi
	expect_screen ambient clock-was-set 10 || fail "no clock after setting it"
	rtc=$(guest "echo \$((\$(cat /sys/class/rtc/rtc0/since_epoch) - \$(date -d '$target' +%s)))")
	echo "     the RTC is $rtc s past the time set"
	old_boot=$(guest "cat /proc/sys/kernel/random/boot_id")
	guest "systemctl reboot" 5 >/dev/null || true
	boot_no=$((boot_no + 1))
	boot_t0=$(date +%s.%N)
	new_boot=$old_boot
	for _ in $(seq 1 120); do
		sleep 2
		new_boot=$(guest "cat /proc/sys/kernel/random/boot_id" 3 2>/dev/null || true)
		[ -n "$new_boot" ] && [ "$new_boot" != "$old_boot" ] && break
	done
	if [ -z "$new_boot" ] || [ "$new_boot" = "$old_boot" ]; then
		fail "clock: the guest did not come back from its reboot"
		return 0
	fi
	# shellcheck disable=SC2034 # boot_timings's: here from the reboot's start to the kernel
	boot_kernel_s=$(echo "$(date +%s.%N) - $(guest 'cut -d" " -f1 /proc/uptime') - $boot_t0" | bc)
	wait_active 180 >/dev/null || fail "clock: the service is not active after the reboot"
	boot_timings
	kept=$(guest "echo \$((\$(date +%s) - \$(date -d '$target' +%s)))")
	rtc=$(guest "echo \$((\$(cat /sys/class/rtc/rtc0/since_epoch) - \$(date -d '$target' +%s)))")
	local host_since=$(($(date +%s) - host_set))
	echo "     after the reboot: the guest is $kept s past the time set, its RTC $rtc s;" \
		"$host_since s passed on the host"
	if [ -n "$kept" ] && [ "$((kept - host_since))" -ge -60 ] && [ "$((kept - host_since))" -le 60 ]; then
		ok "the reboot kept the time set (the RTC): $kept s past it, $host_since s on the host"
	else
		fail "the reboot lost the time set: $kept s past it, $host_since s on the host"
	fi
	state=$(guest "journalctl -b -u calm-prompt -o cat --no-pager | grep -E '^the clock' | tail -n 1")
	[ "$state" = "the clock: rtc" ] && ok "the app trusts the RTC now: $state" ||
		fail "the app does not trust the RTC after the reboot: ${state:-nothing}"
	expect_screen ambient clock-kept 10 || fail "no clock after the reboot"
	# The rows of the setting boot stamped before the time was set: corrected in the export
	# (its own column, corrected_utc), near the time set, the stored stamp left as it was.
	guest "runuser -u calm-prompt -- calm-prompt log export --format csv" >"$work/clock-export.csv" ||
		fail "calm-prompt log export failed"
	corrected=$(python3 - "$work/clock-export.csv" "$old_boot" "$(guest "date -d '$target' +%s")" <<'PY'
import csv, sys
path, boot, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
good = bad = 0
for r in csv.DictReader(open(path, newline="")):
    if r["table"] not in ("presses", "clock_changes") or r["boot_id"] != boot:
        continue
    print("     | %s %s: wall_utc %s synced %s corrected_utc %s %s" % (
        r["table"], r["id"], r["wall_utc"], r["clock_synced"], r.get("corrected_utc") or "-",
        r.get("action") or r.get("outcome") or ""))
    if r["table"] == "presses" and int(r["wall_utc"]) < target - 3600:
        c = r.get("corrected_utc") or ""
        if c and target - 600 <= int(c) <= target + 120:
            good += 1
        else:
            bad += 1
print("%d %d" % (good, bad))
PY
)
	sed '$d' <<<"$corrected"
	read -r good bad <<<"$(tail -n 1 <<<"$corrected")"
	if [ "${good:-0}" -ge 1 ] && [ "${bad:-1}" -eq 0 ]; then
		ok "the export corrects the $good press rows stamped before the set (corrected_utc" \
			"within minutes before $target; wall_utc kept)"
	else
		fail "the export's corrected_utc: $good rows right, $bad wrong or missing"
	fi
	db_query "PRAGMA integrity_check" | grep -qx ok || fail "integrity_check after the clock's reboot"
	exposure=$(guest "systemd-analyze security calm-prompt --no-pager | tail -n 1")
	echo "     $exposure"
	exposure=$(sed -n 's/.*level for calm-prompt.service: \([0-9.]*\).*/\1/p' <<<"$exposure")
	if [ -n "$exposure" ] && [ "$(echo "$exposure <= 2.0" | bc)" = 1 ]; then
		ok "systemd-analyze security in the guest: exposure $exposure (at most 2.0)"
	else
		fail "systemd-analyze security in the guest: exposure ${exposure:-unknown}"
	fi
}
