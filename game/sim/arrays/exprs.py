"""The scenario's expressions and effects over many worlds at once, generated from the engine's own parsed trees
(`Expression.bind_arrays`), never from the scenario's text; and `apply`, the twin of the engine's `Ctx.apply`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.engine.slots import Slot
from game.scenario.expr import Effect, Expression

from .slots import ArraySlots, Place
from .world import Worlds

ArrayFn = Callable[[Worlds], Any]


class Unsupported(Exception):
    """Something of a scenario or a policy the array back end does not play; the message says what."""


def _truth(x: Any) -> Any:
    """Whether each value counts as true: non-zero (NaN included, as in Python)."""
    return np.not_equal(x, 0)


def _num(x: Any) -> Any:
    """A truth value as the number 1.0 or 0.0 (numbers pass unchanged)."""
    return np.asarray(x, dtype=np.float64)


def _div(a: Any, d: Any) -> Any:
    """The language's division: by zero gives 0.0."""
    nonzero = np.not_equal(d, 0)
    return np.where(nonzero, np.divide(a, np.where(nonzero, d, 1.0)), 0.0)


def _min2(a: Any, b: Any) -> Any:
    """Python's min(a, b): b only where b < a (so the first of equals, and a NaN first, is kept)."""
    return np.where(b < a, b, a)


def _max2(a: Any, b: Any) -> Any:
    return np.where(b > a, b, a)


HELPERS = {"where": np.where, "div": _div, "min2": _min2, "max2": _max2, "abs": np.abs, "truth": _truth,
           "num": _num}


def bind(slots: ArraySlots, expr: Expression | None) -> ArrayFn | None:
    """The expression as a function of the worlds; Unsupported when it cannot be generated."""
    if expr is None:
        return None
    fn = expr.bind_arrays(slots.getter, slots.inline, HELPERS)
    if fn is None:
        raise Unsupported(f"the expression '{expr.text}' is too deep for the array back end", expr.text)
    return fn


def holds(fn: ArrayFn | None, w: Worlds) -> np.ndarray:
    """Where a condition holds (everywhere when there is none)."""
    if fn is None:
        return np.ones(w.n, dtype=bool)
    return np.broadcast_to(_truth(fn(w)), (w.n,))


@dataclass(frozen=True, slots=True)
class ArrayEffect:
    """One compiled effect `target op value [if guard]`: where its target is kept and the engine's slot for it."""

    place: Place | None
    slot: Slot
    op: str
    value: ArrayFn
    guard: ArrayFn | None


def effects(slots: ArraySlots, compiled: tuple[Effect, ...] | list[Effect]) -> tuple[ArrayEffect, ...]:
    return tuple(ArrayEffect(slots.place(e.target), slots.engine_slot(e.target), e.op, bind(slots, e.value),
                             bind(slots, e.guard)) for e in compiled)


def run(w: Worlds, effs: tuple[ArrayEffect, ...], where: np.ndarray) -> None:
    """Apply effects in order in the worlds `where` (Ctx.effects): each sees the state the previous one left, and
    one with a guard applies only where its guard holds at that moment."""
    for eff in effs:
        mask = where if eff.guard is None else where & holds(eff.guard, w)
        if eff.place is None or not mask.any():
            continue
        apply(w, eff.place, eff.slot, eff.op, eff.value(w), mask)


def apply(w: Worlds, place: Place, slot: Slot, op: str, value: Any, where: np.ndarray) -> None:
    """`slot op value` in the worlds `where`, as Ctx.apply: a result that is no number leaves the value as it was;
    truth values become 1.0 or 0.0; others are held within the slot's bounds and whole ones rounded (half to
    even, as Python's round)."""
    before = place.get(w)
    if op == "=":
        after = np.broadcast_to(_num(value), before.shape)
    elif op == "+=":
        after = before + value
    elif op == "-=":
        after = before - value
    else:
        after = before * value
    keep = where & (after == after)
    if slot.boolean:
        after = _num(after != 0)
    else:
        lo, hi = slot.lo, slot.hi
        after = np.where(after < lo, lo, np.where(after > hi, hi, after))
        if slot.integer:
            after = np.rint(after)
    place.put(w, np.where(keep, after, before))
