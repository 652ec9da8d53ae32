"""Saved briefings as JSON: in the user database and in notes exports.

Reading validates every field (an export may come from anywhere): a wrong type, an unknown
template or text that is not valid Unicode raises ``BriefingDataError`` naming the field.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from briefer.domain.briefing import JUDGMENT_CONFIDENCE, PAGE_SIZES, TEMPLATES, Cited, Fact
from briefer.domain.briefing_recipe import (
    BriefingEdits,
    BriefingRecipe,
    BriefingRequest,
    SavedBriefing,
)
from briefer.domain.note_rules import format_utc, parse_utc
from briefer.store.errors import StoreError

_ID = re.compile(r"[0-9a-f]{32}")
MAX_TEXT = 200_000  # characters in any one field: far beyond a page, short of a denial


class BriefingDataError(StoreError):
    """A saved briefing that cannot be read; the message names the field at fault."""


def _cited(line: Cited) -> dict[str, Any]:
    return {
        "text": line.text,
        "sources": list(line.sources),
        "confidence": line.confidence,
        "every_source": line.every_source,
    }


def recipe_data(recipe: BriefingRecipe) -> dict[str, Any]:
    request, edits = recipe.request, recipe.edits
    return {
        "request": {
            "template": request.template,
            "launch_id": request.launch_id,
            "subject_ids": list(request.subject_ids),
            "provision_ids": list(request.provision_ids),
            "banner": request.banner,
            "author": request.author,
            "page_size": request.page_size,
            "date": request.date,
            "notes": [_cited(line) for line in request.notes],
            "include_local": request.include_local,
            "scenario_id": request.scenario_id,
        },
        "edits": {
            "title": edits.title,
            "bluf": edits.bluf,
            "judgments": edits.judgments,
            "include_timeline": edits.include_timeline,
            "include_comparison": edits.include_comparison,
            "include_provisions": edits.include_provisions,
            "saved_judgments": [_cited(line) for line in edits.saved_judgments],
        },
    }


def saved_data(saved: SavedBriefing) -> dict[str, Any]:
    return {
        "id": saved.id,
        "title": saved.title,
        "template": saved.template,
        "saved_utc": saved.saved_utc,
        "dataset_version": saved.dataset_version,
        "page_size": saved.page_size,
        "exported_to": saved.exported_to,
        "recipe": recipe_data(saved.recipe),
        "facts": facts_data(saved.facts),
    }


def facts_data(facts: tuple[Fact, ...]) -> list[dict[str, str]]:
    return [{"key": f.key, "label": f.label, "value": f.value} for f in facts]


# reading ------------------------------------------------------------------------------
class _Fields:
    """Typed look-ups in one JSON object, each failure naming ``where`` and the field."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise BriefingDataError(f"{where} is not an object")
        self.data, self.where = data, where

    def fail(self, name: str, problem: str) -> BriefingDataError:
        return BriefingDataError(f"{self.where}, {name}: {problem}")

    def text(self, name: str, optional: bool = False, choices: tuple[str, ...] = ()) -> Any:
        value = self.data.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(name, "must be text")
        _check_text(value, f"{self.where}, {name}")
        if choices and value not in choices:
            raise self.fail(name, f"'{value}' is not one of {', '.join(choices)}")
        return value

    def flag(self, name: str) -> bool:
        value = self.data.get(name, True)
        if not isinstance(value, bool):
            raise self.fail(name, "must be true or false")
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        values = self.data.get(name, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise self.fail(name, "must be a list of text")
        for value in values:
            _check_text(value, f"{self.where}, {name}")
        return tuple(values)

    def lines(self, name: str) -> tuple[Cited, ...]:
        values = self.data.get(name, [])
        if not isinstance(values, list):
            raise self.fail(name, "must be a list")
        return tuple(_cited_of(v, f"{self.where}, {name} {n}") for n, v in enumerate(values, 1))


def _check_text(text: str, where: str) -> None:
    if len(text) > MAX_TEXT:
        raise BriefingDataError(f"{where}: longer than {MAX_TEXT} characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BriefingDataError(f"{where} holds text that is not valid Unicode") from None


def _cited_of(data: Any, where: str) -> Cited:
    fields = _Fields(data, where)
    confidence = fields.text("confidence", optional=True) or ""
    if confidence and confidence not in JUDGMENT_CONFIDENCE:
        raise fields.fail("confidence", f"'{confidence}' is not high, moderate or low")
    every = fields.data.get("every_source", False)
    if not isinstance(every, bool):
        raise fields.fail("every_source", "must be true or false")
    return Cited(fields.text("text"), fields.texts("sources"), confidence, every)


def recipe_of(data: Any, where: str = "briefing") -> BriefingRecipe:
    outer = _Fields(data, where)
    request = _Fields(outer.data.get("request"), f"{where}, request")
    edits = _Fields(outer.data.get("edits"), f"{where}, edits")
    return BriefingRecipe(
        BriefingRequest(
            template=request.text("template", choices=TEMPLATES),
            launch_id=request.text("launch_id", optional=True),
            subject_ids=request.texts("subject_ids"),
            provision_ids=request.texts("provision_ids"),
            banner=request.text("banner"),
            author=request.text("author"),
            page_size=request.text("page_size", choices=PAGE_SIZES),
            date=request.text("date"),
            notes=request.lines("notes"),
            include_local=request.flag("include_local"),
            scenario_id=request.text("scenario_id", optional=True),
        ),
        BriefingEdits(
            title=edits.text("title", optional=True),
            bluf=edits.text("bluf", optional=True),
            judgments=edits.text("judgments", optional=True),
            include_timeline=edits.flag("include_timeline"),
            include_comparison=edits.flag("include_comparison"),
            include_provisions=edits.flag("include_provisions"),
            saved_judgments=edits.lines("saved_judgments"),
        ),
    )


def facts_of_data(data: Any, where: str = "briefing") -> tuple[Fact, ...]:
    if not isinstance(data, list):
        raise BriefingDataError(f"{where}, facts: must be a list")
    facts = []
    for number, item in enumerate(data, 1):
        fields = _Fields(item, f"{where}, fact {number}")
        facts.append(Fact(fields.text("key"), fields.text("label"), fields.text("value")))
    return tuple(facts)


def saved_of(data: Any, where: str = "briefing") -> SavedBriefing:
    fields = _Fields(data, where)
    recipe = recipe_of(fields.data.get("recipe"), where)
    briefing_id = fields.text("id")
    if not _ID.fullmatch(briefing_id):
        raise fields.fail("id", "must be 32 hexadecimal digits")
    try:
        saved = format_utc(parse_utc(fields.text("saved_utc"), datetime.now(UTC)))
    except ValueError as error:
        raise fields.fail("saved_utc", str(error)) from None
    return SavedBriefing(
        id=briefing_id,
        title=fields.text("title"),
        template=recipe.request.template,
        saved_utc=saved,
        dataset_version=fields.text("dataset_version"),
        page_size=recipe.request.page_size,
        recipe=recipe,
        facts=facts_of_data(fields.data.get("facts", []), where),
        exported_to=fields.text("exported_to", optional=True) or "",
    )
