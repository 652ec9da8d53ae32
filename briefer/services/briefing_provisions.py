"""Which sanctions paragraphs a briefing cites: those on what it is about, never a paragraph
that merely mentions a launch (a petroleum trigger clause, a travel ban) ahead of the bans
that matter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefer.domain.records import Provision
from briefer.domain.vocabulary import Confidence, ProvisionTopic

LAUNCH_BANS = ProvisionTopic.BALLISTIC_MISSILE_LAUNCHES
OVERVIEW_TOPICS = (LAUNCH_BANS, ProvisionTopic.TECHNICAL_COOPERATION, ProvisionTopic.TRAINING)
COMPARISON_TOPICS = (
    ProvisionTopic.TECHNICAL_COOPERATION,
    ProvisionTopic.TRAINING,
    ProvisionTopic.TRANSFERS,
)
SANCTIONS_TOPICS = (LAUNCH_BANS, *COMPARISON_TOPICS)  # when the analyst picked none
_CONFIDENCE_ORDER: dict[str, int] = {
    Confidence.CONFIRMED: 0,
    Confidence.LIKELY: 1,
    Confidence.UNVERIFIED: 2,
}


def main_topic(provision: Provision) -> str:
    """A paragraph's first topic is what it is about; the others are what it touches."""
    return provision.topics[0] if provision.topics else ""


def on_topics(provisions: Iterable[Provision], topics: Sequence[str]) -> list[Provision]:
    """Paragraphs in force whose main topic is one of ``topics``, taking one topic after the
    other (so the first few cover every topic), each topic's founding paragraph first (then,
    within a resolution, a paragraph whose number is confirmed before one whose is not)."""
    queues = [_ranked(p for p in provisions if main_topic(p) == topic) for topic in topics]
    chosen: list[Provision] = []
    while any(queues):
        for queue in queues:
            if queue:
                chosen.append(queue.pop(0))
    return chosen


def for_launch(provisions: Sequence[Provision], bearing: set[str]) -> list[Provision]:
    """The paragraphs a launch bears on (as the data links them), then the launch bans in
    force that are not among them."""
    linked = _ranked((p for p in provisions if p.id in bearing), in_force_only=False)
    bans = [p for p in on_topics(provisions, (LAUNCH_BANS,)) if p.id not in bearing]
    return [*linked, *bans]


def _ranked(provisions: Iterable[Provision], in_force_only: bool = True) -> list[Provision]:
    kept = [p for p in provisions if p.status == "in_force" or not in_force_only]
    return sorted(
        kept,
        key=lambda p: (
            p.status != "in_force",
            p.resolution_number,
            _CONFIDENCE_ORDER.get(p.confidence, 3),
            p.id,
        ),
    )
