"""The PDF page: always one page, nothing below 7.5 pt, text exactly as typed, metadata set."""

import io
import re

import pytest
from pypdf import PdfReader

from briefer import paths
from briefer.briefing.formats import write_briefing
from briefer.briefing.render import render
from briefer.briefing.styles import MIN_POINTS, styles
from briefer.domain.briefing import TEMPLATES, Cited
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.services.briefing import BriefingComposer
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


def composer(db):
    store = ReferenceStore(db)
    launches = LaunchService(store)
    return BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store)
    )


def pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def maximal(briefing, store_sources):
    """Every provision, long notes, a very long title and many sources."""
    long_note = "Long analyst note on Russian engine assistance and what to verify next. " * 12
    many = tuple(store_sources)
    from dataclasses import replace

    return replace(
        briefing,
        title="A very long title about DPRK satellite launches, Russian technical help, "
        "sanctions provisions and what a principal needs to know before the next launch " * 3,
        judgments=briefing.judgments
        + tuple(Cited(f"Extra judgment {i}: " + "x " * 80, many[i::9]) for i in range(9)),
        notes=tuple(Cited(long_note, many[i::5]) for i in range(5)),
    )


def maximal_page(template, page_size):
    """The template on the shipped data, every provision picked, then made maximal."""
    db = paths.bundled_db_path()
    store = ReferenceStore(db)
    request = BriefingRequest(
        template=template,
        page_size=page_size,
        author="An Analyst",
        provision_ids=tuple(p.id for p in store.provisions()),
    )
    briefing = maximal(composer(db).compose(request), [s.id for s in store.sources()])
    store.close()
    return briefing


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_maximal_content_still_fits_one_page(template, page_size):
    briefing = maximal_page(template, page_size)
    reader = pdf(render(briefing))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert re.search(r"\d+ lower-priority item\(s\) left out", text)
    assert "UNCLASSIFIED" in text and "Bottom line up front" in text


def test_small_content_leaves_nothing_out(fixture_db):
    briefing = composer(fixture_db).compose(BriefingRequest(template="sanctions"))
    text = pdf(render(briefing)).pages[0].extract_text()
    assert "left out" not in text
    assert "S/RES/2087 (2013) OP2" in text


def test_no_text_style_below_the_minimum():
    assert all(style.fontSize >= MIN_POINTS for style in styles().values())


def test_user_text_comes_out_exactly_as_typed(fixture_db):
    typed = 'Q&A <b>not bold</b> "quoted" \'single\' <img src="x"/> 천리마 Союз ⚠☺'
    from dataclasses import replace

    briefing = replace(
        composer(fixture_db).compose(BriefingRequest()), bluf=typed, author="Ким <Kim>"
    )
    text = pdf(render(briefing)).pages[0].extract_text()
    assert typed in text.replace("\n", " ")
    assert "Ким <Kim>" in text


def test_metadata_names_the_app_and_dataset(fixture_db):
    briefing = composer(fixture_db).compose(BriefingRequest(author="An Analyst"))
    info = pdf(render(briefing)).metadata
    assert info.title == briefing.title
    assert info.author == "An Analyst"
    assert info.subject.startswith(briefing.bluf[:50])
    assert "DPRK" in info["/Keywords"]
    assert re.match(r"Briefer \d+\.\d+\.\d+ \(dataset test\.1\)", info.creator)


def test_banner_and_page_size(fixture_db):
    briefing = composer(fixture_db).compose(
        BriefingRequest(banner="SECRET//REL TO TEST", page_size="a4")
    )
    page = pdf(render(briefing)).pages[0]
    assert page.extract_text().count("SECRET//REL TO TEST") == 2
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_failed_write_leaves_no_file(fixture_db, tmp_path, monkeypatch):
    import briefer.files as module

    briefing = composer(fixture_db).compose(BriefingRequest())
    monkeypatch.setattr(
        module.os, "replace", lambda *_: (_ for _ in ()).throw(OSError("disk full"))
    )
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OSError, match="disk full"):
        write_briefing(briefing, folder / "brief.pdf")
    assert list(folder.iterdir()) == []


