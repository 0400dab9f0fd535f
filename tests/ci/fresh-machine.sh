#!/bin/bash
# SPDX-License-Identifier: MIT
# The whole CI run as a new machine would do it: a Debian 12 root holding only the packages a new
# machine has (a list, one name a line), a clean clone of this repository inside it, and
# `CI=true bash .ci/run` run there as root, with nothing of this machine's caches (the VM roots,
# the GPIO simulator's modules, the build roots, the installed packages) in reach. Prints the run's
# own output and, last, how long the root took to make and how long the run took.
# Usage: tests/ci/fresh-machine.sh PACKAGE_LIST WORK_DIR
#   PACKAGE_LIST: the new machine's Debian packages, one name a line ("#" lines skipped); what a
#   minbase root lacks of them is installed into it. WORK_DIR: the root is made there (tens of
#   GB free: the run's VM images and roots are written inside it) and removed at the end.
# The host's binfmt_misc registrations (qemu-user for arm64 and armhf, by the F flag) serve the
# root as they serve a machine that installed qemu-user-static.
set -euo pipefail
list=$1
work=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine.sh: run as root (a root is made and entered)" >&2; exit 1; }
command -v mmdebstrap >/dev/null || { apt-get update -q && apt-get install -y -q mmdebstrap; }
root=$work/root
rm -rf "$root"
mkdir -p "$work"
t0=$(date +%s)
# The machine's own apt setup goes in, as a new machine of this kind has it.
hooks=()
for f in /etc/apt/apt.conf.d/99*; do
	[ -f "$f" ] && hooks+=(--setup-hook="copy-in $f /etc/apt/apt.conf.d/")
done
mmdebstrap --quiet --variant=minbase "${hooks[@]}" \
	--include="$(grep -v '^#' "$list" | grep . | paste -sd, -)" bookworm "$root"
# The machine's sources (its archive and suites) and resolver, as a new machine has them.
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
	cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
	rm -f "$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
rm -rf "$root/var/cache/apt/archives/"*.deb
t1=$(date +%s)
git clone --quiet "$src" "$root/ci/calm-prompt"
echo "== a new machine: $(grep -cv '^#' "$list") packages listed," \
	"$(chroot "$root" dpkg-query -W -f='.\n' | wc -l) installed; the root made in $((t1 - t0)) s"
set +e
# shellcheck disable=SC2016 # expanded by the inner bash
unshare --mount --fork bash -c '
	set -e
	root=$1
	# Its own mount, so that "/" inside is a mount point as on a machine (unshare --mount in
	# .ci/run makes it private, which a plain folder cannot be).
	mount --bind "$root" "$root"
	mount --rbind /dev "$root/dev"
	mount -t proc proc "$root/proc"
	# qemu-user-static registers its interpreters there when .ci/run installs it.
	if [ -d /proc/sys/fs/binfmt_misc ] && [ -e /proc/sys/fs/binfmt_misc/register ]; then
		mount -t binfmt_misc binfmt_misc "$root/proc/sys/fs/binfmt_misc"
	fi
	mount --rbind /sys "$root/sys"
	mount -t tmpfs tmpfs "$root/dev/shm"
	chroot "$root" /usr/bin/env -i CI=true HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 bash -c "cd /ci/calm-prompt && bash .ci/run </dev/null"
' bash "$root"
rc=$?
set -e
t2=$(date +%s)
echo "== the new machine's CI: exit $rc after $((t2 - t1)) s (the root before it: $((t1 - t0)) s)"
[ "${CALM_KEEP_ROOT:-}" = 1 ] || rm -rf "$root"
exit "$rc"
