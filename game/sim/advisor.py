"""The advisor: for each move open to the player this turn, estimated chances of each kind of ending.

It sees only what the player sees. Each rollout starts from a plausible world drawn from the observation: the
public facts as they are, every estimated value drawn within its confidence band, each pair's pressure within
its band and its visible rung, and each party's intention as revealed by a recent contact or else guessed from
its estimated hostility. Values no estimate covers (restraint, grievance) come from the scenario's briefing,
audience costs are guessed from how public the crisis is, and the office's own engagement is known to it.
With poor intelligence the bands are wide and the estimates late, so the advisor is confidently wrong now and
then, as a real staff would be. Every move is tried on the same sampled worlds and futures (common random
numbers), then the game is played out as the real Secretary-General went on (the scenario's historical
policy, where it has one) or else by waiting: a staff judges a move within a plausible course, not in a void.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from game.engine import Action, Game
from game.engine.intel import Z90, history_row
from game.engine.observation import Observation
from game.engine.state import GameState

from .policies import Historical, historical_plan
from .seeds import splitmix64

RATINGS = ("success", "partial", "failure")
RATING_ORDER = {"success": 2.0, "partial": 1.0, "failure": -2.0}  # how the ranking values each kind of ending
STEP_BUDGET = 30_000  # simulated turns one call may take by default; long scenarios get a shorter look ahead
MIN_HORIZON = 4


@dataclass(frozen=True)
class Advice:
    """One move and what the advisor expects of it."""

    action: Action | None  # None = wait / do nothing this turn
    ratings: dict[str, float]  # success / partial / failure -> estimated share
    endings: dict[str, float]  # ending id -> estimated share
    spread: float  # 90% half-width on the estimated chance of success
    runs: int

    @property
    def value(self) -> float:
        """How the advisor ranks moves: chance of success, half a partial, minus twice a failure."""
        return sum(RATING_ORDER[r] * share for r, share in self.ratings.items())


def continues_with_history(game: Game, follow_history: bool = True) -> bool:
    """Whether rollouts go on as history did (the scenario has a historical policy) rather than by waiting."""
    return follow_history and bool(game.rules.historical)


def advise(game: Game, *, runs: int = 60, seed: int = 0, limit: int | None = None,
           horizon: int | None = None, follow_history: bool = True) -> list[Advice]:
    """Estimated chances for waiting and for each legal action now, best first (at most `limit` of them).

    `runs` rollouts per move, on worlds sampled from the observation; `horizon` caps how many turns each
    rollout plays after this one (None: to the end, or fewer when runs x moves x turns left would exceed
    STEP_BUDGET). After the move, rollouts go on as the historical policy did when `follow_history` and the
    scenario has one, else by waiting. An unfinished rollout counts as the first at-end ending whose condition
    holds where it stopped.
    Deterministic for the same game and seed; never changes `game`.
    """
    if game.done:
        return []
    obs = game.observation()
    waits = {key for key, ins in game.rules.instruments.items() if ins.kind == "wait"}
    moves: list[Action | None] = [None, *(a for a in game.legal_actions() if a.use not in waits)]
    worlds = [sample_state(game, obs, seed, n) for n in range(runs)]
    if horizon is None:
        left = game.rules.turns - game.turn
        horizon = min(left, max(MIN_HORIZON, STEP_BUDGET // max(1, runs * len(moves))))
    then = Historical(historical_plan(game.rules)) if continues_with_history(game, follow_history) else None
    results: list[Advice] = []
    for move in moves:
        results.append(_rollouts(game, worlds, move, seed, horizon, then))
    results.sort(key=lambda a: -a.value)
    return results if limit is None else results[:limit]


def _rollouts(game: Game, worlds: list[GameState], move: Action | None, seed: int, horizon: int | None,
              then: Historical | None) -> Advice:
    rules = game.rules
    endings = {e.key: 0 for e in rules.endings}
    rating_of = {e.key: e.rating for e in rules.endings}
    for n, world in enumerate(worlds):
        trial = _trial(game, world, splitmix64(splitmix64(seed ^ (game.turn << 32)) ^ n))
        possible = move is not None and trial.why_illegal(move) is None  # a condition may read hidden values
        trial.step([move] if possible else [])
        turns = 0
        while not trial.done and (horizon is None or turns < horizon):
            trial.step(*then.decide(trial)) if then else trial.step()
            turns += 1
        endings[trial.ending or _unfinished(trial)] += 1
    runs = len(worlds)
    shares = {k: v / runs for k, v in endings.items()}
    ratings = dict.fromkeys(RATINGS, 0.0)
    for key, share in shares.items():
        ratings[rating_of[key]] += share
    p = ratings["success"]
    spread = Z90 * math.sqrt(max(p * (1 - p), 0.25 / runs) / runs)
    return Advice(move, ratings, shares, round(spread, 4), runs)


def _unfinished(game: Game) -> str:
    """The ending an unfinished rollout is counted as: the first at-end ending whose condition holds now."""
    for end in game.rules.endings:
        if end.at_end and (end.when is None or end.when(game.state)):
            return end.key
    return game.rules.endings[-1].key


def _trial(game: Game, world: GameState, future: int) -> Game:
    """A copy of `game` whose state is `world` and whose draws from now on come from `future`."""
    trial = game.fork(future, record=False)
    trial.state = world.clone()
    return trial


def sample_state(game: Game, obs: Observation, seed: int, n: int) -> GameState:
    """World `n` the player's staff would find plausible: the true public facts, hidden ones drawn from the
    observation's estimates and bands. Reads nothing of the hidden state."""
    rules = game.rules
    rnd = random.Random(splitmix64(splitmix64(seed) ^ (obs.turn << 20) ^ n))
    world = _public_copy(game.state)
    briefing = {p.id: p for p in rules.scenario.parties}
    for i, view in enumerate(obs.parties):
        p = world.parties[i]
        for attr, est in view.estimates.items():
            setattr(p, attr, _draw(rnd, est.value, est.low, est.high, 0.0, 1.0))
        start = briefing[view.id]
        p.restraint, p.grievance = start.restraint, start.grievance
        p.audience_cost = rnd.uniform(0.0, 0.5 * obs.office.visibility)
        p.intention = view.intention or _guess_intention(rnd, p.hostility)
        p.revealed_intention = view.intention or ""
        p.revealed_turn = obs.turn if view.intention else -1
    margin = rules.tuning.threshold_margin
    for k, view in enumerate(obs.pairs):
        pair = world.pairs[k]
        lo = max(0.0, view.rung - margin)
        hi = min(rules.tops[k] + 0.999, view.rung + 0.999 + margin)
        pair.pressure = min(max(_draw(rnd, view.pressure.value, view.pressure.low, view.pressure.high,
                                      0.0, rules.tops[k] + 0.999), lo), hi)
        pair.velocity = 0.0
        pair.momentum = rules.scenario.pairs[k].momentum
    for view, track in zip(obs.tracks, rules.tracks, strict=True):
        if view.estimate is not None:
            est = view.estimate
            world.variables[track.key] = _draw(rnd, est.value, est.low, est.high, track.lo, track.hi)
        elif view.value is None:
            world.variables[track.key] = track.start  # hidden: the staff know only where it began
    world.history = [history_row(rules, world)] * len(world.history)
    return world


def _public_copy(state: GameState) -> GameState:
    """A copy of the state with every hidden value blanked; the caller fills them from the observation."""
    world = state.clone()
    for p in world.parties:
        p.hostility = p.resolve = p.trust = p.domestic_pressure = p.receptivity = 0.0
        p.restraint = p.grievance = p.audience_cost = 0.0
        p.intention, p.revealed_intention, p.revealed_turn = "hold", "", -1
    for pair in world.pairs:
        pair.pressure = pair.velocity = pair.momentum = 0.0
    world.history = [()] * len(state.history)
    return world


def _draw(rnd: random.Random, value: float, low: float, high: float, lo: float, hi: float) -> float:
    """A value around an estimate: normal with the band's spread (a 90% band is ±1.645 sd), kept in range."""
    sd = max(high - low, 1e-6) / (2 * Z90)
    return min(max(rnd.gauss(value, sd), lo), hi)


def _guess_intention(rnd: random.Random, hostility: float) -> str:
    """An unrevealed intention: escalate with chance hostility², settle with (1 − hostility)², else hold."""
    u = rnd.random()
    if u < hostility * hostility:
        return "escalate"
    if u > 1.0 - (1.0 - hostility) ** 2:
        return "settle"
    return "hold"

