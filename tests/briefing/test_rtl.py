"""Arabic, Persian and Hebrew on the page: letters joined, lines in right-to-left order."""

from dataclasses import replace

import pytest
from bidi import get_display
from reportlab.lib.enums import TA_RIGHT

from briefer.briefing import fonts, rtl
from briefer.briefing.paragraphs import paragraph
from briefer.briefing.render import render
from briefer.briefing.rtl import reshape
from briefer.briefing.styles import styles
from briefer.domain.briefing import Cited
from briefer.domain.briefing_recipe import BriefingRequest
from tests.briefing.conftest import pages, reader_text

ARABIC = "سري للغاية"
PERSIAN = "نیروی هوافضای سپاه"
HEBREW = "שיגורי לוויינים"


def is_presentation_form(character: str) -> bool:
    return 0xFB50 <= ord(character) <= 0xFEFF


def shaped(text: str) -> set[str]:
    """The joined letter forms the shaping library picks for ``text``."""
    return {c for c in reshape(text) if is_presentation_form(c)}


def unjoined_letters(text: str) -> set[str]:
    """Arabic-script letters in their unshaped code points (the Arabic block)."""
    return {c for c in text if 0x0600 <= ord(c) <= 0x06FF and c.isalpha()}


def visual(text: str, width: float = 10_000) -> list[str]:
    lines = rtl.visual_lines([(text, False)], width, lambda c, b: 5.0, rtl.base_level(text))
    return ["".join(c for c, _ in line) for line in lines]


@pytest.mark.parametrize(
    "text",
    [ARABIC, PERSIAN, HEBREW, "abc שלום def", "مرحبا test 123", f"{PERSIAN} 2024 Noor-1"],
)
def test_lines_are_in_the_order_the_bidi_library_gives(text):
    expected = get_display(reshape(text))
    assert visual(text) == [expected]
    assert visual(text) != [reshape(text)]  # the order really changed


def test_brackets_face_their_text_in_right_to_left_runs():
    assert visual("(مرحبا)") == ["(" + get_display(reshape("مرحبا")) + ")"]
    assert visual("שלום (עולם)") == ["(םלוע) םולש"]


def test_a_long_right_to_left_paragraph_starts_on_its_first_line():
    words = [f"هوافضای{i}" for i in range(30)]
    lines = visual(" ".join(words), width=200)
    assert len(lines) > 1
    assert lines[0].endswith(get_display(reshape(words[0])))  # right-hand end
    last = get_display(reshape(words[-1]))
    assert last in lines[-1] and last not in lines[0]


def test_direction_marks_steer_the_order_but_are_not_drawn():
    assert visual("\u202eabc\u202c") == ["cba"]
    assert visual("\u200fשלום\u200f") == ["םולש"]


def test_a_right_to_left_paragraph_is_set_flush_right_with_glyphs_from_dejavu():
    made = paragraph(PERSIAN, styles()["body"], 400)
    assert made.style.alignment == TA_RIGHT
    assert f'<font name="{fonts.SYMBOLS}">' in made.text
    assert paragraph("Latin only", styles()["body"], 400).style.alignment != TA_RIGHT


@pytest.fixture
def page(composer):
    briefing = composer.compose(BriefingRequest(banner=ARABIC, author=f"{PERSIAN} (analyst)"))
    briefing = replace(
        briefing,
        title=HEBREW,
        bluf=f"{PERSIAN} گزارش چهارم",
        judgments=(Cited(f"The IRGC Aerospace Force ({PERSIAN}) launched Noor-1."),),
    )
    return render(briefing)


def test_arabic_and_persian_come_out_joined(page):
    text = pages(page)[0]
    for typed in (ARABIC, PERSIAN, "گزارش چهارم"):
        assert shaped(typed) <= set(text)
    assert not unjoined_letters(text)


def test_a_pdf_reader_reads_right_to_left_text_back_as_typed(page):
    read = reader_text(page)
    assert read.count(HEBREW) == 1
    assert read.count(ARABIC) == 2  # top and bottom banner, no longer blank
    assert f"{PERSIAN} گزارش چهارم" in read


def test_a_right_to_left_banner_is_drawn_in_a_font_that_has_it(composer):
    data = render(composer.compose(BriefingRequest(banner=HEBREW)))
    assert reader_text(data).count(HEBREW) == 2


def test_a_name_with_allah_keeps_every_letter(composer):
    author = "عبدالله محمد"
    assert "\ufdf2" not in reshape(author)  # the ALLAH ligature has no glyph in the fonts
    assert all(ord(c) in fonts.symbol_coverage() for c in reshape(author) if c != " ")
    data = render(composer.compose(BriefingRequest(author=author)))
    read = reader_text(data)
    assert "عبدالله" in read and "محمد" in read  # (a reader gives a mixed line in visual order)


def test_an_unexpected_report_from_the_bidi_library_gives_plain_order_not_a_crash(monkeypatch):
    monkeypatch.setattr(rtl, "get_display", lambda *a, **k: "no levels here")
    assert rtl.embedding_levels("مرحبا", 1) == [1] * 5
