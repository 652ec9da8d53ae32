#!/bin/sh
# Install Briefer from this unpacked tarball for the current user (no root, no network):
# the app into ~/.local/opt/briefer, a `briefer` command into ~/.local/bin, the menu entry and
# icons into ~/.local/share. Run it again from a newer tarball to update; notes are kept (they
# live in ~/.local/share/Briefer). PREFIX=/opt/briefer BIN=/usr/local/bin DATA=/usr/share
# sh install.sh installs for every user (as root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local/opt/briefer}
bin=${BIN:-$HOME/.local/bin}
data=${DATA:-$HOME/.local/share}
id=org.briefer.Briefer

rm -rf "$prefix.new"
mkdir -p "$(dirname "$prefix")" "$bin" "$data/applications"
cp -a "$here/Briefer" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
ln -sf "$prefix/Briefer" "$bin/briefer"
ln -sf "$prefix/briefer-cli" "$bin/briefer-cli"
cp -a "$here/icons/." "$data/icons/"
cp "$here/uninstall.sh" "$prefix/uninstall.sh"
# Exec is quoted (paths may hold spaces); inside the quotes \ " ` $ are escaped, and every
# backslash is doubled once more for the .desktop string. awk reads the lines from the
# environment, so no character of the path is taken as a pattern.
quoted=$(printf '%s' "$prefix/Briefer" | sed 's/[\\"`$]/\\&/g; s/\\/\\\\/g')
EXEC_LINE="Exec=\"$quoted\"" TRY_LINE="TryExec=$prefix/Briefer" awk '
    /^Exec=/ { print ENVIRON["EXEC_LINE"]; next }
    /^TryExec=/ { print ENVIRON["TRY_LINE"]; next }
    { print }' "$here/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "Briefer installed in $prefix; start it from the menu or with: $bin/briefer"
echo "To remove it later: sh \"$prefix/uninstall.sh\" (your notes are kept)"
