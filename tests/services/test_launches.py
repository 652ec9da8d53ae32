"""Launch counts from the reference rows."""

from briefer.services.launches import LaunchService
from briefer.store.reference import ReferenceStore


def test_tally_counts_from_rows(fixture_db):
    tally = LaunchService(ReferenceStore(fixture_db)).tally()
    assert (tally.attempts, tally.reached_orbit, tally.claimed_success) == (3, 1, 2)
    assert tally.sentence == "1 of 3 attempts reached orbit"
