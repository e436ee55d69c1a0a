"""World opinion over arrays: the twin of game/engine/opinion.py `update` (fading, public moves, rungs crossed,
deals, the Council's support), the same operations in the same order."""

from __future__ import annotations

import numpy as np

from game.engine.opinion import COUNCIL

from .escalation import world_rung
from .tables import Tables
from .world import Worlds


def _move(w: Worlds, a: int, gain, where: np.ndarray | None = None) -> None:
    """Move audience `a` by `gain`, with diminishing returns near either end (opinion._move)."""
    levels = w.values["opinion"][a]
    after = levels + np.where(gain > 0, gain * (1.0 - levels), gain * levels)
    after = np.where(after < 0.0, 0.0, np.where(after > 1.0, 1.0, after))
    levels[...] = after if where is None else np.where(where, after, levels)


def mean_council(w: Worlds) -> np.ndarray | float:
    """The Council members' mean support, summed in their order as the engine's `sum` does (0 with none)."""
    council = w.values["council"]
    if not len(council):
        return 0.0
    total = council[0] + 0.0
    for m in range(1, len(council)):
        total = total + council[m]
    return total / len(council)


def update(T: Tables, w: Worlds, turn: int, rungs_before: list, council_before, public: np.ndarray | None = None,
           deals: np.ndarray | None = None) -> None:
    """The turn's movement of world opinion. `public` and `deals` count, per world, the public moves and the
    deals of the turn (each moves opinion once, in that order)."""
    rules = T.rules
    cfg = rules.scenario.opinion
    levels = w.values["opinion"]
    for a, start in enumerate(rules.opinion_start):
        drift = cfg.memory * (start - levels[a])
        levels[a] = np.where(np.abs(drift) > 1e-12, levels[a] + drift, levels[a])
    vis = w.values["visibility"]
    watched = 0.5 + vis
    public_weights, escalation_weights, deal_weights = rules.opinion_weights
    if public is not None:
        for n in range(1, int(public.max(initial=0)) + 1):
            for a, weight in public_weights:
                _move(w, a, weight * watched, public >= n)
    for k, before in enumerate(rungs_before):
        now = world_rung(T, k, turn, w.values["rung"][k])
        climbed = now - before
        moved = np.not_equal(climbed, 0)
        if not np.any(moved):
            continue
        for a, weight in escalation_weights:
            _move(w, a, -weight * climbed * vis, np.broadcast_to(moved, (w.n,)))
    if deals is not None:
        for n in range(1, int(deals.max(initial=0)) + 1):
            for a, weight in deal_weights:
                _move(w, a, weight * watched, deals >= n)
    if len(w.values["council"]) and cfg.council_follow:
        shift = mean_council(w) - council_before
        _move(w, COUNCIL, cfg.council_follow * shift, np.abs(shift) > 1e-9)
