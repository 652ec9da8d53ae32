"""The analyst's own records on a briefing's timeline, marked so the footer can count them."""

from __future__ import annotations

import logging
from collections.abc import Collection

from briefer.domain.briefing import TimelineMark
from briefer.services.local_records import LocalRecordsService
from briefer.store.errors import StoreError

LOG = logging.getLogger("briefer")


def local_marks(
    local: LocalRecordsService | None, categories: Collection[str]
) -> list[TimelineMark]:
    """The records in use that a briefing timeline would show of the dataset's: launch
    attempts, and events of ``categories`` known to the day."""
    try:
        records = local.records() if local is not None else []
    except StoreError as error:  # the briefing still stands on the dataset
        LOG.warning("briefing leaves out your own records: %s", error)
        return []
    return [
        TimelineMark(
            c.date_utc, c.vehicle or c.title, c.category, c.outcome or "none", True, record.ref
        )
        for record in records
        if (c := record.content).is_launch
        or (c.category in categories and c.date_precision == "day")
    ]
