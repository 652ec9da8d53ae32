import pytest

from briefer.domain.search import (
    highlight,
    matched,
    name_key,
    parse_query,
    plain,
    snippet,
)


def test_name_key_ignores_case_accents_and_punctuation_but_keeps_hangul():
    assert name_key("Kwangmyŏngsŏng-1") == name_key("kwangmyongsong 1") == "kwangmyongsong 1"
    assert name_key("Tongch'ang-ri") == "tongch ang ri"
    assert name_key("만리경-1호") == "만리경 1호"
    assert name_key("Союз-2.1б") == "союз 2 1б"


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("Chollima", '"chollima"*'),
        ("Chollima-1", '"chollima"* "1"*'),
        ('"aerospace training" 2270', '"aerospace training"* "2270"*'),
        ('say "no', '"say"* "no"*'),
        ("a NEAR(b) OR -c*", '"near"* "or"* "c"*'),
        ("a b", '"a"* "b"*'),
        ("S/RES/2270", '"res"* "2270"*'),
        ("만리경", '"만리경"*'),
    ],
)
def test_typed_text_becomes_quoted_prefix_terms(typed, match):
    assert parse_query(typed).match == match


@pytest.mark.parametrize("typed", ["", "   ", '"', "*", "-", "()", '""', "…", "_"])
def test_text_without_words_is_an_empty_query(typed):
    assert parse_query(typed).is_empty


def test_highlight_marks_words_starting_with_a_query_word():
    parts = highlight("Chollima-1 carried Malligyong-1", ("chol", "mall"))
    assert [text for text, hit in parts if hit] == ["Chollima", "Malligyong"]
    assert plain(parts) == "Chollima-1 carried Malligyong-1"


def test_highlight_folds_accents_in_the_text():
    parts = highlight("Kwangmyŏngsŏng-3", ("kwangmyongsong",))
    assert parts[0] == ("Kwangmyŏngsŏng", True)


def test_snippet_is_cut_around_the_first_match_with_ellipses():
    text = " ".join(f"w{i}" for i in range(60)) + " target " + " ".join("x" * 3 for _ in range(40))
    parts = snippet(text, ("target",), width=10)
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    assert ("target", True) in parts
    assert len(plain(parts).split()) <= 12


def test_snippet_of_text_without_a_match_starts_at_the_beginning():
    parts = snippet("one two three", ("zzz",))
    assert plain(parts) == "one two three" and not matched(parts)
