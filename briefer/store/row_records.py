"""Rows of the reference database turned into domain records (one function per record type)."""

from __future__ import annotations

import json
import sqlite3

from briefer.domain.records import (
    Claim,
    LaunchAttempt,
    LaunchLink,
    Organisation,
    Provision,
    Resolution,
    Site,
    Source,
    Spec,
    Subject,
    TimelineEvent,
)


def as_tuple(text: str | None) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def launch(row: sqlite3.Row) -> LaunchAttempt:
    return LaunchAttempt(
        id=row["id"],
        date_utc=row["date_utc"],
        time_utc=row["time_utc"],
        date_local=row["date_local"],
        vehicle=row["vehicle"],
        site=row["site"],
        payload=row["payload"],
        outcome=row["outcome"],
        claimed_outcome=row["claimed_outcome"],
        failure_stage=row["failure_stage"],
        reached_orbit=bool(row["reached_orbit"]),
        norad_id=row["norad_id"],
        cospar_id=row["cospar_id"],
        summary=row["summary"],
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
        time_local=row["time_local"],
        utc_offset=row["utc_offset"],
        vehicle_id=row["vehicle_id"],
        site_id=row["site_id"],
        payload_id=row["payload_id"],
        failure_time_s=row["failure_time_s"],
    )


def event(row: sqlite3.Row) -> TimelineEvent:
    return TimelineEvent(
        id=row["id"],
        date_utc=row["date_utc"],
        date_precision=row["date_precision"],
        end_date_utc=row["end_date_utc"],
        category=row["category"],
        title=row["title"],
        summary=row["summary"] or "",
        actors=as_tuple(row["actors"]),
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
    )


def subject(row: sqlite3.Row) -> Subject:
    return Subject(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row["country"],
        native_name=row["native_name"],
        aliases=as_tuple(row["aliases"]),
        family=row["family"],
        derived_from=row["derived_from"],
        operator=row["operator"],
        status=row["status"],
        summary=row["summary"] or "",
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
    )


def spec(row: sqlite3.Row) -> Spec:
    return Spec(
        subject_id=row["subject_id"],
        attribute=row["attribute"],
        value=row["value"],
        value_text=row["value_text"],
        unit=row["unit"],
        value_low=row["value_low"],
        value_high=row["value_high"],
        confidence=row["confidence"],
        sources=as_tuple(row["sources"]),
        note=row["note"],
    )


def resolution(row: sqlite3.Row) -> Resolution:
    return Resolution(
        number=row["number"],
        symbol=row["symbol"],
        adopted=row["adopted"],
        vote=row["vote"],
        trigger=row["trigger"],
        summary=row["summary"] or "",
        sources=as_tuple(row["sources"]),
        triggered_by=as_tuple(row["triggered_by"]),
    )


def provision(row: sqlite3.Row) -> Provision:
    return Provision(
        id=row["id"],
        resolution_number=row["resolution_number"],
        resolution_symbol=row["resolution_symbol"],
        adopted=row["adopted"],
        paragraph=row["paragraph"],
        topics=as_tuple(row["topics"]),
        summary=row["summary"],
        relevance=row["relevance"] or "",
        status=row["status"],
        status_since=row["status_since"],
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
    )


def source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"],
        title=row["title"],
        publisher=row["publisher"],
        url=row["url"] or "",
        published=row["published"] or "",
        accessed=row["accessed"] or "",
        kind=row["kind"] or "",
    )


def organisation(row: sqlite3.Row) -> Organisation:
    return Organisation(
        id=row["id"],
        name=row["name"],
        native_name=row["native_name"],
        aliases=as_tuple(row["aliases"]),
        country=row["country"],
        kind=row["kind"],
        summary=row["summary"] or "",
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
    )


def claim(row: sqlite3.Row) -> Claim:
    return Claim(
        id=row["id"],
        subject_kind=row["subject_kind"],
        subject_id=row["subject_id"],
        attribute=row["attribute"],
        claimant=row["claimant"],
        claimed_value=row["claimed_value"],
        claim_date=row["claim_date"],
        adopted=bool(row["adopted"]),
        rationale=row["rationale"],
        sources=as_tuple(row["sources"]),
    )


def link(row: sqlite3.Row) -> LaunchLink:
    return LaunchLink(
        launch_id=row["launch_id"],
        target_kind=row["target_kind"],
        target_id=row["target_id"],
        relation=row["relation"],
        note=row["note"] or "",
        sources=as_tuple(row["sources"]),
    )


def site(row: sqlite3.Row) -> Site:
    return Site(
        id=row["id"],
        name=row["name"],
        native_name=row["native_name"],
        aliases=as_tuple(row["aliases"]),
        country=row["country"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        summary=row["summary"] or "",
        sources=as_tuple(row["sources"]),
        confidence=row["confidence"],
    )
