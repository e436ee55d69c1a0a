"""Party decisions over arrays: the twin of game/engine/parties.py (utilities, the softmax with one addressed
draw, the decisions applied in order, intentions shifting), the same operations in the same order."""

from __future__ import annotations

import numpy as np

from game.engine import rng
from game.engine.parties import ESCALATION_COST, HOLD_UTILITY, TEMPERATURE

from . import change
from .draws import ArrayDice
from .tables import Tables
from .world import Worlds

ESCALATE, HOLD, STEP_BACK = 0, 1, 2  # a decision's code in these arrays
_BIAS = 0.25  # parties._INTENT_BIAS is this times the intention's number (escalate 1, hold 0, settle -1)


def scores(T: Tables, w: Worlds, i: int) -> tuple[np.ndarray, float, np.ndarray]:
    """Utilities of (escalate, hold, step back) for party i in every world (parties.scores)."""
    v = w.values
    rung = v["rung"]
    worst = 0.0
    for k in T.rules.pairs_of_party[i]:
        height = rung[k] / T.tops[k]
        worst = np.where(height > worst, height, worst)
    resolve, hostility = v["resolve"][i], v["hostility"][i]
    dread = worst * worst * (1.0 - 0.5 * resolve)
    influence = v["engagement"][i] * (0.5 * v["trust"][i] + 0.5 * v["receptivity"][i])
    bias = _BIAS * v["intention"][i]
    esc = (
        0.8 * hostility
        + 0.3 * v["domestic_pressure"][i]
        + bias
        + 0.3 * v["grievance"][i]
        - 0.9 * dread
        - 0.5 * influence
        - ESCALATION_COST
    )
    back = (0.45 * (1.0 - hostility) + 0.7 * influence - bias - 0.6 * v["audience_cost"][i] - 0.2 * resolve
            + 0.7 * dread)
    return esc, HOLD_UTILITY, back


def choose(T: Tables, w: Worlds, dice: ArrayDice, i: int) -> np.ndarray:
    """Softmax over the three utilities with one addressed draw (parties.choose): a decision code per world."""
    esc, hold, back = scores(T, w, i)
    top = np.where(esc >= hold, esc, hold)
    top = np.where(back > top, back, top)
    we = np.exp((esc - top) / TEMPERATURE)
    wh = np.exp((hold - top) / TEMPERATURE)
    wb = np.exp((back - top) / TEMPERATURE)
    u = dice.uniform(w.turn, rng.DECISION, i) * (we + wh + wb)
    return np.where(u < we, ESCALATE, np.where(u < we + wh, HOLD, STEP_BACK))


def apply_decision(T: Tables, w: Worlds, i: int, decision: np.ndarray) -> None:
    """Escalating or stepping back moves the party's hostility and its pairs' pressure (parties.apply_decision);
    holding changes nothing."""
    v = w.values
    moved = decision != HOLD
    if not moved.any():
        return
    escalate = decision == ESCALATE
    back = decision == STEP_BACK
    sign = np.where(escalate, 1.0, -1.0)
    change.party(w, i, "hostility", 0.05 * sign, moved)
    for k in T.rules.pairs_of_party[i]:
        change.pressure(w, k, T.tops[k], sign * 0.3 * (0.5 + v["resolve"][i]), moved)
    change.party(w, i, "audience_cost", 0.03, escalate & (v["visibility"] > 0.3))
    cost = v["audience_cost"][i]
    change.party(w, i, "domestic_pressure", 0.1 * cost, back & (cost > 0.3))


def update_intention(w: Worlds, i: int) -> None:
    """Hidden intentions shift when a party's state leaves no doubt (parties.update_intention)."""
    v = w.values
    h, dp, eng = v["hostility"][i], v["domestic_pressure"][i], v["engagement"][i]
    now = v["intention"][i]
    now[...] = np.where((h > 0.75) & (dp > 0.6), 1.0, np.where((h < 0.3) & (eng > 0.2), -1.0, now))


def decide_all(T: Tables, w: Worlds, dice: ArrayDice, forced: dict[int, np.ndarray] | None = None) -> None:
    """Every party decides on the same state, then the decisions apply in order (parties.decide_all)."""
    deciders = T.rules.deciders
    choices = [choose(T, w, dice, i) for i in deciders]
    if forced:
        choices = [forced.get(i, c) for i, c in zip(deciders, choices, strict=True)]
    for i, decision in zip(deciders, choices, strict=True):
        apply_decision(T, w, i, decision)
        update_intention(w, i)
