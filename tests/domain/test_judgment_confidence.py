"""A key judgment's confidence level travels as a token at the end of its line."""

from briefer.domain.briefing import Cited, split_confidence, with_confidence


def test_the_token_is_read_and_set_at_the_end_of_the_line_only():
    assert split_confidence("Launch likely within weeks [Moderate] ") == (
        "Launch likely within weeks",
        "moderate",
    )
    assert split_confidence("A [high] word inside stays text") == (
        "A [high] word inside stays text",
        "",
    )
    assert with_confidence("Launch likely [low]", "high") == "Launch likely [high]"
    assert with_confidence("Launch likely [low]", "") == "Launch likely"
    assert Cited("x", (), "low").confidence_text == " (low confidence)"
    assert Cited("x").confidence_text == ""
