# SPDX-License-Identifier: MIT
# The system tests' shared part, sourced by check_vm.sh and check_gpio_vm.sh after they set
# src, work, cache, here, vmctl, suite (bookworm or trixie) and arch (amd64 or arm64; optionally
# image_hook ROOT): installs QEMU and mmdebstrap where missing, reads the .deb (the machine's:
# CALM_DEB for bookworm amd64, built here without it; CALM_DEB_TRIXIE; CALM_DEB_ARM64), makes or
# reuses
# the cached Debian root, builds the test image (the .deb installed by apt, the agent), and
# defines the hands on the virtual machine: start_vm, stop_vm, boot, mon, guest, guest_value,
# db_query, press, screendump, expect_screen, wait_active, boot_timings; ok, fail, die, phase.
# shellcheck shell=bash disable=SC2154 # the variables above are set by the caller
t_start=$(date +%s)
t_phase=$t_start
phase() { # prints how long the last phase took, then names the next
	local now
	now=$(date +%s)
	echo "   ($((now - t_phase)) s)"
	t_phase=$now
	echo "== $* [at $((now - t_start)) s]"
}
failures=0
ok() { echo "ok   $*"; }
fail() {
	echo "FAIL $*"
	failures=$((failures + 1))
}
die() {
	echo "FAIL $*"
	[ -f "$work/console.log" ] && { echo "-- last lines of the serial console:"; tail -n 30 "$work/console.log"; }
	exit 1
}

rm -rf "$work"
mkdir -p "$work/shots"
echo "== tools [at 0 s]"
need=""
case $arch in
amd64) qemu="qemu-system-x86_64" ;;
arm64)
	qemu="qemu-system-aarch64"
	# The arm64 root's maintainer scripts run under qemu-user, through binfmt_misc.
	command -v qemu-aarch64-static >/dev/null || need="$need qemu-user-static"
	command -v arch-test >/dev/null || need="$need arch-test" # mmdebstrap asks for it
	;;
*) die "no virtual machine for the architecture $arch" ;;
esac
command -v $qemu >/dev/null || need="$need qemu-system-$( [ "$arch" = amd64 ] && echo x86 || echo arm)"
command -v mmdebstrap >/dev/null || need="$need mmdebstrap"
command -v mkfs.ext4 >/dev/null || need="$need e2fsprogs"
command -v python3 >/dev/null || need="$need python3"
command -v bc >/dev/null || need="$need bc"
command -v unshare >/dev/null || need="$need util-linux"
command -v dpkg-architecture >/dev/null || need="$need dpkg-dev" # the eatmydata hook
if [ -z "${CALM_DEB:-}" ]; then
	for p in dpkg-dev file; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need="$need $p"
	done
fi
if [ -n "$need" ]; then
	echo "installing:$need"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
	# shellcheck disable=SC2086
	if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
		--no-install-recommends $need; } >"$work/apt.log" 2>&1; then
		tail -n 5 "$work/apt.log"
		echo "SKIP: cannot install$need (QEMU and mmdebstrap are needed for the system test)"
		exit 77
	fi
fi
[ "$(id -u)" -eq 0 ] || die "the system test builds a Debian root and must run as root"
$qemu --version | head -n 1
if [ "$arch" = arm64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
	# Not mounted on a new machine; F: the interpreter is opened now, so it works in a chroot.
	mountpoint -q /proc/sys/fs/binfmt_misc ||
		mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
	echo ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64-static:F' \
		>/proc/sys/fs/binfmt_misc/register
fi

phase "the package"
# Each machine its own package: +deb12 for bookworm, +deb13 for trixie (cmake/install.cmake).
case $arch/$suite in
amd64/bookworm) deb_var=CALM_DEB deb_release=12 build_hint="" ;;
amd64/trixie) deb_var=CALM_DEB_TRIXIE deb_release=13 build_hint=trixie ;;
arm64/bookworm) deb_var=CALM_DEB_ARM64 deb_release=12 build_hint=arm64 ;;
*) die "no virtual machine for $arch $suite" ;;
esac
if [ -n "${!deb_var:-}" ]; then
	deb=$(readlink -f "${!deb_var}")
elif [ -n "$build_hint" ]; then
	echo "SKIP: $deb_var names no package for $arch $suite (tests/package/build-deb.sh DIR $build_hint)"
	exit 77
else
	# A /usr build packaged by CPack, as tests/package/build-deb.sh does (without lintian).
	if ! { cmake -S "$src" -B "$work/deb" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
		-DCALM_BUILD_TESTS=OFF && cmake --build "$work/deb" -j "$(nproc)" &&
		(cd "$work/deb" && cpack -G DEB); } >"$work/deb.log" 2>&1; then
		tail -n 30 "$work/deb.log"
		die "building the .deb"
	fi
	deb=$(ls "$work"/deb/calm-prompt_*_amd64.deb)
