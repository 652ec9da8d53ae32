"""Estimative language: flag likelihood words off the standard scale, and mixed statements.

The scale is the one US intelligence writing uses (ICD 203): almost no chance / remote, very
unlikely / highly improbable, unlikely / improbable, roughly even chance / roughly even odds,
likely / probable, very likely / highly probable, almost certain / nearly certain. Confidence
("high confidence") speaks of the evidence, likelihood of the outcome: they belong in separate
sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALE = (
    "almost no chance",
    "remote",
    "very unlikely",
    "highly improbable",
    "unlikely",
    "improbable",
    "roughly even chance",
    "roughly even odds",
    "likely",
    "probable",
    "probably",
    "very likely",
    "highly probable",
    "almost certain",
    "almost certainly",
    "nearly certain",
)
SUGGESTIONS: dict[str, str] = {
    "maybe": "roughly even chance, or unlikely / likely",
    "perhaps": "roughly even chance, or unlikely / likely",
    "possibly": "roughly even chance, or unlikely / likely",
    "possible": "roughly even chance, or unlikely / likely",
    "could": "a term from the scale (unlikely ... likely)",
    "might": "a term from the scale (unlikely ... likely)",
    "may": "a term from the scale (unlikely ... likely)",
    "certainly": "almost certainly",
    "definitely": "almost certainly",
    "surely": "almost certainly",
    "undoubtedly": "almost certainly",
    "without doubt": "almost certainly",
    "highly likely": "very likely",
    "doubtful": "unlikely",
    "conceivable": "remote, or very unlikely",
    "conceivably": "remote, or very unlikely",
    "chances are": "likely",
    "in all likelihood": "very likely",
    "presumably": "likely",
}
_CONFIDENCE = re.compile(r"\b(high|moderate|low)[- ]confidence\b", re.IGNORECASE)
_LIKELIHOOD = re.compile(
    r"\b(" + "|".join(sorted((re.escape(t) for t in SCALE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_OFF_SCALE = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(w) for w, s in SUGGESTIONS.items() if s), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One problem in a judgment: where it is, what it is, and what to write instead."""

    start: int
    end: int
    word: str
    message: str
    suggestion: str


def check(text: str) -> list[Finding]:
    """Off-scale likelihood words, and sentences that mix confidence with likelihood."""
    findings = []
    on_scale = [m.span() for m in _LIKELIHOOD.finditer(text)]
    for match in _OFF_SCALE.finditer(text):
        if any(start <= match.start() and match.end() <= end for start, end in on_scale):
            continue  # "certainly" inside "almost certainly" is on the scale
        word = match.group(0)
        suggestion = SUGGESTIONS[word.lower()]
        findings.append(
            Finding(
                match.start(),
                match.end(),
                word,
                f"'{word}' is not on the estimative scale",
                suggestion,
            )
        )
    for sentence in re.finditer(r"[^.!?]+[.!?]?", text):
        body = sentence.group(0)
        confidence = _CONFIDENCE.search(body)
        if confidence and _LIKELIHOOD.search(body):
            start = sentence.start() + confidence.start()
            findings.append(
                Finding(
                    start,
                    start + len(confidence.group(0)),
                    confidence.group(0),
                    "confidence and likelihood in one sentence",
                    "state the likelihood, then the confidence in a separate sentence",
                )
            )
    return sorted(findings, key=lambda f: f.start)
