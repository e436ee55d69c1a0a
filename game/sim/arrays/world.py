"""The state of many worlds of one scenario at once: the engine's GameState (game/engine/state.py) as arrays with
one element per world, all on the same turn.

Every value is a float64 array, whole numbers (rungs, counts, envoys) and truth values (accepted, chose, boolean
variables, as 1.0 and 0.0) included, so the scenario's expressions read them as the engine's getters do (floats)
and no array of truth values ever meets arithmetic. Party values are (parties, worlds), pair values
(pairs, worlds), the office's (worlds,).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine import escalation
from game.engine.opinion import start_levels
from game.engine.rules import Rules
from game.scenario.names import INTENTIONS

PARTY_VALUES = ("hostility", "resolve", "trust", "domestic_pressure", "receptivity", "restraint", "grievance",
                "power", "audience_cost", "engagement", "intention")
PAIR_VALUES = ("pressure", "velocity", "rung", "peak_rung", "momentum", "deployment_left", "incidents")
OFFICE_VALUES = ("prestige", "budget", "envoys", "attention", "intelligence", "coordination", "visibility")
_TABLES = ("council", "opinion", "fired", "used", "accepted", "chose", "pending")


@dataclass(eq=False)
class Worlds:
    """N worlds on turn `turn`. `ending` is each world's ending index (-1 while it plays on), `turns` the turn
    it ended on; `index` is each world's place in the batch (worlds that ended are dropped, see `take`)."""

    turn: int
    index: np.ndarray
    ending: np.ndarray
    values: dict[str, np.ndarray]  # every array below by name, for `take`
    variables: dict[str, np.ndarray]

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def n(self) -> int:
        return len(self.index)

    def take(self, keep: np.ndarray) -> Worlds:
        """The worlds at positions `keep` only (the others have ended and their records are taken)."""
        values = {k: (v[..., keep] if v.ndim else v) for k, v in self.values.items()}
        return Worlds(self.turn, self.index[keep], self.ending[keep], values,
                      {k: v[keep] for k, v in self.variables.items()})


def initial(rules: Rules, n: int) -> Worlds:
    """N copies of the scenario's opening state (game/engine/game.py `initial_state`): every world starts alike,
    only their draws differ."""
    scn = rules.scenario
    sg = scn.secretary_general

    def rows(values: list[float]) -> np.ndarray:
        return np.repeat(np.array(values, dtype=np.float64).reshape(len(values), 1), n, axis=1)

    values: dict[str, np.ndarray] = {}
    for attr in PARTY_VALUES:
        if attr == "intention":
            values[attr] = rows([INTENTIONS[p.intention] for p in scn.parties])
        elif attr == "audience_cost" or attr == "engagement":
            values[attr] = rows([0.0] * len(scn.parties))
        else:
            values[attr] = rows([float(getattr(p, attr)) for p in scn.parties])
    start_rungs = [escalation.rung_for(p.pressure, 0, rules.thresholds[k], 0.0) for k, p in enumerate(scn.pairs)]
    values["pressure"] = rows([float(p.pressure) for p in scn.pairs])
    values["velocity"] = rows([0.0] * len(scn.pairs))
    values["rung"] = rows([float(r) for r in start_rungs])
    values["peak_rung"] = rows([float(r) for r in start_rungs])
    values["momentum"] = rows([float(p.momentum) for p in scn.pairs])
    values["deployment_left"] = rows([0.0] * len(scn.pairs))
    values["incidents"] = rows([0.0] * len(scn.pairs))
    for attr in OFFICE_VALUES:
        values[attr] = np.full(n, float(getattr(sg, attr)))
    values["council"] = rows([float(m.support) for m in scn.council]).reshape(len(scn.council), n)
    values["opinion"] = rows([float(v) for v in start_levels(scn)])
    values["fired"] = np.zeros((len(rules.events), n))
    values["used"] = np.zeros((len(rules.instruments) + len(rules.proposals), n))
    values["accepted"] = np.zeros((len(rules.proposals), n))
    values["chose"] = np.zeros((sum(len(e.choices) for e in rules.events), n))
    values["pending"] = np.zeros((len(rules.events), n), dtype=bool)
    variables = {name: np.full(n, float(v)) for name, v in {**scn.variables,
                                                             **{t.id: float(t.initial) for t in scn.tracks}}.items()}
    return Worlds(0, np.arange(n), np.full(n, -1), values, variables)
