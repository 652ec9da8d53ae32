"""Edits from the compose dialog: text replaced, sources kept where a line is unchanged."""

from briefer.domain.briefing import Briefing, Cited, ComparisonTable, TimelineMark
from briefer.domain.briefing_recipe import BriefingEdits
from briefer.services.briefing_edits import apply_edits, note_lines


def draft() -> Briefing:
    return Briefing(
        template="overview",
        title="Draft title",
        date="2026-11-27",
        as_of="2026-11-27",
        author="",
        banner="UNCLASSIFIED",
        page_size="a4",
        bluf="Draft bottom line.",
        judgments=(Cited("First finding.", ("src-a",)), Cited("Second finding.", ("src-b",))),
        timeline=(TimelineMark("2023-05-31", "Launch", "satellite_launch", "failure"),),
        comparison=ComparisonTable(headers=("", "A"), rows=(("Height", "1 m"),)),
        provisions=(Cited("OP 3 of 1718", ("res-1718",)),),
        notes=(),
    )


def test_no_edits_return_the_draft_unchanged():
    assert apply_edits(draft(), BriefingEdits()) == draft()


def test_edited_judgments_keep_sources_only_for_unchanged_lines():
    edits = BriefingEdits(judgments="Second finding.\n\n  First finding, reworded.  \n")
    judgments = apply_edits(draft(), edits).judgments
    assert judgments == (
        Cited("Second finding.", ("src-b",)),
        Cited("First finding, reworded.", ()),
    )


def test_title_and_bluf_are_replaced_and_sections_can_be_dropped():
    edited = apply_edits(
        draft(),
        BriefingEdits(
            title="Mine",
            bluf="My bottom line.",
            include_timeline=False,
            include_comparison=False,
            include_provisions=False,
        ),
    )
    assert (edited.title, edited.bluf) == ("Mine", "My bottom line.")
    assert edited.timeline == () and edited.comparison is None and edited.provisions == ()
    assert edited.judgments == draft().judgments


def test_blank_notes_are_left_out_and_the_rest_name_their_record():
    lines = note_lines([("Launch 2012", "Check telemetry."), ("Resolution 2270", "   ")])
    assert lines == (Cited("Launch 2012: Check telemetry."),)
