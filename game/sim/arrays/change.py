"""The engine's mutators (game/engine/context.py `Ctx.party`, `pressure`, `office`, `rung`) over arrays: add,
then hold within the same bounds, in the worlds `where` (all when None)."""

from __future__ import annotations

import numpy as np

from game.engine.context import _OFFICE_LIMITS

from .world import Worlds


def _clamped(after: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return np.where(after < lo, lo, np.where(after > hi, hi, after))


def _put(row: np.ndarray, new: np.ndarray, where: np.ndarray | None) -> None:
    row[...] = new if where is None else np.where(where, new, row)


def party(w: Worlds, i: int, attr: str, delta, where: np.ndarray | None = None) -> None:
    """Add `delta` to party i's `attr`, within [0, 1] ([-1, 1] for grievance)."""
    row = w.values[attr][i]
    _put(row, _clamped(row + delta, -1.0 if attr == "grievance" else 0.0, 1.0), where)


def pressure(w: Worlds, k: int, top: int, delta, where: np.ndarray | None = None) -> None:
    """Add `delta` to pair k's pressure, kept on its ladder [0, top + 0.999]."""
    row = w.values["pressure"][k]
    _put(row, _clamped(row + delta, 0.0, top + 0.999), where)


def office(w: Worlds, attr: str, delta, where: np.ndarray | None = None) -> None:
    """Add `delta` to one of the office's continuous values."""
    lo, hi = _OFFICE_LIMITS[attr]
    row = w.values[attr]
    _put(row, _clamped(row + delta, lo, hi), where)


def rung(w: Worlds, k: int, new: np.ndarray) -> None:
    """Pair k's rung is now `new`; its peak follows."""
    w.values["rung"][k] = new
    peak = w.values["peak_rung"][k]
    peak[...] = np.where(new > peak, new, peak)
