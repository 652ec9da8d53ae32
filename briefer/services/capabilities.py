"""Launch vehicles and satellites with the specs that summarise each at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.domain.records import Spec, Subject
from briefer.domain.vocabulary import SubjectKind
from briefer.store.reference import ReferenceStore

KEY_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    SubjectKind.LAUNCH_VEHICLE: ("stages_count", "height_m", "liftoff_mass_t", "payload_leo_kg"),
    SubjectKind.SATELLITE: ("mass_kg", "perigee_km", "apogee_km", "inclination_deg"),
}

ATTRIBUTE_LABELS: dict[str, str] = {
    "stages_count": "Stages",
    "height_m": "Height",
    "diameter_m": "Diameter",
    "liftoff_mass_t": "Liftoff mass",
    "payload_leo_kg": "Payload to LEO",
    "payload_sso_kg": "Payload to SSO",
    "propellants": "Propellants",
    "first_flight_date": "First flight",
    "mass_kg": "Mass",
    "perigee_km": "Perigee",
    "apogee_km": "Apogee",
    "inclination_deg": "Inclination",
    "resolution_claimed_m": "Resolution (claimed)",
    "resolution_assessed_m": "Resolution (assessed)",
}


def attribute_label(attribute: str) -> str:
    return ATTRIBUTE_LABELS.get(attribute, attribute.replace("_", " ").capitalize())


@dataclass(frozen=True)
class SubjectOverview:
    """A subject with its specs keyed by attribute (absent attributes are unknown)."""

    subject: Subject
    specs: dict[str, Spec]

    def spec(self, attribute: str) -> Spec | None:
        return self.specs.get(attribute)


class CapabilityService:
    def __init__(self, store: ReferenceStore) -> None:
        self._store = store

    def overviews(self, kind: str | None = None) -> list[SubjectOverview]:
        specs_by_subject: dict[str, dict[str, Spec]] = {}
        for spec in self._store.specs():
            specs_by_subject.setdefault(spec.subject_id, {})[spec.attribute] = spec
        return [
            SubjectOverview(subject, specs_by_subject.get(subject.id, {}))
            for subject in self._store.subjects(kind)
        ]
