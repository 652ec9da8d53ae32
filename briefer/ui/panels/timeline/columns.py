"""Timeline items as NumPy columns, so drawing and hit-testing scale to a million rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefer.domain.vocabulary import Outcome
from briefer.services.timeline import NO_OUTCOME, TimelineItem
from briefer.ui.panels.timeline.style import LANE_INDEX

OUTCOMES: tuple[str, ...] = (*Outcome, NO_OUTCOME)
_OUTCOME_CODE = {outcome: code for code, outcome in enumerate(OUTCOMES)}


@dataclass(frozen=True)
class TimelineColumns:
    """Point items sorted by time: x (their middle), lane, outcome code, span and title.

    ``index`` maps each row back to the caller's list of items.
    """

    x: np.ndarray
    lane: np.ndarray
    outcome: np.ndarray
    fuzzy: np.ndarray
    low: np.ndarray
    high: np.ndarray
    index: np.ndarray
    titles: Sequence[str]
    local: np.ndarray | None = None  # True: the analyst's own record (None: none is)

    def __len__(self) -> int:
        return int(self.x.size)

    def lane_rows(self, lane: int) -> np.ndarray:
        return np.flatnonzero(self.lane == lane)


def columns_from_items(items: Sequence[TimelineItem]) -> TimelineColumns:
    """Columns for the point items (periods are drawn apart, as bands)."""
    rows = [(i, item) for i, item in enumerate(items) if not item.is_period]
    rows.sort(key=lambda pair: pair[1].middle)
    return TimelineColumns(
        x=np.array([item.middle for _, item in rows], dtype=np.float64),
        lane=np.array([LANE_INDEX.get(item.category, 0) for _, item in rows], dtype=np.int16),
        outcome=np.array([_OUTCOME_CODE.get(item.outcome, 3) for _, item in rows], dtype=np.int8),
        fuzzy=np.array([item.is_fuzzy for _, item in rows], dtype=bool),
        low=np.array([item.start for _, item in rows], dtype=np.float64),
        high=np.array([item.end for _, item in rows], dtype=np.float64),
        index=np.array([i for i, _ in rows], dtype=np.int64),
        titles=[item.title for _, item in rows],
        local=np.array([item.local for _, item in rows], dtype=bool)
        if any(item.local for _, item in rows)
        else None,
    )


def synthetic_columns(
    count: int, lanes: int, start: float, end: float, seed: int = 42
) -> TimelineColumns:
    """A reproducible data set of ``count`` point items, for benchmarks and scale tests."""
    generator = np.random.default_rng(seed)
    x = np.sort(generator.uniform(start, end, count))
    titles = _LazyTitles(count)
    lane = generator.integers(0, lanes, count).astype(np.int16)
    # Like the real data: only launch attempts (lane 0) have an outcome.
    launch_outcome = generator.integers(0, len(OUTCOMES) - 1, count).astype(np.int8)
    outcome = np.where(lane == 0, launch_outcome, len(OUTCOMES) - 1).astype(np.int8)
    return TimelineColumns(
        x=x,
        lane=lane,
        outcome=outcome,
        fuzzy=np.zeros(count, dtype=bool),
        low=x,
        high=x,
        index=np.arange(count, dtype=np.int64),
        titles=titles,
    )


class _LazyTitles(Sequence[str]):
    """Titles made on demand: a million synthetic strings would dominate the benchmark."""

    def __init__(self, count: int) -> None:
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, position: int) -> str:  # type: ignore[override]
        return f"Synthetic event {position}"
