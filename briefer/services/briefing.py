"""Composing a one-page briefing from the same data and calls the panels use.

The composer writes a factual first draft (counts, dates, outcomes, each with its sources);
the analyst edits it in the compose dialog or passes their own text on the command line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefer.domain.briefing import (
    DEFAULT_BANNER,
    TEMPLATES,
    Briefing,
    Cited,
    ComparisonTable,
    TimelineMark,
)
from briefer.domain.briefing_recipe import BriefingRequest
from briefer.domain.records import EntityRef, LaunchAttempt, Provision
from briefer.domain.vocabulary import Category, EntityKind, SubjectKind
from briefer.services import briefing_templates as wording
from briefer.services.briefing_comparison import first_flights, vehicle_judgments
from briefer.services.briefing_facts import facts_of
from briefer.services.briefing_local import local_marks
from briefer.services.briefing_provisions import (
    COMPARISON_TOPICS,
    OVERVIEW_TOPICS,
    SANCTIONS_TOPICS,
    for_launch,
    on_topics,
)
from briefer.services.comparison import MAX_SUBJECTS, ComparisonMatrix, ComparisonService
from briefer.services.launches import LaunchService
from briefer.services.sanctions import SanctionsService
from briefer.store.errors import StoreError
from briefer.store.reference import ReferenceStore

if TYPE_CHECKING:
    from briefer.services.local_records import LocalRecordsService

LOG = logging.getLogger("briefer")


class BriefingError(StoreError):
    """A request the composer cannot honour (an unknown id, a bad option): one-line message."""


def local_now() -> datetime:
    """The time now in this machine's zone, aware (the zone has a name)."""
    return datetime.now().astimezone()


