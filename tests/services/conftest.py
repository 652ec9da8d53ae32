"""Fixtures of the service tests that read the shipped dataset."""

import pytest

from briefer import paths
from briefer.services.briefing import BriefingComposer
from briefer.services.comparison import ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.reference import ReferenceStore


@pytest.fixture(scope="module")
def shipped_store():
    store = ReferenceStore(paths.bundled_db_path())
    yield store
    store.close()


@pytest.fixture(scope="module")
def shipped_composer(shipped_store):
    """The briefing composer on the shipped dataset."""
    launches = LaunchService(shipped_store)
    comparison = ComparisonService(shipped_store, launches)
    return BriefingComposer(shipped_store, launches, comparison, SanctionsService(shipped_store))
