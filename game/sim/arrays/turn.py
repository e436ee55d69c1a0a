"""A whole turn over arrays, in the engine's order (game/engine/game.py `Game.__init__` and `Game.step`) for
worlds where the Secretary-General orders nothing: events answered, parties' decisions, escalation, the office's
resources, the next turn's events, world opinion, endings; with orders, the moves launched and the initiatives
at work before the parties decide."""

from __future__ import annotations

import numpy as np

from . import change, endings, escalation, events, exprs, instruments, opinion, parties
from .draws import ArrayDice
from .orders import Orders, launch
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


def step(T: Tables, w: Worlds, dice: ArrayDice, orders: Orders | None = None) -> np.ndarray:
    """Resolve turn `w.turn` in every world with `orders` (none: nothing ordered, every event's default answer);
    returns each world's ending index (-1 where it plays on)."""
    rules = T.rules
    v = w.values
    t = w.turn
    starts = v["pressure"].copy()
    rungs = [escalation.world_rung(T, k, t - 1, v["rung"][k].copy()) for k in range(len(rules.pair_ids))]
    support = opinion.mean_council(w)
    public = deals = None
    if orders is not None:
        events.answer_pending(T, w, orders.answers)
        public, deals = [np.zeros(w.n), np.zeros(w.n)], np.zeros(w.n, dtype=np.int64)
        for place, chosen in enumerate((orders.first, orders.second)):
            launch(T, w, dice, chosen, public[place], deals, place)
    else:
        events.answer_pending(T, w)
    if v["ini_active"].any():
        instruments.act_all(T, w, dice)
    parties.decide_all(T, w, dice)
    escalation.step_escalation(T, w, dice, starts)
    resources(T, w)
    v["ini_active"] &= v["ini_ends"] > t
    w.turn = t + 1
    if w.turn < rules.turns:
        events.fire_due(T, w, dice)
    opinion.update(T, w, t, rungs, support, public, deals)
    return endings.reached(T, w)
