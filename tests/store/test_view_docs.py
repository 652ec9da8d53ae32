"""Every column of every public view is described once, in analyst's words."""

import sqlite3

from briefer.domain.vocabulary import Outcome
from briefer.store.schema import PUBLIC_VIEWS
from briefer.store.view_docs import SEARCH_DOCS, VIEW_DOCS, one_of


def test_every_public_view_and_column_has_a_description():
    assert set(VIEW_DOCS) == set(PUBLIC_VIEWS)
    for view, columns in PUBLIC_VIEWS.items():
        doc = VIEW_DOCS[view]
        assert doc.description.strip(), view
        assert list(doc.columns) == list(columns), view
        blank = [name for name, text in doc.columns.items() if len(text.strip()) < 10]
        assert blank == [], view


def test_the_search_table_is_described_column_by_column(fixture_db):
    with sqlite3.connect(f"file:{fixture_db}?mode=ro", uri=True) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(search_docs)")]
    assert list(SEARCH_DOCS.columns) == columns
    assert "note" not in SEARCH_DOCS.columns["kind"]  # notes are never in the reference data


def test_vocabularies_are_spelt_out_from_the_domain():
    assert one_of(Outcome) == "success, failure, partial or unknown"
    docs = VIEW_DOCS["launch_attempts"].columns
    assert one_of(Outcome) in docs["outcome"]
    assert "claimed_outcome" in docs["outcome"]  # the claim is kept apart from the assessment
    assert "confirmed" in docs["confidence"] and "unverified" in docs["confidence"]
    assert "JSON array" in VIEW_DOCS["sanctions_provisions"].columns["topics"]
