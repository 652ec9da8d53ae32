import sys

from briefer.services.dataset import summarize
from briefer.store.reference import ReferenceStore
from briefer.ui.dialogs.about import about_html


def test_about_lists_licences_and_says_where_a_bundle_keeps_their_texts(
    fixture_db, tmp_path, monkeypatch
):
    summary = summarize(ReferenceStore(fixture_db))
    plain = about_html(summary, ["UN"])
    for name in ("LGPL-3.0", "PSF-2.0", "SIL Open Font License 1.1", "own words", "MIT"):
        assert name in plain
    assert "come with each package" in plain
    assert "python-bidi" in plain and "arabic-reshaper" in plain  # the PDF's right-to-left text
    (tmp_path / "LICENSES").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    bundled = about_html(summary, ["UN"])
    assert f"{tmp_path / 'LICENSES'}" in bundled
