"""Play many worlds of one scenario to their end at once: the array back end's API for Monte Carlo.

`play_passive(rules, seeds)` plays one game per seed with a Secretary-General who does nothing (events take their
default answers), as `Game(rules, seed)` stepped to its end does, and returns what each game left: its ending,
turns, peak rungs, final prestige and budget, in the order of the seeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.engine.endings import PER_RUNG_SPARED, PREVENTED_FAILURE
from game.engine.rules import Rules

from . import turn
from .draws import ArrayDice
from .tables import Tables
from .world import Worlds, initial

_TABLES: dict[int, tuple[Rules, Tables]] = {}


@dataclass(frozen=True)
class Outcomes:
    """Per game, in the order of the seeds: the ending's index in `rules.endings` (and its id), the turns played,
    each pair's peak rung, the final prestige and budget."""

    seeds: tuple[int, ...]
    ending: np.ndarray
    turns: np.ndarray
    peak_rungs: np.ndarray  # (games, pairs)
    prestige: np.ndarray
    budget: np.ndarray
    start_prestige: np.ndarray  # after the opening's events: what the score counts prestige from
    ending_ids: tuple[str, ...]

    def endings(self) -> list[str]:
        return [self.ending_ids[i] for i in self.ending]


def scores(rules: Rules, mine: Outcomes, baseline: Outcomes) -> list[float]:
    """Each game's score against its no-intervention baseline (game i of both on the same seed), as
    game/engine/endings.py `score` computes it: the same terms added in the same order."""
    out = []
    for j in range(len(mine.seeds)):
        ours, theirs = rules.endings[mine.ending[j]], rules.endings[baseline.ending[j]]
        prevention = PREVENTED_FAILURE if theirs.rating == "failure" and ours.rating != "failure" else 0.0
        spared = PER_RUNG_SPARED * sum(int(b) - int(p) for p, b in zip(mine.peak_rungs[j], baseline.peak_rungs[j],
                                                                        strict=True))
        prestige = (float(mine.prestige[j]) - float(mine.start_prestige[j])) / 5.0
        out.append(round(ours.score + prevention + spared + prestige, 1))
    return out


def tables_for(rules: Rules) -> Tables:
    """The array tables of these rules, built once per Rules object (raises exprs.Unsupported)."""
    found = _TABLES.get(id(rules))
    if found is None or found[0] is not rules:
        found = _TABLES[id(rules)] = (rules, Tables(rules))
    return found[1]


class _Collector:
    """Takes the records of the worlds that end; the others play on. Worlds that ended are dropped from the arrays
    only once they are a good share of them (`COMPACT`): until then they are stepped along, unread."""

    COMPACT = 0.25

    def __init__(self, n: int, pairs: int) -> None:
        self.ending = np.full(n, -1)
        self.turns = np.zeros(n, dtype=np.int64)
        self.peaks = np.zeros((n, pairs), dtype=np.int64)
        self.prestige = np.zeros(n)
        self.budget = np.zeros(n)
        self.live: np.ndarray | None = None  # per world of the arrays, whether it still plays

    def take(self, w: Worlds, dice: ArrayDice, ended: np.ndarray) -> tuple[Worlds, ArrayDice]:
        live = self.live if self.live is not None else np.ones(w.n, dtype=bool)
        done = (ended >= 0) & live
        if done.any():
            at = w.index[done]
            self.ending[at] = ended[done]
            self.turns[at] = w.turn
            self.peaks[at] = w.values["peak_rung"][:, done].T.astype(np.int64)
            self.prestige[at] = w.values["prestige"][done]
            self.budget[at] = w.values["budget"][done]
            live = live & ~done
        if live.all():
            self.live = None
            return w, dice
        if live.sum() > (1.0 - self.COMPACT) * w.n and live.any():
            self.live = live
            return w, dice
        keep = np.flatnonzero(live)
        self.live = None
        return w.take(keep), dice.take(keep)


def play_passive(rules: Rules, seeds: Sequence[int]) -> Outcomes:
    """One passive game per seed, played to its end on arrays."""
    T = tables_for(rules)
    n = len(seeds)
    w = initial(rules, n)
    dice = ArrayDice(seeds)
    out = _Collector(n, len(rules.pair_ids))
    with np.errstate(all="ignore"):
        ended = turn.start(T, w, dice)
        start_prestige = w.values["prestige"].copy()
        w, dice = out.take(w, dice, ended)
        while w.n:
            w, dice = out.take(w, dice, turn.step(T, w, dice))
    return Outcomes(tuple(int(s) for s in seeds), out.ending, out.turns, out.peaks, out.prestige, out.budget,
                    start_prestige, tuple(e.key for e in rules.endings))