fi
[ -f "$deb" ] || die "no .deb at $deb"
echo "$deb"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || die "$deb is not for $arch"
deb_version=$(dpkg-deb -f "$deb" Version)
case $deb_version in
*+deb[0-9]*) [ "${deb_version##*+deb}" = "$deb_release" ] ||
	die "$deb is version $deb_version, not the package for $suite (+deb$deb_release)" ;;
esac
echo "Version: $deb_version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
unit_text=$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - --wildcards '*/calm-prompt.service')
watchdog_s=$(sed -n 's/^WatchdogSec=\([0-9]*\)s*$/\1/p' <<<"$unit_text")
restart_s=$(sed -n 's/^RestartSec=\([0-9]*\)s*$/\1/p' <<<"$unit_text")
echo "unit: WatchdogSec=${watchdog_s:-none} RestartSec=${restart_s:-none}"
[ -n "$watchdog_s" ] || die "the unit has no WatchdogSec= in seconds: scenario 4 needs one"
restart_s=${restart_s:-0}

phase "the Debian root (cached in $cache)"
# The package's own dependencies are in the cached root, so apt installs it offline; the rest is
# what a console device needs: systemd, a kernel, sqlite3 to look, and Mesa for SDL's KMSDRM
# driver, which dlopen()s libEGL and libGL or libGLESv2 (no shlibs dependency can see that):
# GBM, EGL, GL (SDL's default renderer draws nothing without libGL.so.1), GLES 2 and the DRI
# drivers (bochs-drm has none of its own: kms_swrast draws).
gl_packages="libegl1 libegl-mesa0 libgl1 libgles2 libgbm1 libgl1-mesa-dri"
base_packages="systemd systemd-sysv udev linux-image-$arch initramfs-tools sqlite3 $gl_packages"
deb_packages=$(tr ',' '\n' <<<"$depends" | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep .)
# shellcheck disable=SC2086 # one package a word
packages=$(printf '%s\n' $base_packages $deb_packages ${CALM_SYSTEST_PACKAGES:-} | sort -u | tr '\n' ',' | sed 's/,$//')
for p in libegl1 libgl1; do
	grep -qw "$p" <<<"$depends" ||
		echo "NOTE: the package does not depend on $p, which SDL loads on a console; the test" \
			"image has it"
done
recipe=5 # bump when the root's recipe below changes
key=$(printf '%s %s %s\n' "$recipe" "$suite" "$packages" | sha256sum | cut -c1-16)
base=$cache/base-$key.tar
mkdir -p "$cache"
if [ -f "$base" ]; then
	echo "cached: $base"
