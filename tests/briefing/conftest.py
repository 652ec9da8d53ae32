"""A composer over the tiny fixture database, and ways to read a rendered page back."""

import io

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from briefer.services.briefing import BriefingComposer
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


def make_composer(db, **kwargs) -> BriefingComposer:
    store = ReferenceStore(db)
    launches = LaunchService(store)
    return BriefingComposer(
        store, launches, ComparisonService(store, launches), SanctionsService(store), **kwargs
    )


@pytest.fixture
def composer(fixture_db) -> BriefingComposer:
    return make_composer(fixture_db)


def pages(data: bytes) -> list[str]:
    """Each page's text as pypdf reads it (the code points the PDF maps its glyphs to)."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def reader_text(data: bytes) -> str:
    """The first page's text as PDFium reads it: right-to-left runs back in logical order."""
    document = pdfium.PdfDocument(data)
    try:
        return document[0].get_textpage().get_text_range()
    finally:
        document.close()
