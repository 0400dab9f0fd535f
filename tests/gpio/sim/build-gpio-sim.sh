#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the kernel's GPIO simulator (gpio-sim, with the IRQ simulator it needs) as one
# out-of-tree module for a Debian kernel that does not build it (CONFIG_GPIO_SIM is not set in
# Debian's 6.1 and 6.12): the sources from Debian's linux-source package, built against the
# kernel's own linux-headers. The module is kept in CACHE_DIR under a name that says what it was
# built from (kernel, source version, this recipe), and built again only when one of them changes.
# Usage: tests/gpio/sim/build-gpio-sim.sh KERNEL_VERSION CACHE_DIR [SUITE KERNEL_PACKAGE_VERSION
#   [ARCH]]   (e.g. 6.1.0-57-amd64). With SUITE (another Debian release than this machine's, e.g.
#   trixie for 6.12.57+deb13-amd64, or another architecture: ARCH, e.g. arm64 for
#   6.1.0-57-arm64), the module is built inside a root of that release and architecture made
#   with mmdebstrap (its compiler, headers and sources; another architecture's programs run
#   under qemu-user through binfmt_misc), kept only while it builds; the cached module is then
#   named by the kernel's package version (from the guest's root).
# Prints the module's path on its last line. Needs root (apt-get) when a package is missing.
set -eu
kver=$1
cache=$2
series=$(echo "$kver" | cut -d. -f1,2) # linux-source-6.1 for 6.1.0-57-amd64
recipe=1 # bump when the build below changes
export DEBIAN_FRONTEND=noninteractive

if [ -n "${3:-}" ]; then
	suite=$3
	key=$(printf '%s %s %s %s\n' "$recipe" "$kver" "$suite" "$4" | sha256sum | cut -c1-12)
	ko=$cache/gpio-sim-$kver-$key.ko
	if [ -f "$ko" ]; then
		echo "cached: $ko ($suite, linux-image $4)" >&2
		echo "$ko"
		exit 0
	fi
	root=$(mktemp -d /tmp/calm-gpio-sim-XXXXXX)
	trap 'rm -rf "$root"' EXIT
	arch=${5:-$(dpkg --print-architecture)}
	echo "a $suite $arch root to build in: linux-headers-$kver, linux-source-$series" >&2
	mmdebstrap --quiet --variant=apt --format=directory --architectures="$arch" \
		--hook-directory=/usr/share/mmdebstrap/hooks/eatmydata \
		--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
		--include="linux-headers-$kver,linux-source-$series,make,gcc,xz-utils" \
		"$suite" "$root" >&2
	mkdir -p "$root/build" "$cache"
	cp "$0" "$root/build/build-gpio-sim.sh"
	built=$(chroot "$root" sh /build/build-gpio-sim.sh "$kver" /build/out | tail -n 1)
	rm -f "$cache"/gpio-sim-"$kver"-*.ko
	cp "$root$built" "$ko.part"
	mv "$ko.part" "$ko"
	echo "built: $ko ($suite, linux-image $4)" >&2
	echo "$ko"
	exit 0
fi

missing=""
for p in "linux-headers-$kver" "linux-source-$series" make gcc xz-utils; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing" >&2
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2
fi
src_version=$(dpkg-query -W -f='${Version}' "linux-source-$series")
hdr_version=$(dpkg-query -W -f='${Version}' "linux-headers-$kver")
key=$(printf '%s %s %s %s\n' "$recipe" "$kver" "$src_version" "$hdr_version" | sha256sum | cut -c1-12)
ko=$cache/gpio-sim-$kver-$key.ko
if [ -f "$ko" ]; then
	echo "cached: $ko (linux-source-$series $src_version)" >&2
	echo "$ko"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
top=linux-source-$series
tar -C "$work" -xJf "/usr/src/linux-source-$series.tar.xz" "$top/drivers/gpio/gpio-sim.c" \
	"$top/drivers/gpio/gpiolib.h" "$top/kernel/irq/irq_sim.c"
mkdir "$work/m"
# gpio-sim.ko from two objects: the simulator (renamed: a module cannot share a name with one of
# its objects) and the IRQ simulator, which the kernel otherwise builds in only when a driver
# selects it.
cp "$work/$top/drivers/gpio/gpio-sim.c" "$work/m/sim.c"
cp "$work/$top/drivers/gpio/gpiolib.h" "$work/m/"
# irq_to_desc() is not exported to modules; generic_handle_irq() does the same lookup and then
# calls the handler that irq_sim's own map function set (handle_simple_irq).
sed 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' \
	"$work/$top/kernel/irq/irq_sim.c" >"$work/m/irq_sim.c"
grep -q 'generic_handle_irq(irqnum);' "$work/m/irq_sim.c" ||
	{ echo "irq_sim.c from linux-source-$series changed: the edit above no longer applies" >&2; exit 1; }
printf 'obj-m := gpio-sim.o\ngpio-sim-y := sim.o irq_sim.o\n' >"$work/m/Kbuild"
make -C "/usr/src/linux-headers-$kver" M="$work/m" modules >"$work/build.log" 2>&1 ||
	{ cat "$work/build.log" >&2; exit 1; }
mkdir -p "$cache"
rm -f "$cache"/gpio-sim-"$kver"-*.ko
cp "$work/m/gpio-sim.ko" "$ko.part"
mv "$ko.part" "$ko"
echo "built: $ko (linux-source-$series $src_version, headers $hdr_version)" >&2
echo "$ko"
