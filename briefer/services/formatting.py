"""Plain-text renderings of dataset values shared by the GUI, the PDF and the CLI."""

from __future__ import annotations

from briefer.domain.records import LaunchAttempt, Spec

UNKNOWN = "unknown"
UNITLESS = {"count"}


def number(value: float) -> str:
    """``48.6``, ``1,500``, ``0.5``: trailing zeros dropped, thousands grouped."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def spec_value(spec: Spec | None) -> str:
    """A spec as read aloud: value and unit, the range beside it, ``unknown`` when absent."""
    if spec is None or spec.is_unknown:
        return UNKNOWN
    if spec.value_text and spec.value is None:
        return spec.value_text
    unit = f" {spec.unit}" if spec.unit and spec.unit not in UNITLESS else ""
    span = _range(spec)
    if spec.value is None:
        return f"{span}{unit}" if span else UNKNOWN
    text = f"{number(spec.value)}{unit}"
    return f"{text} ({span})" if span else text


def _range(spec: Spec) -> str:
    if spec.value_low is None and spec.value_high is None:
        return ""
    if spec.value_low is None and spec.value_high is not None:
        return f"≤ {number(spec.value_high)}"  # a one-sided range is a bound, never "?"
    if spec.value_high is None and spec.value_low is not None:
        return f"≥ {number(spec.value_low)}"
    return f"{number(spec.value_low or 0)}–{number(spec.value_high or 0)}"


def launch_when_utc(launch: LaunchAttempt) -> str:
    return (
        f"{launch.date_utc} {launch.time_utc} UTC" if launch.time_utc else f"{launch.date_utc} UTC"
    )


def launch_when_local(launch: LaunchAttempt) -> str:
    parts = [launch.date_local]
    if launch.time_local:
        parts.append(launch.time_local)
    if launch.utc_offset:
        parts.append(f"(UTC{launch.utc_offset})")
    return " ".join(parts)