def test_emoji_outside_the_basic_plane_still_render(fixture_db):
    """Drawn with the bundled symbol font; reportlab's text map cannot name them for copy-paste."""
    from dataclasses import replace

    briefing = replace(composer(fixture_db).compose(BriefingRequest()), bluf="Launch 😀 watch")
    reader = pdf(render(briefing))
    assert len(reader.pages) == 1
    fonts_used = str(reader.pages[0]["/Resources"]["/Font"])
    assert len(reader.pages[0]["/Resources"]["/Font"]) >= 2, fonts_used  # body and symbol fonts


def test_the_footer_counts_the_analysts_own_items_only_when_their_timeline_is_on_the_page(
    fixture_db,
):
    from dataclasses import replace

    from briefer.briefing.render import BriefingLayout
    from briefer.domain.briefing import TimelineMark, analyst_items_text

    briefing = composer(fixture_db).compose(BriefingRequest())
    mine = tuple(
        TimelineMark(f"2024-0{month}-01", f"Mine {month}", "satellite_launch", "unknown", True)
        for month in (5, 6)
    )
    two = replace(briefing, timeline=briefing.timeline + mine)
    assert analyst_items_text(2) == "includes 2 analyst-entered items"
    assert analyst_items_text(1) == "includes 1 analyst-entered item"
    text = " ".join(pdf(render(two)).pages[0].extract_text().split())
    assert "includes 2 analyst-entered items" in text
    footer = BriefingLayout(two).text.footer
    assert footer.index("includes 2") < footer.index("dataset")  # kept when a footer is cut
    layout = BriefingLayout(two)
    layout.story([], 0)  # a page on which the timeline found no room
    layout.settle_footer()
    assert "analyst-entered" not in layout.text.footer


def test_citation_marks_never_repeat_a_number_and_collapse_runs():
    from briefer.briefing.citations import SourceNumbers, collapsed

    numbers = SourceNumbers()
    assert numbers.marks(("a", "a", "b")) == " [1, 2]"  # the same source twice: one number
    assert numbers.marks(("b", "a")) == " [1, 2]"  # in order, whatever the citing order
    assert numbers.marks(()) == ""
    assert collapsed([1, 3, 4, 5, 8]) == "1, 3–5, 8"
    assert collapsed([3, 4]) == "3, 4"


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_pdf_reads_well_in_a_viewer(template):
    """Title bar, language, an outline entry per section, its real date, every font embedded."""
    db = paths.bundled_db_path()
    store = ReferenceStore(db)
    request = BriefingRequest(template=template, provision_ids=(store.provisions()[0].id,))
    briefing = composer(db).compose(request)
    data = render(briefing)
    reader = pdf(data)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    text = reader.pages[0].extract_text()
    entries = [entry.title for entry in reader.outline]
    assert entries and all(title in text for title in entries)
    assert "Sources" in entries
    day, clock = briefing.generated_utc.removesuffix(" UTC").split()
    stamp = day.replace("-", "") + clock.replace(":", "")
    assert reader.metadata["/CreationDate"].startswith(f"D:{stamp}")
    fonts_used = {
        font["/BaseFont"]
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        for font in [font.get_object()]
    }
    assert fonts_used and not any("Helvetica" in name for name in fonts_used)
    assert all("+" in name for name in fonts_used)  # subset-embedded TrueType only


def test_a_judgments_confidence_is_printed_after_its_sources(fixture_db):
    from dataclasses import replace

    briefing = composer(fixture_db).compose(BriefingRequest())
    first = briefing.judgments[0]
    briefing = replace(briefing, judgments=(replace(first, confidence="moderate"),))
    text = " ".join(pdf(render(briefing)).pages[0].extract_text().split())
    assert re.search(r"\] \(moderate confidence\)", text)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_page_with_items_left_out_leaves_little_room_unused(template, page_size):
    from briefer.briefing.render import BriefingLayout, fit

    briefing = maximal_page(template, page_size)
    layout = BriefingLayout(briefing)
    story = fit(layout)
    assert any("left out" in getattr(f, "text", "") for f in story)
    unused = (layout.frame_height - layout.height(story)) / layout.frame_height
    assert 0 <= unused <= 0.05
