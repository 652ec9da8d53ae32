"""``data check`` rules for cooperation scenarios and their links: every link names a record
that exists, with a relation from the vocabulary, and every scenario engages at least one
provision (a scenario without sources is refused by the generic rules)."""

from __future__ import annotations

from briefer.domain.vocabulary import ScenarioRelation, ScenarioTarget, values_of
from briefer.store.validation_rules import Checker


def _ids(checker: Checker, *files: str) -> set[str | None]:
    return {row.text("id") for file in files for row in checker.sources.table(file)}


def check_scenarios(checker: Checker) -> None:
    scenarios = checker.sources.table("scenarios.csv")
    rows = checker.sources.table("scenario_links.csv")
    checker.check_enum(rows, "target_kind", values_of(ScenarioTarget))
    checker.check_enum(rows, "relation", values_of(ScenarioRelation))
    targets: dict[str, set[str | None]] = {
        ScenarioTarget.PROVISION: _ids(checker, "provisions.csv"),
        ScenarioTarget.EVENT: _ids(checker, "events.csv", "launch_attempts.csv"),
        ScenarioTarget.CLAIM: _ids(checker, "claims.csv"),
    }
    known_scenarios = {row.text("id") for row in scenarios}
    engaged: set[str | None] = set()
    for row in rows:
        checker.check_reference(row, "scenario_id", known_scenarios, "scenario")
        kind = row.text("target_kind") or ""
        if kind in targets:
            checker.check_reference(row, "target_id", targets[kind], kind)
        if kind == ScenarioTarget.PROVISION:
            engaged.add(row.text("scenario_id"))
    for row in scenarios:
        if row.text("id") not in engaged:
            checker.report(row, f"scenario '{row.text('id')}' engages no provision")
