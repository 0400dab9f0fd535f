#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the .deb into a throwaway Debian root (mmdebstrap, minbase, the same suite as this
# machine, from this machine's own apt sources) the way a household would, apt install
# ./calm-prompt_*.deb, and checks that the files, the user and its groups, the enabled unit
# and the conffile land where they should. Needs root.
# Usage: tests/package/check-install.sh DEB [WORK_DIR]
set -eu
deb=$(realpath "$1")
work=${2:-$(mktemp -d /tmp/calm-install-XXXXXX)}
export DEBIAN_FRONTEND=noninteractive
command -v mmdebstrap >/dev/null || { apt-get update -q; apt-get install -y -q mmdebstrap >/dev/null; }
# shellcheck source=/dev/null
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
sources=""
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
  [ -f "$f" ] && grep -q "Suites:.*$suite\|^deb .* $suite " "$f" && { sources=$f; break; }
done
[ -n "$sources" ] || { echo "no apt source for $suite on this machine" >&2; exit 1; }
rm -rf "$work/root"
mkdir -p "$work"
cp "$deb" "$work/"

# What must hold inside the root once the package is installed.
cat >"$work/checks.sh" <<'CHECKS'
set -u
failures=0
check() {
  if sh -c "$2" >/tmp/check.out 2>&1; then echo "ok   $1"; else
    echo "FAIL $1"; sed 's/^/  | /' /tmp/check.out; failures=$((failures + 1)); fi
}
check "binary runs" "calm-prompt --version"
check "default settings read" "calm-prompt --check-config"
check "assets in /usr/share" "test -f /usr/share/calm-prompt/patterns.conf && ls /usr/share/calm-prompt/prompts/*.deck"
check "Spanish decks in /usr/share" "ls /usr/share/calm-prompt/prompts/es/*.deck"
check "Spanish words in /usr/share/locale" "grep -q Inhala /usr/share/locale/es/LC_MESSAGES/calm-prompt.mo"
check "man page" "test -f /usr/share/man/man1/calm-prompt.1.gz"
check "copyright" "test -f /usr/share/doc/calm-prompt/copyright"
check "system user, no login" "getent passwd calm-prompt | grep -q ':/usr/sbin/nologin$'"
for g in video render input gpio; do
  check "user in group $g" "id -nG calm-prompt | tr ' ' '\n' | grep -qx $g"
done
check "unit installed" "systemctl cat calm-prompt.service >/dev/null 2>&1 || test -f /lib/systemd/system/calm-prompt.service || test -f /usr/lib/systemd/system/calm-prompt.service"
check "unit enabled" "systemctl is-enabled calm-prompt.service | grep -qx enabled"
check "unit verifies" "systemd-analyze verify --man=no calm-prompt.service"
check "conffile registered" "dpkg-query -W -f='\${Conffiles}' calm-prompt | grep -q '/etc/calm-prompt/calm-prompt.conf'"
check "sysusers file" "test -f /usr/lib/sysusers.d/calm-prompt.conf"
check "udev rule" "ls /lib/udev/rules.d/60-calm-prompt.rules /usr/lib/udev/rules.d/60-calm-prompt.rules 2>/dev/null | grep -q ."
check "polkit rule, set-time only" "grep -q org.freedesktop.timedate1.set-time /usr/share/polkit-1/rules.d/60-calm-prompt.rules && test \$(grep -c action.id /usr/share/polkit-1/rules.d/60-calm-prompt.rules) = 1"
echo "installed: $(dpkg-query -W -f='${Package} ${Version} ${Architecture}' calm-prompt)"
echo "depends pulled in: $(dpkg-query -W -f='${Package}\n' | wc -l) packages in the root"
exit $failures
CHECKS

name=$(basename "$deb")
mmdebstrap --variant=minbase --include=systemd --quiet \
  --customize-hook="copy-in $work/$name $work/checks.sh /tmp" \
  --customize-hook="chroot \"\$1\" apt-get install -y -q --no-install-recommends /tmp/$name" \
  --customize-hook="chroot \"\$1\" sh /tmp/checks.sh" \
  "$suite" "$work/root" "$sources"
rm -rf "$work/root"
