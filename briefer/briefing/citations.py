"""How a briefing cites: sources numbered in order of first use, each number once in a bracket,
runs collapsed, and the numbered list at the end (the PDF and the plain text alike)."""

from __future__ import annotations

from briefer.domain.records import Source

CITES_PER_ITEM = 2


class SourceNumbers:
    """Sources numbered in order of first citation among the items kept on the page."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def marks(self, ids: tuple[str, ...], every: bool = False) -> str:
        """Marks for an item's first distinct sources (the dataset lists the strongest first),
        each number once, in order, runs collapsed: `` [3-5, 8]`` (with an en dash)."""
        numbers = set()
        for source_id in first_sources(ids, every):
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.add(self.order.index(source_id) + 1)
        return f" [{collapsed(sorted(numbers))}]" if numbers else ""


def collapsed(numbers: list[int]) -> str:
    """``[1, 3, 4, 5, 8]`` -> ``1, 3-5, 8`` with an en dash (a run of two stays ``3, 4``)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = []
    for run in runs:
        if len(run) > 2:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts += [str(number) for number in run]
    return ", ".join(parts)


def first_sources(ids: tuple[str, ...], every: bool = False) -> tuple[str, ...]:
    """The distinct sources an item cites on the page: its first (strongest) few, or all."""
    distinct = tuple(dict.fromkeys(ids))
    return distinct if every else distinct[:CITES_PER_ITEM]


def source_line(position: int, source: Source) -> str:
    """``[3] Publisher: Title, 2024-05-27. https://…``"""
    date = f", {source.published}" if source.published else ""
    where = f" {source.url}" if source.url else ""
    return f"[{position}] {source.publisher}: {source.title}{date}.{where}"
