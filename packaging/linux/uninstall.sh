#!/bin/sh
# Remove what install.sh put in place (same PREFIX/BIN/DATA; install.sh leaves a copy of this
# script in the program folder). Your notes and settings are not touched: they live in
# ${XDG_DATA_HOME:-~/.local/share}/Briefer; delete that folder yourself if you want them gone.
set -eu
prefix=${PREFIX:-$HOME/.local/opt/briefer}
bin=${BIN:-$HOME/.local/bin}
data=${DATA:-$HOME/.local/share}
id=org.briefer.Briefer
rm -rf "$prefix"
rm -f "$bin/briefer" "$bin/briefer-cli" "$data/applications/$id.desktop"
find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
echo "Briefer removed; your notes are still in ${XDG_DATA_HOME:-$HOME/.local/share}/Briefer"
