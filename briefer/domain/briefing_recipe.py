"""What makes a briefing again: the request the composer drafts from, the analyst's edits on
top of that draft, and, once exported, the saved briefing with the facts its page rested on."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.briefing import DEFAULT_BANNER, Cited, Fact


@dataclass(frozen=True)
class BriefingRequest:
    template: str = "overview"
    launch_id: str | None = None
    subject_ids: tuple[str, ...] = ()
    provision_ids: tuple[str, ...] = ()
    banner: str = DEFAULT_BANNER
    author: str = ""
    page_size: str = "letter"
    date: str = ""  # the briefing's date; empty for today where the composer runs
    notes: tuple[Cited, ...] = ()
    include_local: bool = True  # the analyst's own records on the timeline (the footer says so)
    scenario_id: str | None = None  # the scenario template's cooperation scenario


@dataclass(frozen=True)
class BriefingEdits:
    """What the analyst changed in the compose dialog; None keeps the composed draft."""

    title: str | None = None
    bluf: str | None = None
    judgments: str | None = None  # one judgment per line
    include_timeline: bool = True
    include_comparison: bool = True
    include_provisions: bool = True
    # the judgments as saved, with their sources: a line the analyst kept from an older
    # draft keeps its sources when a newer dataset drafts it differently
    saved_judgments: tuple[Cited, ...] = ()


@dataclass(frozen=True)
class BriefingRecipe:
    """Everything needed to make the page again: the request (with the analyst's note lines
    as printed) and the edits."""

    request: BriefingRequest
    edits: BriefingEdits = BriefingEdits()


@dataclass(frozen=True)
class FactChange:
    label: str
    before: str  # '' when the fact is new since
    after: str  # '' when the record is no longer in the dataset

    @property
    def sentence(self) -> str:
        if not self.before:
            return f"{self.label}: new since ({self.after})"
        if not self.after:
            return f"{self.label}: no longer in the dataset (was {self.before})"
        return f"{self.label}: {self.before} → {self.after}"


@dataclass(frozen=True)
class SavedBriefing:
    """An exported briefing kept in the user database, to reopen, reissue or re-export."""

    id: str
    title: str
    template: str
    saved_utc: str
    dataset_version: str
    page_size: str
    recipe: BriefingRecipe
    facts: tuple[Fact, ...] = ()
    exported_to: str = ""


def changed_facts(before: tuple[Fact, ...], now: tuple[Fact, ...]) -> list[FactChange]:
    """What differs between the facts a page rested on and the same facts today: changed
    values, records gone, and facts new since, in the order the page listed them."""
    current = {fact.key: fact for fact in now}
    earlier = {fact.key for fact in before}
    changes = []
    for fact in before:
        other = current.get(fact.key)
        if other is None:
            changes.append(FactChange(fact.label, fact.value, ""))
        elif other.value != fact.value:
            changes.append(FactChange(fact.label, fact.value, other.value))
    changes += [FactChange(f.label, "", f.value) for f in now if f.key not in earlier]
    return changes
