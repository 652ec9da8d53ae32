#!/bin/sh
# Installs the system libraries Qt 6 needs on Debian/Ubuntu when any is missing.
# Uses sudo when not root; does nothing on other systems.
set -eu
command -v dpkg >/dev/null 2>&1 || exit 0
libs="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core"
missing=""
for lib in $libs; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing="$missing $lib"
done
[ -n "$missing" ] || exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Qt's system libraries:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
