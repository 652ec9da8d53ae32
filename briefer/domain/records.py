"""The dataset's records as frozen dataclasses: what the store returns and services pass on."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.domain.vocabulary import label


@dataclass(frozen=True)
class EntityRef:
    """A stable reference to any selectable record: its kind and id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Source:
    """A public document the data cites."""

    id: str
    title: str
    publisher: str
    url: str
    published: str
    accessed: str
    kind: str = ""


@dataclass(frozen=True)
class LaunchAttempt:
    """A DPRK orbital launch attempt: the assessed outcome beside the DPRK's claim."""

    id: str
    date_utc: str
    time_utc: str | None
    date_local: str
    vehicle: str
    site: str
    payload: str | None
    outcome: str
    claimed_outcome: str
    failure_stage: str | None
    reached_orbit: bool
    norad_id: str | None
    cospar_id: str | None
    summary: str
    sources: tuple[str, ...]
    confidence: str
    time_local: str | None = None
    utc_offset: str | None = None
    vehicle_id: str | None = None
    site_id: str | None = None
    payload_id: str | None = None
    failure_time_s: float | None = None


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event on the timeline (a launch attempt also has one)."""

    id: str
    date_utc: str
    date_precision: str
    end_date_utc: str | None
    category: str
    title: str
    summary: str
    actors: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class Subject:
    """A launch vehicle or a satellite."""

    id: str
    name: str
    kind: str
    country: str
    native_name: str | None
    aliases: tuple[str, ...]
    family: str | None
    derived_from: str | None
    operator: str | None
    status: str | None
    summary: str
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class Spec:
    """One attribute of a subject: a value or a range, with its unit and sources."""

    subject_id: str
    attribute: str
    value: float | None
    value_text: str | None
    unit: str | None
    value_low: float | None
    value_high: float | None
    confidence: str
    sources: tuple[str, ...]
    note: str | None

    @property
    def is_unknown(self) -> bool:
        return (
            self.value is None
            and self.value_text is None
            and self.value_low is None
            and self.value_high is None
        )


@dataclass(frozen=True)
class Resolution:
    """A UN Security Council resolution on the DPRK."""

    number: int
    symbol: str
    adopted: str
    vote: str | None
    trigger: str | None
    summary: str
    sources: tuple[str, ...]
    triggered_by: tuple[str, ...] = ()
    """Ids of the launch attempts and events named in ``trigger``."""


@dataclass(frozen=True)
class Provision:
    """One operative paragraph of a resolution, paraphrased, with its status."""

    id: str
    resolution_number: int
    resolution_symbol: str
    adopted: str
    paragraph: str
    topics: tuple[str, ...]
    summary: str
    relevance: str
    status: str
    status_since: str | None
    sources: tuple[str, ...]
    confidence: str

    @property
    def status_text(self) -> str:
        """``In force``, or ``Lapsed since 2024-04-30``: the one wording of a status."""
        text = label(self.status)
        return f"{text} since {self.status_since}" if self.status_since else text


@dataclass(frozen=True)
class DatasetInfo:
    """The ``dataset_info`` view: versions, as-of date and content hash."""

    schema_version: int
    dataset_version: str
    as_of: str
    content_sha256: str
    coverage_through: str = ""  # events were checked against sources through this date
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def checked_through(self) -> str:
        """``events checked through <date>``, the currency every surface states."""
        return f"events checked through {self.coverage_through or 'an unrecorded date'}"


@dataclass(frozen=True)
class Organisation:
    """An agency, company or body named in the data (NADA, Roscosmos…)."""

    id: str
    name: str
    native_name: str | None
    aliases: tuple[str, ...]
    country: str
    kind: str
    summary: str
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class Site:
    """A launch site; coordinates are None where no citable position was found."""

    id: str
    name: str
    native_name: str | None
    aliases: tuple[str, ...]
    country: str
    latitude: float | None
    longitude: float | None
    summary: str
    sources: tuple[str, ...]
    confidence: str


@dataclass(frozen=True)
class Claim:
    """What one party said about a contested figure, and whether the dataset adopts it."""

    id: str
    subject_kind: str
    subject_id: str
    attribute: str
    claimant: str
    claimed_value: str
    claim_date: str
    adopted: bool
    rationale: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class LaunchLink:
    """A launch attempt's tie to a Security Council act: a response to it, or a rule it breached."""

    launch_id: str
    target_kind: str
    target_id: str
    relation: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """The analyst's note on one record, keyed by the record's stable id."""

    id: str
    entity_kind: str
    entity_id: str
    body: str
    tags: tuple[str, ...]
    created_utc: str
    updated_utc: str
    version: int = 0  # bumped by every write; a save names the version it was based on
    record_changed: str = ""  # the dataset version that changed the record since the last edit


@dataclass(frozen=True)
class NoteRevision:
    """One saved text of a note, kept in its history."""

    note_id: str
    revision: int
    body: str
    tags: tuple[str, ...]
    saved_utc: str
    kind: str = "edit"  # edit, conflict (a text that met a newer one), merge, import, restore
