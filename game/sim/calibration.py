"""How honest the player's estimates are: over many games, how often each 90% band holds the current truth,
and how much the estimates move from turn to turn against how much the truth does.

A measuring tool (benchmarks/calibration.py prints it); it reads the true state beside the observation, which
no player can, to judge the observation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Game, Rules
from game.engine.intel import ESTIMATED, rung_range
from game.engine.observation import Observation

from .policies import get_policy
from .seeds import derive_seed

ATTRIBUTES = (*ESTIMATED, "pressure")
LEVELS = ((0.0, 0.25), (0.25, 0.4), (0.4, 0.6), (0.6, 1.01))  # intelligence buckets


def level_name(low: float, high: float) -> str:
    return f"{low:.2f}–{min(high, 1.0):.2f}"


@dataclass
class Tally:
    """Counts for one attribute or one intelligence level."""

    inside: int = 0
    total: int = 0
    width: float = 0.0  # sum of band widths (in the value's own units)
    moved_estimate: float = 0.0  # sum of |estimate now − estimate last turn|
    moved_truth: float = 0.0  # sum of |truth now − truth last turn|

    @property
    def coverage(self) -> float:
        return self.inside / self.total if self.total else 0.0

    @property
    def mean_width(self) -> float:
        return self.width / self.total if self.total else 0.0

    @property
    def movement(self) -> float:
        """How many times as much the estimate moved as the truth did (inf when the truth never moved)."""
        if self.moved_truth <= 0.0:
            return float("inf") if self.moved_estimate > 0 else 1.0
        return self.moved_estimate / self.moved_truth

    def add(self, other: Tally) -> None:
        self.inside += other.inside
        self.total += other.total
        self.width += other.width
        self.moved_estimate += other.moved_estimate
        self.moved_truth += other.moved_truth


@dataclass
class Calibration:
    """One scenario's figures."""

    scenario: str
    games: int
    policy: str
    by_attribute: dict[str, Tally] = field(default_factory=lambda: {a: Tally() for a in ATTRIBUTES})
    by_level: dict[str, Tally] = field(default_factory=lambda: {level_name(*lv): Tally() for lv in LEVELS})
    rung_agrees: int = 0  # turns where the pressure estimate lies inside the range the visible rung allows
    rung_total: int = 0

    @property
    def overall(self) -> Tally:
        total = Tally()
        for t in self.by_attribute.values():
            total.add(t)
        return total

    @property
    def movement(self) -> float:
        """Movement ratio on the common 0–1 scale: pressure counts divided by its ladder's height."""
        return self.overall.movement


def _readings(game: Game, obs: Observation) -> list[tuple[str, float, float, float, float]]:
    """(attribute, estimate, low, high, truth) for every hidden value the player sees an estimate of, with
    pressure divided by its ladder's height so that every attribute is on a 0–1 scale."""
    state, rules = game.state, game.rules
    out = []
    for view, p in zip(obs.parties, state.parties, strict=True):
        for attr in ESTIMATED:
            est = view.estimates[attr]
            out.append((attr, est.value, est.low, est.high, getattr(p, attr)))
    for k, (view, pair) in enumerate(zip(obs.pairs, state.pairs, strict=True)):
        scale = rules.tops[k] + 1.0
        est = view.pressure
        out.append(("pressure", est.value / scale, est.low / scale, est.high / scale, pair.pressure / scale))
    return out


def _rung_agrees(game: Game, obs: Observation) -> tuple[int, int]:
    """How many pairs' pressure estimates (best guess and band) lie in the range their visible rung allows, of
    how many pairs."""
    agree = 0
    for k, view in enumerate(obs.pairs):
        lo, hi = rung_range(game.rules, k, view.rung)
        agree += lo <= view.pressure.low <= view.pressure.value <= view.pressure.high <= hi
    return agree, len(obs.pairs)


def measure(rules: Rules, games: int = 200, seed: int = 0, policy: str = "random") -> Calibration:
    """Play `games` games with `policy` and tally every estimate of every turn against the truth."""
    cal = Calibration(rules.scenario.id, games, policy)
    chooser = get_policy(policy, rules)
    for n in range(games):
        game = Game(rules, derive_seed(seed, n), record=False)
        last: list[tuple[float, float]] | None = None
        while True:
            quality = game.state.office.intelligence
            level = next(level_name(*lv) for lv in LEVELS if lv[0] <= quality < lv[1])
            obs = game.observation()
            readings = _readings(game, obs)
            agree, pairs = _rung_agrees(game, obs)
            cal.rung_agrees += agree
            cal.rung_total += pairs
            for j, (attr, value, low, high, truth) in enumerate(readings):
                tally = Tally(int(low - 1e-9 <= truth <= high + 1e-9), 1, high - low)
                if last is not None:
                    tally.moved_estimate = abs(value - last[j][0])
                    tally.moved_truth = abs(truth - last[j][1])
                cal.by_attribute[attr].add(tally)
                cal.by_level[level].add(tally)
            last = [(value, truth) for _, value, _, _, truth in readings]
            if game.done:
                break
            game.step(*chooser.decide(game))
    return cal
