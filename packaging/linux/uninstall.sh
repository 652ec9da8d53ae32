#!/bin/sh
# Remove what install.sh put in place (same PREFIX/BIN/DATA). Your notes stay in
# ~/.local/share/Briefer; delete that folder yourself if you want them gone.
set -eu
prefix=${PREFIX:-$HOME/.local/opt/briefer}
bin=${BIN:-$HOME/.local/bin}
data=${DATA:-$HOME/.local/share}
id=org.briefer.Briefer
rm -rf "$prefix"
rm -f "$bin/briefer" "$bin/briefer-cli" "$data/applications/$id.desktop"
find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
echo "Briefer removed; your notes are still in $data/Briefer"
