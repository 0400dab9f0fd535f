#!/bin/sh
# SPDX-License-Identifier: MIT
# Unpacks libgpiod 2.x (-dev and runtime library) from <codename>-backports into a scratch
# prefix, so the v2 GPIO backend can be built and tested on a Debian 12 machine whose own
# libgpiod is 1.6. Nothing is installed into the system: apt runs with its own source list,
# package lists and cache under the scratch folder, and the .debs are unpacked with dpkg -x.
#
# Usage: fetch-libgpiod2.sh SCRATCH_DIR
# Prints what it does; the last line is the PKG_CONFIG_PATH to build with:
#   PKG_CONFIG_PATH=SCRATCH_DIR/root/usr/lib/<triplet>/pkgconfig
# The archive is the one this machine's apt sources already use (never a name written here).
# Environment: SUITE (default: <this release's codename>-backports).
set -eu

die() {
  echo "fetch-libgpiod2: $*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: fetch-libgpiod2.sh SCRATCH_DIR"
scratch=$1
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)

# shellcheck disable=SC1091
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || die "cannot tell this release's codename from /etc/os-release"
suite=${SUITE:-$codename-backports}
arch=$(dpkg --print-architecture)

# The archive entries for this release in the machine's apt sources, in either format:
# one-line "deb [options] URI SUITE COMPONENTS" lists, or deb822 .sources stanzas.
# Prints "URI<tab>SIGNED-BY" lines (SIGNED-BY may be empty).
archive_entries() {
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    awk -v want="$codename" '
      $1 == "deb" {
        signed = ""; i = 2
        if ($2 ~ /^\[/) {
          while (i <= NF) {
            if ($i ~ /signed-by=/) { signed = $i; sub(/.*signed-by=/, "", signed); sub(/\].*/, "", signed) }
            if ($i ~ /\]$/) { i++; break }
            i++
          }
        }
        if ($(i + 1) == want) print $i "\t" signed
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk -v want="$codename" '
      function flush(   n, u, k) {
        if (uris != "" && enabled && types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ")) {
          n = split(uris, u, " ")
          for (k = 1; k <= n; k++) print u[k] "\t" signed
        }
        types = uris = suites = signed = ""; enabled = 1
      }
      BEGIN { enabled = 1 }
      /^[ \t]*$/ { flush(); next }
      /^#/ { next }
      {
        key = tolower($1); sub(/:$/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
        if (key == "types") types = val
        else if (key == "uris") uris = val
        else if (key == "suites") suites = val
        else if (key == "signed-by") signed = val
        else if (key == "enabled") enabled = (tolower(val) != "no")
      }
      END { flush() }' "$f"
  done
}

mkdir -p "$scratch/apt/lists/partial" "$scratch/apt/cache/archives/partial" "$scratch/debs" \
  "$scratch/root"

# apt with only our list, lists and cache: the system's own state is not touched.
# Usage: apt_here apt-get|apt-cache ARGS...
apt_here() {
  tool=$1
  shift
  "$tool" -q -o Dir::Etc::sourcelist="$scratch/apt/sources.list" \
    -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$scratch/apt/lists" \
    -o Dir::Cache="$scratch/apt/cache" -o APT::Sandbox::User=root "$@"
}

# Whether apt-get update brought the suite's package list.
have_package_list() {
  for f in "$scratch"/apt/lists/*_"$suite"_*Packages*; do
    [ -e "$f" ] && return 0
  done
  return 1
}

# try_archive URI SIGNED-BY: whether that archive's $suite has libgpiod-dev 2.x (sets version).
try_archive() {
  echo "fetch-libgpiod2: archive $1 (from this machine's apt sources), suite $suite, $arch"
  if [ -n "$2" ]; then
    echo "deb [signed-by=$2] $1 $suite main" >"$scratch/apt/sources.list"
  else
    echo "deb $1 $suite main" >"$scratch/apt/sources.list"
  fi
  rm -f "$scratch"/apt/lists/*_Packages* "$scratch"/apt/lists/*Release*
  if ! apt_here apt-get update >"$scratch/apt/update.log" 2>&1 || ! have_package_list; then
    sed 's/^/  | /' "$scratch/apt/update.log"
    echo "fetch-libgpiod2: $suite is unreachable there, or has no package list"
    return 1
  fi
  version=$(apt_here apt-cache madison libgpiod-dev 2>/dev/null |
    awk -F' *[|] *' -v s=" $suite/" '$3 ~ s { print $2; exit }')
  case "$version" in
    2.*) return 0 ;;
    "") echo "fetch-libgpiod2: $suite there has no libgpiod-dev" ;;
    *) echo "fetch-libgpiod2: libgpiod-dev in $suite there is $version, not 2.x" ;;
  esac
  return 1
}

entries=$(archive_entries | awk -F '\t' '!seen[$1]++')
[ -n "$entries" ] ||
  die "no apt source for '$codename' in /etc/apt/sources.list or /etc/apt/sources.list.d/"
tab=$(printf '\t')
found=""
while IFS="$tab" read -r uri signed; do
  if try_archive "$uri" "$signed"; then
    found=$uri
    break
  fi
done <<ENTRIES
$entries
ENTRIES
[ -n "$found" ] ||
  die "libgpiod-dev 2.x from the $suite suite is unreachable through this machine's apt sources (see above); the libgpiod v2 build cannot be tested"

# The runtime library the -dev package depends on (libgpiod3 for 2.x).
runtime=$(apt_here apt-cache show "libgpiod-dev=$version" 2>/dev/null |
  sed -n 's/^Depends:.*\(libgpiod[0-9][0-9]*\) (= [^)]*).*/\1/p' | head -n 1)
[ -n "$runtime" ] || die "cannot tell which runtime library libgpiod-dev $version depends on"

echo "fetch-libgpiod2: downloading libgpiod-dev $version and $runtime $version"
rm -f "$scratch"/debs/*.deb
(cd "$scratch/debs" && apt_here apt-get download "libgpiod-dev=$version" "$runtime=$version") ||
  die "apt-get download of libgpiod-dev and $runtime $version failed"

rm -rf "$scratch/root"
mkdir -p "$scratch/root"
for deb in "$scratch"/debs/*.deb; do
  echo "fetch-libgpiod2: dpkg -x $(basename "$deb")"
  dpkg -x "$deb" "$scratch/root"
done

pc=$(find "$scratch/root" -name libgpiod.pc | head -n 1)
[ -n "$pc" ] || die "no libgpiod.pc in the unpacked packages"
# The .pc file says prefix=/usr: left so, the compiler would find v1's /usr/include/gpiod.h.
# Point it at the unpacked copy (the same as pkg-config --define-variable=prefix=...).
sed -i -e "s|=/usr/|=\${prefix}/|" -e "s|^prefix=.*|prefix=$scratch/root/usr|" "$pc"
pcdir=$(dirname "$pc")
header=$scratch/root/usr/include/gpiod.h
[ -f "$header" ] || die "no gpiod.h in the unpacked packages"
got=$(PKG_CONFIG_PATH=$pcdir pkg-config --modversion libgpiod)
cflags=$(PKG_CONFIG_PATH=$pcdir pkg-config --cflags libgpiod)
case "$cflags" in
  *"-I$scratch/root/usr/include"*) ;;
  *) die "pkg-config's flags for libgpiod ($cflags) do not point at $scratch/root/usr/include" ;;
esac
echo "fetch-libgpiod2: libgpiod $got in $scratch/root (header $header, cflags $cflags)"
echo "PKG_CONFIG_PATH=$pcdir"
