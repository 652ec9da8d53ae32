"""Any field of any length, any characters: exactly one page, shortened text marked, and no
reportlab message ever escapes."""

from dataclasses import replace

import pytest
from reportlab.platypus import Spacer

from briefer.briefing import render as render_module
from briefer.briefing.render import render
from briefer.domain.briefing import Cited, ComparisonTable
from briefer.domain.briefing_recipe import BriefingEdits, BriefingRequest
from briefer.services.briefing_edits import apply_edits
from briefer.store.errors import StoreError
from tests.briefing.conftest import pages

SHORTENED = "was shortened to keep this briefing to one page"


def long_text(length: int) -> str:
    return ("Start " + "lorem ipsum dolor sit amet " * (length // 20 + 1))[:length]


def request_field(name):
    return lambda composer, text: composer.compose(BriefingRequest(**{name: text}))


def edited(name):
    def make(composer, text):
        return apply_edits(composer.compose(BriefingRequest()), BriefingEdits(**{name: text}))

    return make


def replaced(name, wrap=lambda text: text):
    def make(composer, text):
        return replace(composer.compose(BriefingRequest()), **{name: wrap(text)})

    return make


FIELDS = {
    "banner": request_field("banner"),
    "author": request_field("author"),
    "date": request_field("date"),
    "title": edited("title"),
    "bluf": edited("bluf"),
    "judgments": edited("judgments"),
    "notes": replaced("notes", lambda text: (Cited(text),)),
    "provisions": replaced("provisions", lambda text: (Cited(text),)),
    "comparison": replaced(
        "comparison", lambda text: ComparisonTable(("", text), (("Height", text),))
    ),
}


@pytest.mark.parametrize("length", [10_000, 100_000])
@pytest.mark.parametrize("field", FIELDS)
def test_a_long_field_is_shortened_onto_one_page(composer, field, length):
    text = pages(render(FIELDS[field](composer, long_text(length))))
    assert len(text) == 1
    assert SHORTENED in text[0]
    assert "Start lorem" in text[0] or field == "date"  # the start of the text is kept
    assert "…" in text[0]


@pytest.mark.parametrize("field", ["author", "bluf", "banner", "title"])
def test_long_text_without_spaces_fits_too(composer, field):
    text = pages(render(FIELDS[field](composer, "x" * 8_000)))
    assert len(text) == 1 and SHORTENED in text[0]


STRANGE = {
    "newlines": "line\n" * 20_000,
    "tabs": "\tcell\t" * 3_000,
    "controls": "a\x00b\x07c\x1bd\x7fe\ud800f" * 2_000,
    "markup": "<b>&amp; <img src='x'/> </para>" * 500,
}
SIX = ["banner", "author", "title", "bluf", "judgments", "notes"]


@pytest.mark.parametrize("content", STRANGE)
@pytest.mark.parametrize("field", SIX)
def test_any_characters_at_length_give_one_page(composer, field, content):
    text = pages(render(FIELDS[field](composer, STRANGE[content])))
    assert len(text) == 1
    if (field, content) == ("judgments", "newlines"):  # 20,000 one-word judgments
        assert "lower-priority item(s) left out" in text[0]
    else:
        assert SHORTENED in text[0]
    if content == "markup":
        assert "<b>&amp; <img src='x'/>" in text[0]
    if content == "controls":
        assert "abcdef" in text[0]  # control characters and lone surrogates are dropped


@pytest.mark.parametrize("field", SIX)
def test_only_shortened_text_is_marked(composer, field):
    for short in ("", "a", "An Analyst"):
        text = pages(render(FIELDS[field](composer, short)))
        assert len(text) == 1 and SHORTENED not in text[0] and "…" not in text[0]
    assert SHORTENED in pages(render(FIELDS[field](composer, "word " * 5_000)))[0]


def test_the_note_names_what_was_shortened(composer):
    briefing = composer.compose(BriefingRequest(author="A" * 5_000))
    text = pages(render(replace(briefing, bluf="word " * 5_000)))[0]
    assert f"{SHORTENED}: author, bottom line." in text


def test_a_story_reportlab_cannot_lay_out_falls_back_to_the_fixed_parts(composer, monkeypatch):
    def impossible(layout, kept, left_out):
        return [Spacer(1, 5_000)]  # taller than any page: reportlab raises LayoutError

    monkeypatch.setattr(render_module.BriefingLayout, "story", impossible)
    text = pages(render(composer.compose(BriefingRequest(author="An Analyst"))))
    assert len(text) == 1
    assert "Bottom line up front" in text[0]
    assert "lower-priority item(s) left out" in text[0]


def test_when_nothing_can_be_laid_out_the_error_is_one_plain_line(composer, monkeypatch):
    monkeypatch.setattr(render_module.BriefingLayout, "story", lambda *_: [Spacer(1, 5_000)])
    monkeypatch.setattr(render_module.BriefingLayout, "minimal_story", lambda _: [Spacer(1, 5e3)])
    with pytest.raises(StoreError) as raised:
        render(composer.compose(BriefingRequest()))
    assert str(raised.value) == "the briefing could not be laid out on one page"


def test_an_error_while_measuring_falls_back_to_the_fixed_parts(composer, monkeypatch):
    def broken(_layout):
        raise ValueError("Flowable <Table@0x0> given negative availWidth")

    monkeypatch.setattr(render_module, "fit", broken)
    text = pages(render_module.render(composer.compose(BriefingRequest())))
    assert len(text) == 1 and "Bottom line" in text[0]
