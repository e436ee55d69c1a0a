"""A whole turn over arrays, in the engine's order (game/engine/game.py `Game.__init__` and `Game.step`) for
worlds where the Secretary-General orders nothing: events answered, parties' decisions, escalation, the office's
resources, the next turn's events, world opinion, endings."""

from __future__ import annotations

import numpy as np

from . import change, endings, escalation, events, exprs, opinion, parties
from .draws import ArrayDice
from .tables import Tables
from .world import Worlds


def start(T: Tables, w: Worlds, dice: ArrayDice) -> np.ndarray:
    """The opening: turn 0's events, then the endings already reached (Game.__init__)."""
    events.fire_due(T, w, dice)
    return endings.reached(T, w)


def resources(T: Tables, w: Worlds) -> None:
    """Income, distractions' drain, prestige's recovery (game.prestige_recovery) and the progress tracks
    (Game._resources)."""
    rules = T.rules
    t = w.turn
    if rules.budget_income:
        change.office(w, "budget", rules.budget_income)
    drain = rules.distraction_budget[t]
    if drain:
        change.office(w, "budget", -drain)
    prestige = w.values["prestige"]
    tuning = rules.tuning
    shortfall = rules.scenario.secretary_general.prestige - prestige
    recovery = tuning.prestige_recovery + np.where(shortfall > 0, tuning.prestige_rebound * shortfall, 0.0)
    change.office(w, "prestige", recovery)
    everywhere = np.ones(w.n, dtype=bool)
    for place, slot, per_turn in T.tracks:
        if per_turn is not None:
            exprs.apply(w, place, slot, "+=", exprs._num(per_turn(w)), everywhere)


def step(T: Tables, w: Worlds, dice: ArrayDice, answers: dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Resolve turn `w.turn` in every world, with `answers` to the pending events (default choices elsewhere);
    returns each world's ending index (-1 where it plays on)."""
    rules = T.rules
    v = w.values
    t = w.turn
    starts = v["pressure"].copy()
    rungs = [escalation.world_rung(T, k, t - 1, v["rung"][k].copy()) for k in range(len(rules.pair_ids))]
    support = opinion.mean_council(w)
    events.answer_pending(T, w, answers)
    parties.decide_all(T, w, dice)
    escalation.step_escalation(T, w, dice, starts)
    resources(T, w)
    w.turn = t + 1
    if w.turn < rules.turns:
        events.fire_due(T, w, dice)
    opinion.update(T, w, t, rungs, support)
    return endings.reached(T, w)
