"""``briefer data info --quality``: how well the dataset is sourced, in figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefer.store.reference import ReferenceStore

WEAK = "encyclopaedias or mirrors only"


@dataclass(frozen=True)
class QualityReport:
    figures: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return self.figures

    @property
    def official_share(self) -> float:
        kinds = self.figures["sources_by_kind"]
        total = sum(kinds.values())
        return kinds.get("official", 0) / total if total else 0.0

    def as_text(self) -> str:
        lines = []
        for view, table in self.figures["tables"].items():
            weak = table["resting_only_on_weak_sources"]
            lines += [
                f"{view}: {table['rows']} rows",
                f"  by confidence: {_counts(table['by_confidence']) or 'n/a'}",
                f"  citations by source kind: {_counts(table['citations_by_source_kind'])}",
                f"  resting on {WEAK}: {len(weak)}" + (f" ({', '.join(weak)})" if weak else ""),
            ]
        kinds = self.figures["sources_by_kind"]
        unknown = self.figures["unknown_headline_specs"]
        lines += [
            f"sources: {sum(kinds.values())} ({_counts(kinds)}); "
            f"official {self.official_share:.0%}",
            f"headline specs still unknown: {len(unknown)}"
            + (f" ({', '.join(unknown)})" if unknown else ""),
            "events per year (launches aside): " + _counts(self.figures["events_per_year"]),
        ]
        return "\n".join(lines)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items())


def quality_report(store: ReferenceStore) -> QualityReport:
    return QualityReport(store.quality())
