#!/usr/bin/env bash
# Provisions the second Python the code samples run under: Debian 13 (trixie)'s CPython 3.13,
# in a minimal Debian root made by debootstrap under the samples' cache
# (${XDG_CACHE_HOME:-~/.cache}/versus-samples/debian-trixie). The sample tests run its
# python3 through chroot, so this needs root, as the tests' 3.13 runs do. .ci/run calls it
# under CI=true; run it yourself to run the 3.13 environments locally:
#
#   sudo bash web/samples/provision-python.sh
#
# A root that is already complete is kept (only its DNS and CA settings are refreshed), so
# later runs take a second. Needs debootstrap (apt-get install -y debootstrap) and Debian's
# package mirror.
set -euo pipefail

suite=trixie
mirror=${VERSUS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/versus-samples
root=$cache/debian-$suite

if [ "$(id -u)" != 0 ]; then
  echo "provision-python.sh: needs root (debootstrap and chroot): sudo bash $0" >&2
  exit 1
fi
command -v debootstrap >/dev/null || { echo "provision-python.sh: needs debootstrap: apt-get install -y debootstrap" >&2; exit 1; }

# What pip inside the root needs from the host to reach PyPI: name resolution and the CA
# certificates the host trusts (pip is told to use them: see web/samples/python.go).
refresh() {
  cp -L /etc/resolv.conf "$1/etc/resolv.conf"
  local bundle=${PIP_CERT:-${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}}
  if [ -f "$bundle" ]; then
    mkdir -p "$1/etc/ssl/certs"
    cp -L "$bundle" "$1/etc/ssl/certs/ca-certificates.crt"
  fi # else pip uses the certificates it ships with
}

if [ -f "$root/.versus-complete" ]; then
  refresh "$root"
  echo "provision-python.sh: $(chroot "$root" /usr/bin/python3 --version) ready in $root"
  exit 0
fi

mkdir -p "$cache"
partial=$root.partial
rm -rf "$partial"
trap 'rm -rf "$partial"' EXIT
start=$(date +%s)
echo "provision-python.sh: debootstrap --variant=minbase --include=python3,python3-venv $suite into $root" >&2
if ! debootstrap --variant=minbase --include=python3,python3-venv "$suite" "$partial" "$mirror" >"$cache/debootstrap.log" 2>&1; then
  tail -30 "$cache/debootstrap.log" >&2
  exit 1
fi
# A debootstrap root keeps the downloaded packages: they are not needed again.
rm -rf "$partial"/var/cache/apt/archives/*.deb
refresh "$partial"
chroot "$partial" /usr/bin/python3 -c 'import venv, sqlite3, ssl' # what the samples' venvs need
touch "$partial/.versus-complete"
rm -rf "$root"
mv "$partial" "$root"
trap - EXIT
echo "provision-python.sh: $(chroot "$root" /usr/bin/python3 --version) ready in $root ($(( $(date +%s) - start )) s)"