class BriefingComposer:
    def __init__(
        self,
        store: ReferenceStore,
        launches: LaunchService,
        comparison: ComparisonService,
        sanctions: SanctionsService,
        clock: Callable[[], datetime] = local_now,
        local: LocalRecordsService | None = None,
    ) -> None:
        self._clock = clock
        self._local = local
        self._store = store
        self._launches = launches
        self._comparison = comparison
        self._sanctions = sanctions
        self._reported_missing: set[str] = set()

    def compose(self, request: BriefingRequest) -> Briefing:
        """The factual draft for ``request``; raises BriefingError for unknown ids."""
        builders = {
            "overview": self._overview,
            "launch": self._launch,
            "comparison": self._comparison_brief,
            "sanctions": self._sanctions_brief,
            "scenario": self._scenario_brief,
        }
        if request.template not in builders:
            choices = ", ".join(TEMPLATES)
            raise BriefingError(f"unknown template '{request.template}' ({choices})")
        if request.subject_ids:
            request = replace(request, subject_ids=tuple(dict.fromkeys(request.subject_ids)))
            if len(request.subject_ids) > MAX_SUBJECTS:
                raise BriefingError(f"at most {MAX_SUBJECTS} systems fit one comparison")
            self._kind_of(request.subject_ids)  # unknown or mixed ids fail before any work
        self._selected_or(request, ())  # so do unknown provision ids
        briefing = builders[request.template](request)
        if not request.include_local:
            briefing = replace(
                briefing, timeline=tuple(m for m in briefing.timeline if not m.local)
            )
        provisions = {p.id: p for p in self._sanctions.provisions()}
        briefing = replace(briefing, facts=facts_of(briefing, provisions))
        info = self._store.dataset_info()
        day, zone, generated = _dated(request.date, self._clock())
        return replace(
            briefing,
            notes=request.notes,
            sources={s.id: s for s in self._store.sources()},
            dataset_version=info.dataset_version,
            as_of=info.as_of,
            coverage_through=info.coverage_through,
            date=day,
            date_zone=zone,
            generated_utc=generated,
        )

    # shared pieces ----------------------------------------------------------------------
    def _base(self, request: BriefingRequest, title: str, bluf: str) -> Briefing:
        return Briefing(
            template=request.template,
            title=title,
            date=request.date,
            as_of="",
            author=request.author,
            banner=request.banner or DEFAULT_BANNER,
            page_size=request.page_size,
            bluf=bluf,
            judgments=(),
            timeline=(),
            comparison=None,
            provisions=(),
            notes=(),
            keywords=("DPRK", "satellite launch", request.template),
        )

    def _timeline(self, since: str = "", until: str = "9999") -> tuple[TimelineMark, ...]:
        launch_kind, event_kind = EntityKind.LAUNCH_ATTEMPT, EntityKind.EVENT
        marks = [
            TimelineMark(
                launch.date_utc,
                launch.vehicle,
                Category.SATELLITE_LAUNCH,
                launch.outcome,
                ref=EntityRef(launch_kind, launch.id),
            )
            for launch in self._launches.attempts()
            if since <= launch.date_utc <= until
        ]
        marks += [
            TimelineMark(
                event.date_utc,
                event.title,
                event.category,
                "none",
                ref=EntityRef(event_kind, event.id),
            )
            for event in self._store.timeline_events()
            if event.category in wording.CONTEXT_CATEGORIES
            and since <= event.date_utc <= until
            and not event.id.startswith("unsc-res-")
            and event.date_precision == "day"
        ]
        local = local_marks(self._local, wording.CONTEXT_CATEGORIES)
        marks += [m for m in local if since <= m.date_utc <= until]
        return tuple(sorted(marks, key=lambda m: m.date_utc))

    def _table(self, kind: str, subject_ids: Sequence[str]) -> ComparisonTable:
        matrix = self._comparison.matrix(kind, subject_ids)
        rows = []
        wanted = (
            wording.VEHICLE_TABLE if kind == SubjectKind.LAUNCH_VEHICLE else wording.SATELLITE_TABLE
        )
        sources: list[str] = []
        for row in matrix.rows:
            if row.attribute in wanted:
                rows.append((row.heading, *(cell.display() for cell in row.cells)))
                sources += [s for cell in row.cells for s in cell.sources]
        headers = ("", *(subject.name for subject in matrix.subjects))
        return ComparisonTable(headers, tuple(rows), tuple(dict.fromkeys(sources)))

    def provision_choices(self) -> list[tuple[str, str]]:
        """``(id, label)`` of every provision a briefing can cite, launch-relevant ones first."""
        relevant = self._launch_provisions()
        ids = {p.id for p in relevant}
        rest = [p for p in self._sanctions.provisions() if p.id not in ids]
        every = [*relevant, *rest]
        return [(p.id, f"{p.resolution_symbol} {p.paragraph}: {p.summary}") for p in every]

    @staticmethod
    def _with_provisions(briefing: Briefing, provisions: Sequence[Provision]) -> Briefing:
        lines = tuple(
            Cited(f"{p.resolution_symbol} {p.paragraph} ({_status(p)}): {p.summary}", p.sources)
            for p in provisions
        )
        return replace(briefing, provisions=lines, provision_ids=tuple(p.id for p in provisions))

    def _launch_provisions(self) -> list[Provision]:
        topics = wording.LAUNCH_TOPICS
        provisions = [p for p in self._sanctions.provisions() if set(p.topics) & set(topics)]
        order = {topic: i for i, topic in enumerate(topics)}
        return sorted(
            provisions,
            key=lambda p: (
                p.status != "in_force",
                min((order.get(t, 9) for t in p.topics), default=9),
                -p.resolution_number,
            ),
        )

    # templates --------------------------------------------------------------------------
    def _overview(self, request: BriefingRequest) -> Briefing:
        attempts = self._launches.attempts()
        tally = self._launches.tally(attempts)
        latest = attempts[-1]
        bluf = wording.OVERVIEW_BLUF.format(
            attempts=tally.attempts,
            reached_orbit=tally.reached_orbit,
            latest_date=latest.date_utc,
            latest_vehicle=latest.vehicle,
            latest_outcome=latest.outcome,
        )
        tally_line = wording.OVERVIEW_TALLY.format(
            tally=tally.sentence, claimed_success=tally.claimed_success
        )
        judgments = [
            Cited(tally_line, _sources_of(attempts)),
            *self._latest_launch_lines(attempts),
            *self._event_lines(wording.OVERVIEW_EVENTS),
        ]
        kind = SubjectKind.LAUNCH_VEHICLE
        subjects = request.subject_ids or tuple(self._comparison.default_selection(kind))
        briefing = self._base(request, wording.OVERVIEW_TITLE, bluf)
        briefing = replace(
            briefing,
            judgments=tuple(judgments),
            timeline=self._timeline(),
            comparison=self._table(kind, subjects),
        )
        default = on_topics(self._sanctions.provisions(), OVERVIEW_TOPICS)
        return self._with_provisions(briefing, self._selected_or(request, default))

    def _launch(self, request: BriefingRequest) -> Briefing:
        launch = (
            self._store.launch_attempt(request.launch_id or "")
            if request.launch_id
            else (self._launches.attempts()[-1])
        )
        if launch is None:
            raise BriefingError(f"unknown launch id '{request.launch_id}'")
        claims = self._store.claims(EntityKind.LAUNCH_ATTEMPT, launch.id)
        judgments = [
            Cited(
                wording.CLAIM_LINE.format(
                    claimant=c.claimant,
                    date=c.claim_date,
                    value=c.claimed_value,
                    verdict="Adopted" if c.adopted else "Not adopted",
                    rationale=c.rationale,
                ),
                c.sources,
            )
            for c in claims
        ]
        bearing = {
            k.target_id for k in self._store.launch_links(launch.id) if k.relation == "bears_on"
        }
        provisions = for_launch(self._sanctions.provisions(), bearing)
        year = int(launch.date_utc[:4])
        subjects = request.subject_ids or tuple(
            dict.fromkeys(
                [
                    launch.vehicle_id or "",
                    *self._comparison.default_selection(SubjectKind.LAUNCH_VEHICLE),
                ]
            )
        )
        title = wording.LAUNCH_TITLE.format(
            vehicle=launch.vehicle,
            payload=launch.payload or "payload unknown",
            date=launch.date_utc,
        )
        briefing = self._base(request, title, _launch_bluf(launch))
        from briefer.services.briefing_map import launch_inset

        briefing = replace(
            briefing,
            inset=launch_inset(self._store, launch),
            judgments=(Cited(launch.summary, launch.sources), *judgments),
            timeline=self._timeline(f"{year - 3}", f"{year + 2}"),
            comparison=self._table(SubjectKind.LAUNCH_VEHICLE, [s for s in subjects if s][:5]),
        )
        return self._with_provisions(briefing, self._selected_or(request, provisions))

    def _comparison_brief(self, request: BriefingRequest) -> Briefing:
        kind = self._kind_of(request.subject_ids)
        subjects = request.subject_ids or tuple(self._comparison.default_selection(kind))
        matrix = self._comparison.matrix(kind, subjects)
        if kind == SubjectKind.LAUNCH_VEHICLE:
            judgments = vehicle_judgments(matrix)
        else:
            judgments = self._best_of(matrix)
        names = ", ".join(s.name for s in matrix.subjects)
        bluf = wording.COMPARISON_BLUF.format(names=names)
        briefing = self._base(request, wording.COMPARISON_TITLE.format(names=names), bluf)
        briefing = replace(
            briefing,
            judgments=tuple(judgments),
            comparison=self._table(kind, subjects),
            timeline=self._with_first_flights(matrix, kind),
        )
        default = on_topics(self._sanctions.provisions(), COMPARISON_TOPICS)
        return self._with_provisions(briefing, self._selected_or(request, default))

    @staticmethod
    def _best_of(matrix: ComparisonMatrix) -> list[Cited]:
        judgments = []
        for row in matrix.rows:
            if row.best and row.attribute in wording.COMPARISON_BEST_OF:
                best = matrix.subjects[row.best[0]]
                cell = row.cells[row.best[0]]
                line = wording.COMPARISON_BEST.format(
                    label=row.label.lower(), name=best.name, value=cell.display(with_unit=True)
                )
                judgments.append(Cited(line, cell.sources))
        return judgments

    def _with_first_flights(self, matrix: ComparisonMatrix, kind: str) -> tuple[TimelineMark, ...]:
        """The timeline from 2012, or from the earliest first flight of the compared systems."""
        flights = first_flights(matrix) if kind == SubjectKind.LAUNCH_VEHICLE else []
        since = min(["2012", *(mark.date_utc[:4] for mark in flights)])
        return tuple(sorted([*self._timeline(since), *flights], key=lambda m: m.date_utc))

    def _sanctions_brief(self, request: BriefingRequest) -> Briefing:
        default = on_topics(self._sanctions.provisions(), SANCTIONS_TOPICS)
        provisions = self._selected_or(request, default)
        in_force = sum(1 for p in provisions if p.status == "in_force")
        count = (
            wording.SANCTIONS_ALL_IN_FORCE
            if in_force == len(provisions) > 1
            else wording.SANCTIONS_IN_FORCE
        )
        count = count.format(in_force=in_force, selected=len(provisions))
        bluf = wording.SANCTIONS_BLUF.format(count=count)
        judgments = self._event_lines(wording.SANCTIONS_EVENTS)
        briefing = self._base(request, wording.SANCTIONS_TITLE, bluf)
        briefing = replace(
            briefing,
            judgments=tuple(judgments),
            timeline=self._timeline("2006"),
        )
        return self._with_provisions(briefing, provisions)

    def _scenario_brief(self, request: BriefingRequest) -> Briefing:
        from briefer.services import briefing_scenario as drafting
        from briefer.services.scenarios import ScenarioError, ScenariosService

        scenarios = ScenariosService(self._store)
        chosen = request.scenario_id or next((s.id for s in scenarios.scenarios()), "")
        try:
            view = scenarios.view(chosen)
        except ScenarioError as error:
            raise BriefingError(str(error)) from None
        title = drafting.scenario_title(view.scenario.title)
        briefing = self._base(request, title, drafting.scenario_bluf(view))
        outcomes = {launch.id: launch.outcome for launch in self._launches.attempts()}
        evidence = drafting.evidence_marks(view, outcomes)
        since = min([e.date_utc[:4] for e in evidence] or ["2023"])
        launches = [m for m in self._timeline(since) if m.kind == Category.SATELLITE_LAUNCH]
        briefing = replace(
            briefing,
            judgments=tuple(drafting.scenario_judgments(view)),
            timeline=tuple(sorted({*launches, *evidence}, key=lambda m: m.date_utc)),
            keywords=(*briefing.keywords, view.scenario.title),
        )
        engaged = [p.provision for p in view.provisions]
        return self._with_provisions(briefing, self._selected_or(request, engaged))

    # helpers ----------------------------------------------------------------------------
    def _selected_or(
        self, request: BriefingRequest, default: Sequence[Provision]
    ) -> list[Provision]:
        if not request.provision_ids:
            return list(default)
        by_id = {p.id: p for p in self._sanctions.provisions()}
        unknown = [i for i in request.provision_ids if i not in by_id]
        if unknown:
            raise BriefingError(f"unknown provision id '{unknown[0]}'")
        return [by_id[i] for i in request.provision_ids]

    def _kind_of(self, subject_ids: Sequence[str]) -> str:
        if not subject_ids:
            return SubjectKind.LAUNCH_VEHICLE
        kinds = {s.id: s.kind for s in self._store.subjects()}
        unknown = [i for i in subject_ids if i not in kinds]
        if unknown:
            raise BriefingError(f"unknown subject id '{unknown[0]}'")
        if len({kinds[i] for i in subject_ids}) > 1:
            raise BriefingError(
                "compare launch vehicles with launch vehicles, satellites with satellites"
            )
        return kinds[subject_ids[0]]

    def _latest_launch_lines(self, attempts: Sequence[LaunchAttempt]) -> list[Cited]:
        latest = attempts[-1]
        return [Cited(_launch_bluf(latest), latest.sources)]

    def _event_lines(self, ids: Sequence[str]) -> list[Cited]:
        """A line per event; an id this dataset lacks is logged, never dropped unnoticed."""
        events = {e.id: e for e in self._store.timeline_events()}
        missing = [i for i in ids if i not in events and i not in self._reported_missing]
        if missing:  # once per composer: the dialog composes again at every edit
            self._reported_missing.update(missing)
            LOG.warning("briefing leaves out events missing from this dataset: %s", missing)
        return [
            Cited(
                wording.EVENT_LINE.format(date=events[i].date_utc, summary=events[i].summary),
                events[i].sources,
            )
            for i in ids
            if i in events
        ]


