"""Where each name of the expression language lives in the arrays (world.py), for reading and writing.

The bounds, the rounding and whether a name can be set at all are the engine's own (`Rules.slots`, the engine's
Slot of the same name): only the storage differs. Reading gives floats, as the engine's getters do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.engine.rules import Rules
from game.engine.slots import Slot
from game.scenario.expr import Ref

from .world import Worlds


@dataclass(frozen=True, slots=True)
class Place:
    """A settable value's storage: row `row` of table `table` (None: the whole array, an office value), or the
    scenario variable `table`."""

    table: str
    row: int | None = None
    variable: bool = False

    def get(self, w: Worlds) -> np.ndarray:
        if self.variable:
            return w.variables[self.table]
        return w.values[self.table] if self.row is None else w.values[self.table][self.row]

    def put(self, w: Worlds, values: np.ndarray) -> None:
        if self.variable:
            w.variables[self.table] = values
        elif self.row is None:
            w.values[self.table] = values
        else:
            w.values[self.table][self.row] = values


class ArraySlots:
    """How the arrays read and write each Ref of one scenario."""

    def __init__(self, rules: Rules, in_field: Callable[[str], Callable[[Worlds], Any]] | None = None) -> None:
        """`in_field(key)`: how many initiatives of instrument `key` act now, for the policies that launch any
        (without one, none ever do)."""
        self.rules = rules
        self._in_field = in_field
        self._events = {e.key: e.index for e in rules.events}
        self._choices = {(e.key, c.key): j for j, (e, c) in enumerate((e, c) for e in rules.events for c in e.choices)}
        self._used = {key: j for j, key in enumerate([*rules.instruments, *rules.proposals])}
        self._accepted = {key: j for j, key in enumerate(rules.proposals)}

    def engine_slot(self, ref: Ref) -> Slot:
        return self.rules.slots.slot(ref)

    def place(self, ref: Ref) -> Place | None:
        """Where a settable Ref is kept; None for a read-only one (the engine ignores effects on those too)."""
        if self.engine_slot(ref).set is None:
            return None
        kind, key, attr = ref
        rules = self.rules
        if kind == "party":
            return Place(attr, rules.party_ids.index(key))
        if kind == "pair":
            return Place(attr, rules.pair_ids.index(key))
        if kind == "global":
            return Place(attr)
        if kind == "council":
            return Place("council", rules.council_ids.index(key))
        if kind == "var":
            return Place(attr, variable=True)
        raise KeyError(f"no place for {ref}")

    def inline(self, ref: Ref) -> tuple[str, Any] | None:
        """How a generated array expression reads `ref` itself (Expression.bind_arrays), or None for `getter`."""
        kind, key, attr = ref
        rules = self.rules
        if kind == "party":
            return f"s.values[{attr!r}][{rules.party_ids.index(key)}]", None
        if kind == "pair":
            return f"s.values[{attr!r}][{rules.pair_ids.index(key)}]", None
        if kind == "global" and attr in _OFFICE:
            return f"s.values[{attr!r}]", None
        if kind == "var":
            return "s.variables[{key}]", attr
        if kind == "council":
            return f"s.values['council'][{rules.council_ids.index(key)}]", None
        if kind == "fired":
            return f"_num(s.values['fired'][{self._events[key]}] > 0.0)", None
        if kind == "used":
            return f"s.values['used'][{self._used[key]}]", None
        if kind == "accepted":
            return f"s.values['accepted'][{self._accepted[key]}]", None
        if kind == "chose":
            return f"s.values['chose'][{self._choices[(key, attr)]}]", None
        return None

    def getter(self, ref: Ref) -> Callable[[Worlds], Any]:
        """The names no template reads: the calendar, and what follows from the initiatives and the ladders."""
        kind, key, attr = ref
        rules = self.rules
        if kind == "in_field":
            if self._in_field is None:
                return lambda w: 0.0
            return self._in_field(key)
        if kind != "global":
            raise KeyError(f"no getter for {ref}")
        ords = [d.toordinal() for d in rules.dates]
        ords.append(ords[-1])  # after the last turn the date stays the last
        derived: dict[str, Callable[[Worlds], Any]] = {
            "turn": lambda w: float(w.turn),
            "turns_left": lambda w: float(rules.turns - w.turn),
            "date": lambda w: float(ords[w.turn]),
            "envoys_free": lambda w: w.envoys - w.values.get("envoys_busy", 0.0),
            "attention_free": lambda w: (np.maximum(0.0, w.attention - rules.distraction_attention[
                min(w.turn, rules.turns - 1)]) - w.values.get("attention_used", 0.0)),
            "max_rung": lambda w: w.rung.max(axis=0),
        }
        return derived[attr]

    def choice_index(self, event: str, choice: str) -> int:
        return self._choices[(event, choice)]

    def used_index(self, key: str) -> int:
        return self._used[key]


_OFFICE = ("prestige", "budget", "envoys", "attention", "intelligence", "coordination", "visibility")

