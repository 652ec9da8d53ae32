"""The bundled fonts render every character of the dataset on a machine without CJK fonts."""

import csv

from PySide6.QtGui import QGuiApplication, QRawFont

from briefer import paths
from briefer.ui import theme


def test_bundled_fonts_register_as_fallbacks(qapp):
    families = theme.register_fonts(paths.fonts_dir())
    assert {"NanumGothic", "DejaVu Sans", "Noto Sans CJK JP"} <= set(families)
    assert QGuiApplication.font().families()[1:] == list(dict.fromkeys(families))
    nanum = QRawFont(str(paths.fonts_dir() / "NanumGothic.ttf"), 12)
    for character in "천리마만리경Союзб":
        assert nanum.supportsCharacter(ord(character)), character


def test_every_character_in_the_data_has_a_bundled_glyph(qapp):
    files = [*paths.fonts_dir().glob("*.ttf"), *paths.fonts_dir().glob("*.otf")]
    fonts = [QRawFont(str(path), 12) for path in files]
    assert fonts and all(font.isValid() for font in fonts)
    missing: dict[str, str] = {}
    for path in sorted(paths.data_dir().glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.reader(handle), start=1):
                for character in {ch for cell in row for ch in cell if ord(ch) > 0x7E}:
                    if not any(font.supportsCharacter(ord(character)) for font in fonts):
                        missing.setdefault(character, f"{path.name}:{line}")
    assert missing == {}, (
        f"no bundled font covers {missing}; run packaging/fonts/subset_cjk.py or pick another font"
    )
