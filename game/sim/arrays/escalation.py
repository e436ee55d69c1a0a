"""Escalation over arrays: the twin of game/engine/escalation.py (Richardson's hostility, pressure following it,
incidents, the ladder with sticky thresholds, the world's attention, decay), the same operations in the same
order on every world."""

from __future__ import annotations

import numpy as np

from game.engine import rng
from game.engine.instruments import INCIDENT_DAMPING

from . import change
from .draws import ArrayDice
from .tables import Tables
from .world import Worlds


def step_hostility(T: Tables, w: Worlds) -> None:
    """One Euler step of the Richardson system for all parties at once (escalation.step_hostility)."""
    rules = T.rules
    h = w.values["hostility"]
    rates = [-w.values["restraint"][i] * h[i] + w.values["grievance"][i] for i in range(len(rules.party_ids))]
    for k, (a, b) in enumerate(rules.pair_members):
        ra, rb = rules.reaction[k]
        rates[a] = rates[a] + ra * h[b]
        rates[b] = rates[b] + rb * h[a]
    dt = rules.tuning.step
    for i in rules.deciders:
        change.party(w, i, "hostility", dt * rates[i])


def roll_incident(T: Tables, w: Worlds, dice: ArrayDice, k: int) -> None:
    """Random incidents, likelier with each rung, rarer with troops on the ground (escalation.roll_incident)."""
    rules = T.rules
    if w.turn < rules.incidents_from[k]:
        return
    deployed = w.values["deployment_left"][k] > 0
    chance = rules.tuning.incident_rate * (w.values["rung"][k] + 1)
    chance = np.where(deployed, chance * INCIDENT_DAMPING, chance)
    hit = (chance > 0.0) & (dice.uniform(w.turn, rng.INCIDENT, k) < chance)
    if not hit.any():
        return
    w.values["incidents"][k] += hit
    change.pressure(w, k, T.tops[k], rules.tuning.incident_size, hit)
    for i in rules.pair_members[k]:
        change.party(w, i, "hostility", 0.03, hit)
    change.office(w, "visibility", 0.05, hit)


def step_pressure(T: Tables, w: Worlds, k: int, start: np.ndarray) -> None:
    """Pressure moves toward where the parties' hostility puts it, with momentum (escalation.step_pressure)."""
    rules = T.rules
    a, b = rules.pair_members[k]
    h = w.values["hostility"]
    ha, hb = h[a], h[b]
    target = rules.tops[k] * (0.5 * np.maximum(ha, hb) + 0.25 * (ha + hb))
    p = w.values["pressure"]
    pull = rules.tuning.hostility_to_pressure * (target - p[k])
    change.pressure(w, k, T.tops[k], pull + w.values["momentum"][k] * w.values["velocity"][k])
    w.values["velocity"][k] = p[k] - start


def rung_for(T: Tables, k: int, pressure: np.ndarray, current: np.ndarray) -> np.ndarray:
    """The rung each pressure maps to from its current rung, with hysteresis at threshold rungs
    (escalation.rung_for, one step of its loops at a time over every world)."""
    if ((current + 1 > pressure) & (pressure >= current)).all():
        return current  # every world still inside its rung: no threshold can move it (escalation.update_rung)
    climb, top = T.climb[k], T.tops[k]
    rung = current.copy()
    while True:
        up = rung < top
        margin = climb[np.minimum(rung + 1, top).astype(np.intp)]
        up &= pressure >= rung + 1 + margin
        if not up.any():
            break
        rung += up
    while True:
        down = rung > 0
        down &= pressure < rung - climb[rung.astype(np.intp)]
        if not down.any():
            break
        rung -= down
    return rung


def update_rung(T: Tables, w: Worlds, k: int, where: np.ndarray | None = None) -> None:
    """The ladder follows the pressure (escalation.update_rung), in the worlds `where` (all when None)."""
    current = w.values["rung"][k]
    new = rung_for(T, k, w.values["pressure"][k], current)
    if where is not None:
        new = np.where(where, new, current)
    change.rung(w, k, new)


def world_rung(T: Tables, k: int, turn: int, rung: np.ndarray):
    """The rung the world sees on pair k at `turn` (Rules.world_rung)."""
    rules = T.rules
    return float(rules.secret_rung[k]) if turn < rules.public_from[k] else rung


def drift_visibility(T: Tables, w: Worlds) -> None:
    """Visibility drifts toward what the worst pair's escalation, as the world sees it, implies."""
    rules = T.rules
    worst = None
    for k in range(len(rules.pair_ids)):
        height = world_rung(T, k, w.turn, w.values["rung"][k]) / rules.tops[k]
        worst = height if worst is None else np.where(height > worst, height, worst)
    vis = w.values["visibility"]
    change.office(w, "visibility", 0.25 * (np.minimum(1.0, 1.2 * worst) - vis))


def decay(T: Tables, w: Worlds) -> None:
    """Engagement fades fast, audience costs slowly (adding nothing where they are zero, as the engine skips)."""
    for i in range(len(T.rules.party_ids)):
        change.party(w, i, "engagement", -0.5 * w.values["engagement"][i])
        change.party(w, i, "audience_cost", -0.1 * w.values["audience_cost"][i])


def step_escalation(T: Tables, w: Worlds, dice: ArrayDice, starts: np.ndarray) -> None:
    """The whole dynamics phase of a turn, after instruments and decisions have acted."""
    step_hostility(T, w)
    for k in range(len(T.rules.pair_ids)):
        roll_incident(T, w, dice, k)
        step_pressure(T, w, k, starts[k])
        update_rung(T, w, k)
    drift_visibility(T, w)
    decay(T, w)
