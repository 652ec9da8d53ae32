import pytest

from briefer.services.estimative import check


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A launch is likely before the end of 2027.", []),
        ("It is almost certainly a Chollima-1 derivative.", []),
        ("Russia very likely supplied the engine; a test is highly improbable.", []),
        ("Pyongyang will maybe launch again.", ["maybe"]),
        ("Russia could supply engines and certainly has the means.", ["could", "certainly"]),
        ("A launch is highly likely.", ["highly likely"]),
        ("Perhaps; it is doubtful.", ["Perhaps", "doubtful"]),
    ],
)
def test_off_scale_words_are_flagged(text, words):
    assert [f.word for f in check(text)] == words


def test_suggestions_point_to_the_scale():
    finding = check("It will definitely fail.")[0]
    assert finding.suggestion == "almost certainly"
    assert "not on the estimative scale" in finding.message
    assert "It will definitely fail."[finding.start : finding.end] == "definitely"


def test_confidence_and_likelihood_belong_in_separate_sentences():
    mixed = check("We assess with high confidence that a launch is likely in 2026.")
    assert [f.word for f in mixed] == ["high confidence"]
    apart = check("A launch in 2026 is likely. We have moderate confidence in this judgment.")
    assert apart == []
