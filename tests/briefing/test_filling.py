"""Room left on a page takes left-out items, then the first of them shortened."""

from dataclasses import dataclass

from briefer.briefing.filling import SHORTENED, fill
from briefer.domain.briefing import Cited


@dataclass(frozen=True)
class Slot:
    priority: int
    item: object


def _page(room, heights):
    """A page of ``room`` lines where each kept slot takes its height, a text one per word/10."""

    def height(index, replaced):
        item = replaced.get(index, SLOTS[index].item)
        return len(item.text.split()) / 10 if isinstance(item, Cited) else heights[index]

    def fits(kept, replaced):
        return sum(height(i, replaced) for i in kept) <= room

    return fits


SLOTS = [
    Slot(1, Cited("a " * 30)),  # 3 lines
    Slot(2, Cited("b " * 200)),  # 20 lines: too long for what is left
    Slot(3, Cited("c " * 10)),  # 1 line
    Slot(4, Cited("d " * 40)),  # 4 lines
]


def test_a_smaller_item_left_out_is_taken_then_the_long_one_is_shortened_into_the_rest():
    fits = _page(10, {})
    filled = fill(
        SLOTS, [0], room=7, cost=lambda i: len(SLOTS[i].item.text.split()) / 10, fits=fits
    )
    assert set(filled.kept) >= {0, 2, 3} and 1 in filled.kept
    shortened = filled.replaced[1]
    assert shortened.text.endswith(SHORTENED) and shortened.sources == SLOTS[1].item.sources
    assert fits(filled.kept, filled.replaced)
    words = len(shortened.text.split())
    assert not fits(filled.kept, {1: Cited(" ".join(["b"] * (words + 2)) + SHORTENED)})


def test_no_room_leaves_the_page_as_it_was():
    fits = _page(3, {})
    filled = fill(SLOTS, [0], room=0, cost=lambda i: 1.0, fits=fits)
    assert filled.kept == [0] and filled.replaced == {}
