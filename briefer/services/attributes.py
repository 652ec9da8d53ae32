"""Names for capability attributes, shared by the comparison, the detail pane and the PDF."""

from __future__ import annotations

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
    "launch_date": "Launch date",
    "launches_count": "Launches (cited count)",
    "launch_failures_count": "Launch failures (cited count)",
}


def attribute_label(attribute: str) -> str:
    return ATTRIBUTE_LABELS.get(attribute, attribute.replace("_", " ").capitalize())
