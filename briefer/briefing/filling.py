"""Filling what room the first choice of items left: items left out are tried again with the
page measured exactly, and then the most important one still out is shortened into the room
(marked as shortened) rather than leaving the space blank.

Each exact measurement lays the whole page out again, so the candidates are chosen by the
cheap estimate first and the shortening searches only near the length the room suggests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from briefer.domain.briefing import Cited

SHORTENED = " … (shortened)"
RETRIES = 3  # left-out items tried again whole, most important first
MIN_WORDS = 8  # shorter than this, an item says too little to be worth the room
SLACK = 1.25  # the estimate runs high: an item estimated this much over the room may fit


class Placed(Protocol):
    @property
    def priority(self) -> int: ...

    @property
    def item(self) -> object: ...


@dataclass(frozen=True)
class Filled:
    kept: list[int]  # indices into the slots, in page order
    replaced: dict[int, Cited]  # slots whose text was shortened to fit


Fits = Callable[[list[int], dict[int, Cited]], bool]


def fill(
    slots: Sequence[Placed], kept: list[int], room: float, cost: Callable[[int], float], fits: Fits
) -> Filled:
    """``kept`` grown by what else fits in ``room`` points, then one item shortened into the rest.

    ``cost(i)`` estimates slot i's height; ``fits(kept, replaced)`` lays the page out with those
    slots (and replacement texts) and says whether it is still one frame.
    """
    out = sorted(
        (i for i in range(len(slots)) if i not in kept), key=lambda i: (slots[i].priority, i)
    )
    chosen = sorted(kept)
    tried = 0
    for index in out:
        if tried == RETRIES:
            break
        if cost(index) > room * SLACK:
            continue
        tried += 1
        if fits(sorted([*chosen, index]), {}):
            chosen, room = sorted([*chosen, index]), room - cost(index)
    first = next((i for i in out if i not in chosen and isinstance(slots[i].item, Cited)), None)
    if first is None:
        return Filled(chosen, {})
    item = slots[first].item
    assert isinstance(item, Cited)
    trial = sorted([*chosen, first])
    shortened = _longest_fitting(
        item, room / max(cost(first), 1.0), lambda c: fits(trial, {first: c})
    )
    return Filled(trial, {first: shortened}) if shortened else Filled(chosen, {})


def _longest_fitting(item: Cited, share: float, fits: Callable[[Cited], bool]) -> Cited | None:
    """The item cut at the most words that fit, searched near ``share`` of its words."""
    words = item.text.split()
    guess = int(len(words) * min(share, 1.0))
    window = (max(MIN_WORDS, int(guess * 0.6)), min(len(words) - 1, int(guess * 1.3) + 1))
    best = _search(item, words, *window, fits)
    if best is None and window[0] > MIN_WORDS:  # the sources it adds took more room than guessed
        best = _search(item, words, MIN_WORDS, window[0] - 1, fits)
    return best


def _search(
    item: Cited, words: list[str], low: int, high: int, fits: Callable[[Cited], bool]
) -> Cited | None:
    best: Cited | None = None
    while low <= high:
        middle = (low + high) // 2
        candidate = replace(item, text=" ".join(words[:middle]).rstrip(",;:") + SHORTENED)
        if fits(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best
