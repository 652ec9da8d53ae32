"""The briefing as plain text: every section, sources numbered as cited, nothing hidden."""

import re
from dataclasses import replace

from briefer.briefing.plain_text import as_plain_text
from briefer.domain.briefing import Cited, TimelineMark
from briefer.domain.briefing_recipe import BriefingRequest
from tests.briefing.test_render import composer


def test_every_section_and_a_numbered_source_for_each_citation(fixture_db):
    briefing = composer(fixture_db).compose(BriefingRequest(template="overview"))
    text = as_plain_text(briefing)
    lines = text.splitlines()
    assert lines[0] == lines[-1] == briefing.banner
    assert lines[2] == briefing.title
    for heading in ("Key judgments", "Comparison", "Relevant provisions", "Sources"):
        assert heading in lines
    cited = {int(n) for group in re.findall(r"\[([\d, –]+)\]", text) for n in _numbers(group)}
    listed = [int(m) for m in re.findall(r"^\[(\d+)\] ", text, re.M)]
    assert listed == list(range(1, len(listed) + 1)) and cited == set(listed)


def _numbers(group):
    for part in group.split(", "):
        low, _, high = part.partition("–")
        yield from range(int(low), int(high or low) + 1)


def test_the_analysts_own_item_and_typed_control_characters(fixture_db):
    briefing = composer(fixture_db).compose(BriefingRequest())
    own = TimelineMark("2026-11-28", "Delegation at Sohae", "military_cooperation", "none", True)
    briefing = replace(
        briefing,
        timeline=(*briefing.timeline, own),
        author="An \x1b[31mAnalyst\x07",
        judgments=(Cited("Same source twice", ("src-a", "src-a")),),
    )
    text = as_plain_text(briefing)
    assert "- 2026-11-28 Delegation at Sohae (your own record, not in the dataset)" in text
    assert "includes 1 analyst-entered item" in text
    assert "\x1b" not in text and "\x07" not in text and "An [31mAnalyst" in text
    assert "- Same source twice [1]" in text


def test_joiners_that_persian_and_emoji_need_are_kept_and_overrides_dropped(fixture_db):
    briefing = composer(fixture_db).compose(BriefingRequest())
    typed = "می\u200cخواهم 👩\u200d🔬 \u202eevil"
    text = as_plain_text(replace(briefing, author=typed))
    assert "می\u200cخواهم 👩\u200d🔬 evil" in text and "\u202e" not in text
