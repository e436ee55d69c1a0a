"""A scenario's rules for the array back end: the engine's `Rules` with every expression and effect bound over
arrays (exprs.py), built once per scenario and shared by every batch of worlds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.rules import EventRule, Rules

from . import exprs
from .exprs import ArrayEffect, ArrayFn
from .slots import ArraySlots


@dataclass(frozen=True, slots=True)
class ArrayEvent:
    """An event's condition, chance (a number, an expression or None), effects and choices' effects."""

    rule: EventRule
    when: ArrayFn | None
    chance: float | ArrayFn | None
    effects: tuple[ArrayEffect, ...]
    choices: tuple[tuple[ArrayEffect, ...], ...]
    choice_rows: tuple[int, ...]  # each choice's row in the worlds' `chose` table


class Tables:
    """Everything about a scenario the array turn reads, indexed as the engine's Rules are."""

    def __init__(self, rules: Rules, slots: ArraySlots | None = None) -> None:
        """Raises exprs.Unsupported when an expression cannot be generated over arrays."""
        self.rules = rules
        self.slots = slots = slots or ArraySlots(rules)
        compiled = rules.compiled
        self.events: list[ArrayEvent] = []
        for ev in rules.events:
            i = ev.index
            chance = ev.chance
            if chance is not None and not isinstance(chance, float | int):
                chance = exprs.bind(slots, compiled.expressions[("events", i, "chance")])
            self.events.append(ArrayEvent(
                ev, exprs.bind(slots, compiled.expressions.get(("events", i, "when"))), chance,
                exprs.effects(slots, compiled.effects.get(("events", i, "effects"), ())),
                tuple(exprs.effects(slots, compiled.effects.get(("events", i, "choices", j, "effects"), ()))
                      for j in range(len(ev.choices))),
                tuple(slots.choice_index(ev.key, c.key) for c in ev.choices)))
        self.events_at = [tuple(self.events[e.index] for e in evs) for evs in rules.events_at]
        self.endings = [exprs.bind(slots, compiled.expressions.get(("endings", i, "when")))
                        for i in range(len(rules.endings))]
        self.at_end = [e.at_end for e in rules.endings]
        self.tracks = [(slots.place(("var", None, t.key)), t.slot,
                        exprs.bind(slots, compiled.expressions.get(("tracks", i, "per_turn"))))
                       for i, t in enumerate(rules.tracks)]
        # the ladders: per pair, the margin to climb into each rung (index r) and to fall out of it
        margin = rules.tuning.threshold_margin
        self.climb = [np.array([(margin if th else 0.0) for th in ths]) for ths in rules.thresholds]
        self.tops = rules.tops
