"""Endings over arrays: the first ending whose condition holds, at the end of the calendar also the `at_end`
ones (game/engine/endings.py `reached`)."""

from __future__ import annotations

import numpy as np

from . import exprs
from .tables import Tables
from .world import Worlds


def reached(T: Tables, w: Worlds) -> np.ndarray:
    """Each world's ending index, -1 where none is reached."""
    out_of_time = w.turn >= T.rules.turns
    found = np.full(w.n, -1)
    open_ = np.ones(w.n, dtype=bool)
    for i, (when, at_end) in enumerate(zip(T.endings, T.at_end, strict=True)):
        if at_end and not out_of_time:
            continue
        hit = open_ & exprs.holds(when, w)
        found[hit] = i
        open_ &= ~hit
        if not open_.any():
            break
    return found
