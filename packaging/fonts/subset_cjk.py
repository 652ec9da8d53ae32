"""Rebuild resources/fonts/NotoSansCJKjp-Subset.otf: the Japanese and Chinese characters the
dataset uses that NanumGothic lacks, cut from Noto Sans CJK (SIL OFL 1.1, no reserved names).

Run after adding data with such characters (tests/ui/test_fonts.py says when):
    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto
    python packaging/fonts/subset_cjk.py \
        /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
Needs fontTools (pip install fonttools); nothing at run time does.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
OUTPUT = FONTS / "NotoSansCJKjp-Subset.otf"
CJK_RANGES = (
    (0x3000, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
)


def characters_needed() -> set[int]:
    covered = set(TTFont(FONTS / "NanumGothic.ttf").getBestCmap())
    needed = set()
    for path in sorted((ROOT / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                needed |= {ord(ch) for cell in row for ch in cell}
    in_cjk = {cp for cp in needed if any(low <= cp <= high for low, high in CJK_RANGES)}
    return {cp for cp in in_cjk if cp not in covered}


def main(collection: str) -> None:
    fonts = TTCollection(collection).fonts
    japanese = next(f for f in fonts if "JP" in f["name"].getDebugName(1))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters_needed()))
    subsetter.subset(japanese)
    japanese.save(OUTPUT)
    print(f"{OUTPUT}: {len(characters_needed())} characters, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
