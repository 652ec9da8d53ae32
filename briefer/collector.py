"""Python's cyclic garbage collector around start-up.

Start-up makes about 110,000 objects that live as long as the app (modules, classes, Qt
wrappers, the window) and almost no cyclic garbage: under 600 small objects (functions,
tuples, classes left over from imports), none of them Qt's. Left running, the collector makes
about 160 passes over them before the window first paints (some 35 ms), and every full pass
afterwards examines all of them again (about 17 ms, a hitch in the middle of a pan).

So the window is built with the collector paused; once it is shown, everything then alive is
frozen (``gc.freeze``: moved out of the collector's sight for good, as servers do before
forking) and the collector resumes for what the session makes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block, and as it was before once the block ends, however
    it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Freeze what start-up made and let the collector run again."""
    gc.freeze()
    gc.enable()
