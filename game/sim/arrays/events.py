"""Scenario events over arrays: the twin of game/engine/events.py (which may fire, their chance drawn, their
effects, the ladder updated at once, their choices awaited and answered)."""

from __future__ import annotations

import numpy as np

from game.engine import rng

from . import change, escalation, exprs
from .draws import ArrayDice
from .tables import ArrayEvent, Tables
from .world import Worlds


def _chance_holds(ev: ArrayEvent, w: Worlds, dice: ArrayDice) -> np.ndarray | None:
    """Where the event's chance is drawn this turn (None: it has none, so everywhere)."""
    chance = ev.chance
    if chance is None:
        return None
    p = chance if isinstance(chance, float | int) else exprs._num(chance(w))
    return dice.uniform(w.turn, rng.EVENT, ev.rule.index) < p


def fire(T: Tables, w: Worlds, ev: ArrayEvent, where: np.ndarray) -> None:
    """Fire the event in the worlds `where`: count it, apply its effects, update the ladders, await its choices."""
    rule = ev.rule
    w.values["fired"][rule.index] += where
    if ev.effects:
        exprs.run(w, ev.effects, where)
    for k in range(len(T.rules.pair_ids)):
        escalation.update_rung(T, w, k, where)
    if rule.public:
        change.office(w, "visibility", 0.04, where)
    if rule.choices:
        w.values["pending"][rule.index] |= where


def fire_due(T: Tables, w: Worlds, dice: ArrayDice) -> None:
    """Check every event that may fire this turn, in file order (events.fire_due)."""
    fired = w.values["fired"]
    for ev in T.events_at[w.turn]:
        may = np.ones(w.n, dtype=bool) if ev.rule.repeat else fired[ev.rule.index] == 0
        if not may.any():
            continue
        if ev.when is not None:
            may &= exprs.holds(ev.when, w)
            if not may.any():
                continue
        drawn = _chance_holds(ev, w, dice)
        if drawn is not None:
            may &= drawn
        if may.any():
            fire(T, w, ev, may)


def answer_pending(T: Tables, w: Worlds, wanted: dict[int, np.ndarray] | None = None) -> None:
    """Answer the events awaiting an answer, in the order they fired (Game._answer_pending): the choice `wanted`
    (event index -> a choice index per world, -1 none), where it is affordable then, else the default."""
    pending = w.values["pending"]
    v = w.values
    for ev in T.events:
        waiting = pending[ev.rule.index]
        if not ev.rule.choices or not waiting.any():
            continue
        default = ev.rule.default_choice
        picked = np.full(w.n, default)
        if wanted is not None and ev.rule.index in wanted:
            asked = wanted[ev.rule.index]
            for j, c in enumerate(ev.rule.choices):
                if j == default:
                    continue
                can = (asked == j) & (v["prestige"] >= c.cost.prestige) & (v["budget"] >= c.cost.budget)
                picked = np.where(can, j, picked)
        for j, c in enumerate(ev.rule.choices):
            mask = waiting & (picked == j)
            if not mask.any():
                continue
            v["chose"][ev.choice_rows[j]] = np.where(mask, 1.0, v["chose"][ev.choice_rows[j]])
            if c.cost.prestige:
                change.office(w, "prestige", -c.cost.prestige, mask)
            if c.cost.budget:
                change.office(w, "budget", -c.cost.budget, mask)
            exprs.run(w, ev.choices[j], mask)
    pending[...] = False