def _dated(day: str, now: datetime) -> tuple[str, str, str]:
    """The date line's date and zone, and the footer's UTC time. When the two days may differ,
    the date line names its zone, so the page never shows two different "today"s unexplained."""
    now = now if now.tzinfo else now.astimezone()
    utc = now.astimezone(UTC)
    day = day or now.date().isoformat()
    zone = "" if day == utc.date().isoformat() else _zone_name(now)
    return day, zone, utc.strftime("%Y-%m-%d %H:%M UTC")


def _zone_name(moment: datetime) -> str:
    """The zone's abbreviation (KST, CET), or its offset from UTC when it has none."""
    name = moment.tzname() or ""
    if name and name[0] not in "+-":
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def _status(provision: Provision) -> str:
    return provision.status_text.lower()


def _sources_of(launches: Sequence[LaunchAttempt]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(launch.sources[0] for launch in launches if launch.sources))


def _launch_bluf(launch: LaunchAttempt) -> str:
    claim = (
        ""
        if launch.claimed_outcome in (launch.outcome, "none")
        else wording.LAUNCH_CLAIM.format(claimed=launch.claimed_outcome)
    )
    return wording.LAUNCH_BLUF.format(
        date=launch.date_utc,
        payload=launch.payload or "a satellite",
        vehicle=launch.vehicle,
        site=launch.site,
        outcome=launch.outcome,
        orbit="reached orbit" if launch.reached_orbit else "did not reach orbit",
        claim=claim,
    )