else
	echo "building $base: $packages"
	# Keep the newest six other roots: one per machine (bookworm, trixie, arm64, and the GPIO
	# machines' with kernel headers) and a spare for a branch with other dependencies. Fewer,
	# and making one machine's root threw out another's that the same run needs next. A
	# half-made one is left to whoever makes it, unless it is a day old.
	find "$cache" -maxdepth 1 -name 'base-*.tar.part*' -mmin +1440 -delete
	find "$cache" -maxdepth 1 -name 'base-*.tar' -printf '%T@ %p\n' | sort -rn | tail -n +7 |
		cut -d' ' -f2- | xargs -r rm -f
	part=$base.part.$$
	# Quick to make, also where every program in it runs under qemu-user (arm64): dpkg without
	# fsync (mmdebstrap's eatmydata hook), no docs, man pages or translations unpacked, and an
	# initrd with only what finds the root (virtio disk, ext4) instead of most of the kernel's
	# drivers. Trimmed after: no sound, network or other cards' drivers; depmod again, and the
	# initrd made again (trixie's, made while the kernel's package was set up, lacked the
	# modules its hook asked for, so the root was never found).
	if ! mmdebstrap --variant=apt --format=tar --architectures="$arch" --include="$packages" \
		--hook-directory=/usr/share/mmdebstrap/hooks/eatmydata \
		--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
		--dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
		--essential-hook='mkdir -p "$1"/etc/initramfs-tools/conf.d "$1"/etc/initramfs-tools/hooks &&
			echo MODULES=list >"$1"/etc/initramfs-tools/conf.d/systest &&
			printf "%s\n" "#!/bin/sh" "[ \"\$1\" = prereqs ] && exit 0" \
				". /usr/share/initramfs-tools/hook-functions" \
				"for m in virtio_pci virtio_blk ext4; do force_load \$m; done" \
				>"$1"/etc/initramfs-tools/hooks/systest &&
			chmod 755 "$1"/etc/initramfs-tools/hooks/systest' \
		--customize-hook='cd "$1"/usr/lib/modules/* && rm -rf kernel/sound kernel/net \
			kernel/drivers/net kernel/drivers/media kernel/drivers/infiniband \
			kernel/drivers/iio kernel/drivers/hwmon kernel/drivers/staging \
			kernel/drivers/gpu/drm/amd kernel/drivers/gpu/drm/nouveau \
			kernel/drivers/gpu/drm/i915 kernel/drivers/gpu/drm/radeon' \
		--customize-hook='chroot "$1" sh -c "depmod -a \$(ls /usr/lib/modules) &&
			update-initramfs -u -k all"' \
		--customize-hook='for m in virtio_blk ext4; do chroot "$1" sh -c "lsinitramfs \
			/boot/initrd.img-*" | grep -q "/$m\.ko" || { echo "no $m in the initrd"; exit 1; }; done' \
		"$suite" "$part" >"$work/mmdebstrap.log" 2>&1; then
		tail -n 30 "$work/mmdebstrap.log"
		rm -f "$part"
		die "mmdebstrap"
	fi
	mv "$part" "$base"
fi
ls -la "$base"
# CALM_SYSTEST_ROOT_ONLY=1: only make sure the root is in the cache (to fill it beforehand).
[ -z "${CALM_SYSTEST_ROOT_ONLY:-}" ] || exit 0

phase "the test image: the .deb installed with apt, the agent added, an ext4 disk"
root=$work/root
mkdir -p "$root"
tar -C "$root" -xf "$base"
cp "$deb" "$root/tmp/calm-prompt.deb"
# apt resolves the package's dependencies (all in the root already: no network) and runs its
# maintainer scripts: systemd-sysusers makes the user, deb-systemd-helper enables the unit.
unshare --mount --fork chroot "$root" sh -c \
	'mount -t proc proc /proc && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	 --no-install-recommends /tmp/calm-prompt.deb; status=$?; umount /proc; exit $status' \
	>"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; die "apt-get install the .deb"; }
grep -E "^(Setting up|Unpacking) calm-prompt" "$work/apt-install.log" || true
rm -f "$root/tmp/calm-prompt.deb"
[ -L "$root/etc/systemd/system/multi-user.target.wants/calm-prompt.service" ] ||
	die "the package did not enable calm-prompt.service"
grep '^calm-prompt:' "$root/etc/passwd" || die "the package did not make the user calm-prompt"
grep -E '^(video|render|input):' "$root/etc/group"
# Test image only: the agent, a name, the root file system, no timers competing for the CPU.
install -m 0755 "$here/guest/systest-agent" "$root/usr/local/sbin/systest-agent"
install -m 0644 "$here/guest/systest-agent.service" "$root/etc/systemd/system/"
[ "$arch" = amd64 ] || sed -i 's|/dev/ttyS1|/dev/virtio-ports/systest|' \
	"$root/etc/systemd/system/systest-agent.service"
ln -s ../systest-agent.service "$root/etc/systemd/system/multi-user.target.wants/"
echo calm-systest >"$root/etc/hostname"
echo "/dev/vda / ext4 rw 0 1" >"$root/etc/fstab"
for timer in apt-daily.timer apt-daily-upgrade.timer fstrim.timer; do
	ln -sf /dev/null "$root/etc/systemd/system/$timer"
done
# What a test adds to its image (check_gpio_vm.sh: the GPIO simulator), given the root.
if declare -F image_hook >/dev/null; then
	image_hook "$root" || die "image_hook"
fi
cp "$root"/boot/vmlinuz-* "$work/vmlinuz"
cp "$root"/boot/initrd.img-* "$work/initrd.img"
disk=$work/disk.raw
mkfs.ext4 -q -F -L calm-root -d "$root" "$disk" 3G || die "mkfs.ext4"
rm -rf "$root"
du -h --apparent-size "$disk"
du -h "$disk"

# --- the virtual machine -------------------------------------------------------------------
qemu_pid=""
boot_no=0
monitor_sock=$work/monitor.sock
agent_sock=$work/agent.sock
start_vm() {
	local machine accel reboot=(-no-reboot)
	[ -z "${vm_reboot:-}" ] || reboot=()
	boot_no=$((boot_no + 1))
	rm -f "$monitor_sock" "$agent_sock"
	if [ "$arch" = amd64 ]; then
		# -vga std: bochs-drm; the agent on the second serial port (ttyS1).
		machine=(-vga std -drive "file=$disk,format=raw,if=virtio"
			-serial "file:$work/console-$boot_no.log" -serial chardev:agent)
		console=ttyS0
		# One host thread runs both vCPUs. With a thread each (TCG's default), Debian 13's
		# kernel sometimes died 1-2 s into the boot with "Oops: int3" (in sched_clock_cpu,
		# run_timer_softirq): the breakpoint the kernel writes while it patches its own code
		# (a static key) was run after the patch was done, the code dumped already the new
		# one. Booting to the initramfs: 3 of 120 boots with a thread each, 0 of 200 with one
		# (Debian 12's kernel: 0 of 80 with a thread each).
		accel=tcg,thread=single
	else
		# A Pi's CPU core on QEMU's generic board: bochs-display for the DRM card (bochs-drm),
		# a virtio keyboard for sendkey, the agent on a virtio serial port (the board has one
		# UART, the console's).
		# shellcheck disable=SC2054 # QEMU's options have commas
		machine=(-M virt -cpu cortex-a72 -device bochs-display -device virtio-keyboard-pci
			-drive "file=$disk,format=raw,if=none,id=disk" -device virtio-blk-pci,drive=disk
			-serial "file:$work/console-$boot_no.log"
			-device virtio-serial-pci -device virtserialport,chardev=agent,name=systest)
		console=ttyAMA0
		# arm64's kernel patches its code with the other CPUs stopped (stop_machine): a
		# thread per vCPU.
		accel=tcg
	fi
	# The guest's clock: 10:00 today (+10 min a boot), so that the day's palette shows, not the
	# night's, whenever CI runs, or vm_rtc_base when a scenario sets it. No NTP: like a Pi
	# without a real-time clock. vm_reboot=1: a reboot in the guest restarts it in the same
	# QEMU (its RTC keeps what the guest wrote); otherwise QEMU ends with the guest.
	$qemu -rtc "base=${vm_rtc_base:-$(date -u +%Y-%m-%d)T10:$((boot_no * 10)):00}" \
		-accel "$accel" -m 1024 -smp 2 -nodefaults "${machine[@]}" \
		-kernel "$work/vmlinuz" -initrd "$work/initrd.img" \
		-append "root=/dev/vda rw console=$console quiet loglevel=3 systemd.show_status=0 mitigations=off" \
		-chardev "socket,id=agent,path=$agent_sock,server=on,wait=off" \
		-monitor "unix:$monitor_sock,server=on,wait=off" \
		-display none "${reboot[@]}" >"$work/qemu-$boot_no.log" 2>&1 &
	qemu_pid=$!
	ln -sf "console-$boot_no.log" "$work/console.log"
}
stop_vm() { # the power cut: no shutdown, QEMU is simply gone
	[ -n "$qemu_pid" ] || return 0
	kill -9 "$qemu_pid" 2>/dev/null || true
	wait "$qemu_pid" 2>/dev/null || true
	qemu_pid=""
}
trap stop_vm EXIT
trap 'exit 1' INT TERM # ctest's timeout: QEMU goes too
mon() { $vmctl monitor "$monitor_sock" "$@"; }
guest() { $vmctl agent "$agent_sock" "${2:-60}" "$1"; }
guest_value() { guest "systemctl show -p $1 --value calm-prompt"; }
db_query() { # as the service's user, so that no -wal or -shm file ends up owned by root
	guest "runuser -u calm-prompt -- sqlite3 /var/lib/calm-prompt/events.db \"$1\""
}
last_id() { db_query "SELECT coalesce(max(id), 0) FROM presses"; } # the newest press row's id
press() { # a tap of the main button: Space, held 100 ms
	mon sendkey spc 100 >/dev/null
}
# key_press MS [ACTION]: the main button held MS ms, then waits (up to 15 s) for the app's row of
# it, whose action it prints ("none" without one); with ACTION, for a row of that action (a hold
# first writes the row of what a hold does). Then the key is up. The next key waits for this:
# QEMU can deliver keys late and bunched (seen right after a screendump: a tap 1.5 s late and
# 100 ms before the next key sent a second after it, so that the app rightly took the two for
# one gesture), so a sequence of keys paced by the host's sleeps alone is not what the guest got.
key_press() {
	local ms=$1 want=${2:-} before action="" rows deadline
	before=$(last_id)
	mon sendkey spc "$ms" >/dev/null
	deadline=$(($(date +%s) + 15))
	while [ "$(date +%s)" -lt "$deadline" ]; do
		rows=$(db_query "SELECT action FROM presses WHERE id > $before ORDER BY id")
		if [ -n "$want" ]; then
			grep -qx "$want" <<<"$rows" && action=$want
		else
			action=$(head -n 1 <<<"$rows")
		fi
		[ -z "$action" ] || break
		sleep 0.25
	done
	# A hold's row comes while it is held (at 700 ms, or 3 s for the clock's): its release
	# is due at most MS ms after the row.
	[ "$ms" -le 300 ] || sleep "$(awk "BEGIN {print $ms / 1000}")"
	echo "${action:-none}"
}
screendump() { # screendump NAME: to $work/shots/NN-NAME.ppm, the next number; prints the path
	local name shots=("$work"/shots/*.png)
	[ -e "${shots[0]}" ] || shots=()
	name=$(printf '%02d-%s' "$((${#shots[@]} + 1))" "$1")
	mon screendump "$work/shots/$name.ppm" >/dev/null
	for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$work/shots/$name.ppm" ] && break; sleep 0.5; done
	echo "$work/shots/$name"
}
# expect_screen KIND NAME TRIES: screendumps until one looks like KIND (a frame may be late).
expect_screen() {
	local kind=$1 name=$2 tries=$3 path i
	for i in $(seq 1 "$tries"); do
		path=$(screendump "$name")
		if $vmctl screen "$path.ppm" "$kind" "$path.png" >"$path.txt"; then
			rm -f "$path.ppm"
			echo "     $(head -n 1 "$path.txt") -> $path.png"
			return 0
		fi
		rm -f "$path.ppm"
		echo "     try $i: $(head -n 1 "$path.txt") -> $path.png"
		sleep 2
	done
	return 1
}
# wait_active TIMEOUT: until the service is active with a main process; prints the seconds.
wait_active() {
	local t0 state
	t0=$(date +%s)
	while [ $(($(date +%s) - t0)) -lt "$1" ]; do
		state=$(guest_value ActiveState 2>/dev/null || true)
		if [ "$state" = active ]; then
			echo $(($(date +%s) - t0))
			return 0
		fi
		sleep 1
	done
	return 1
}
boot() {
	boot_t0=$(date +%s.%N)
	start_vm
	$vmctl wait-agent "$agent_sock" 600 || die "boot $boot_no: the guest's agent never answered"
	local now uptime
	now=$(date +%s.%N)
	uptime=$(guest 'cut -d" " -f1 /proc/uptime') ||
		die "boot $boot_no: the agent answered once, then not within 60 s (a guest starved of CPU?)"
	# The guest's monotonic clock starts with its kernel: when that was, in the host's time.
	boot_kernel_s=$(echo "$now - $uptime - $boot_t0" | bc)
	echo "boot $boot_no: the agent answers after $(printf %.1f "$(echo "$now - $boot_t0" | bc)") s" \
		"(guest: $uptime s since the kernel started)"
}
# boot_timings: once the service is active, the boot's milestones (QEMU started, its kernel
# started, systemd started, the unit's first start, READY=1, the first frame on screen) and the
# restarts it needed; one line, kept for the summary at the end. A restart fails the test,
# or with "note" is only shown (where the boot is not what a test checks).
boot_timings=()
boot_timings() {
	local systemd_us first_start ready_us restarts line
	systemd_us=$(guest "systemctl show -p UserspaceTimestampMonotonic --value")
	# (One line: the agent reads a command a line.)
	first_start=$(guest "journalctl -b -u calm-prompt -o short-monotonic --no-pager | sed -n 's/^\[ *\([0-9.]*\)\].*Starting calm-prompt.*/\1/p' | head -n 1")
	ready_us=$(guest_value ActiveEnterTimestampMonotonic)
	restarts=$(guest_value NRestarts)
	line=$(printf 'boot %d: QEMU -> kernel %.1f s; kernel -> systemd %.1f s -> unit start %.1f s -> READY=1 %.1f s (%.1f s after the unit started); restarts %d' \
		"$boot_no" "$boot_kernel_s" "$(echo "$systemd_us / 1000000" | bc -l)" "$first_start" \
		"$(echo "$ready_us / 1000000" | bc -l)" "$(echo "$ready_us / 1000000 - $first_start" | bc -l)" \
		"$restarts")
	echo "     $line"
	boot_timings+=("$line")
	if [ "$restarts" != 0 ]; then
		if [ "${1:-}" = note ]; then
			echo "NOTE: boot $boot_no: calm-prompt.service needed $restarts restart(s) to start:"
		else
			fail "boot $boot_no: calm-prompt.service needed $restarts restart(s) to start:"
		fi
		guest "journalctl -b -u calm-prompt -o short-monotonic --no-pager | grep -v MESA | head -n 12" |
			sed 's/^/     | /'
	fi
}

