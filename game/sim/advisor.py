"""The advisor: for each move open to the player this turn, what it is expected to bring against waiting.

It sees only what the player sees. Each rollout starts from a plausible world drawn from the observation
(worlds.py: the public facts as they are, every hidden value drawn from its estimate), plays the move, then goes
on as the real Secretary-General went on (the scenario's historical policy, where it has one) or else by
waiting — a staff judges a move within a plausible course, not in a void — to the end of the scenario. A rollout
is worth its ending's points (success 100, partial 40, failure −100 unless the scenario says otherwise).

Every move meets the same worlds and the same futures (common random numbers), so the difference between a move
and waiting is measured rollout by rollout, which is far more precise than comparing two separate averages. The
rollouts are spent where they decide something (a race by successive halving): every move gets a first batch,
then the better half gets twice as many, and so on up to `runs`, so the best moves are measured most closely;
waiting gets as many as the most. A rollout stopped at a `horizon` is scored by its expected ending and never as
a success: the at-end ending its state would reach, with a success counted as the best ending short of it.

With poor intelligence the worlds are far apart and the estimates late, so the advice is confidently wrong now
and then, as a real staff would be.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.engine import Action, Game
from game.engine.state import GameState

from .policies import Historical, historical_plan
from .pool import RulesPool
from .seeds import splitmix64
from .worlds import sample_state

RATINGS = ("success", "partial", "failure")
RUNS = 64  # rollouts at most per move
STEP_BUDGET = 4000  # simulated turns a call takes, about, by default: a second or two on the Cuban scenario
Z90 = 1.645


@dataclass(frozen=True)
class Advice:
    """One move and what the advisor expects of it. `gain` is the mean difference in points from waiting on the
    same worlds and futures, `gain_spread` its 90% half-width; `value` the mean points of the move itself."""

    action: Action | None  # None = wait / do nothing this turn
    ratings: dict[str, float]  # success / partial / failure -> estimated share
    endings: dict[str, float]  # ending id -> estimated share
    value: float
    gain: float
    gain_spread: float
    spread: float  # 90% half-width on the estimated chance of success
    runs: int
    cut_off: float = 0.0  # share of the rollouts stopped at the horizon, scored by their expected ending
    round: int = 0  # how many rounds of the race the move lasted (the best moves the most)


def continues_with_history(game: Game, follow_history: bool = True) -> bool:
    """Whether rollouts go on as history did (the scenario has a historical policy) rather than by waiting."""
    return follow_history and bool(game.rules.historical)


def advise(game: Game, *, runs: int = RUNS, seed: int = 0, limit: int | None = None, horizon: int | None = None,
           follow_history: bool = True, budget: int = STEP_BUDGET, first: int | None = None,
           pool: RulesPool | None = None) -> list[Advice]:
    """What waiting and each legal action now are expected to bring, best first (at most `limit` of them).

    A race in rounds (successive halving): every move gets `first` rollouts, then the better half twice as many,
    and so on, the last one left `runs`; waiting, the baseline, gets as many as the most. Without `first`, it is
    chosen so that the whole race takes about `budget` simulated turns. Each rollout plays to the end, or
    `horizon` turns after this one. Deterministic for the same game and seed; never changes `game`. With a
    `pool` (built for this game's rules) each round's rollouts are shared among its processes: the same answer.
    """
    if game.done:
        return []
    if pool is not None and pool.rules is not game.rules:
        raise ValueError("the advisor's pool was built for another game's rules")
    obs = game.observation()
    waits = {key for key, ins in game.rules.instruments.items() if ins.kind == "wait"}
    moves: list[Action] = [a for a in game.legal_actions() if a.use not in waits]
    left = game.rules.turns - game.turn if horizon is None else min(game.rules.turns - game.turn, horizon + 1)
    if first is None:
        rounds = math.log2(max(1, len(moves))) + 1
        first = int(budget / (max(1, len(moves)) * max(1, left) * rounds))
    first = max(2, min(first, runs))
    worlds = [sample_state(game, obs, seed, n) for n in range(runs)]
    futures = [splitmix64(splitmix64(seed ^ (game.turn << 32)) ^ n) for n in range(runs)]
    follow = continues_with_history(game, follow_history)
    score = {e.key: e.score for e in game.rules.endings}
    played: dict[Action | None, list[tuple[str, bool]]] = {m: [] for m in [None, *moves]}
    lasted: dict[Action | None, int] = dict.fromkeys(played, 0)
    alive, upto, rnd = list(moves), first, 0
    while True:
        todo = [(move, n) for move in [None, *alive] for n in range(len(played[move]), upto)]
        items = [(worlds[n], futures[n], move, horizon, follow) for move, n in todo]
        outcomes = pool.map(_rollout_item, game, items) if pool is not None else \
            [_rollout_item(game, item) for item in items]
        for (move, _), outcome in zip(todo, outcomes, strict=True):
            played[move].append(outcome)
        for move in [None, *alive]:
            lasted[move] = rnd
        if upto >= runs or len(alive) <= 1:
            break
        alive.sort(key=lambda m: -sum(score[e] for e, _ in played[m]))  # ties keep the legal moves' order
        alive = alive[: (len(alive) + 1) // 2]
        upto, rnd = (runs if len(alive) == 1 else min(runs, 2 * upto)), rnd + 1  # the last one: all the runs
    waiting = [score[e] for e, _ in played[None]]
    results = [_advice(game, move, played[move], waiting, score, lasted[move]) for move in played]
    results.sort(key=lambda a: (-a.round, -a.value))
    return results if limit is None else results[:limit]


def _paired(a: list[float], b: list[float]) -> tuple[float, float]:
    """Mean and standard error of the rollout-by-rollout differences a − b (on the first len(a) rollouts)."""
    diffs = [x - y for x, y in zip(a, b, strict=False)]
    n = len(diffs)
    mean = sum(diffs) / n
    if n < 2:
        return mean, float("inf")
    var = sum((d - mean) ** 2 for d in diffs) / (n - 1)
    return mean, math.sqrt(var / n)


def _rollout_item(game: Game, item: tuple[GameState, int, Action | None, int | None, bool]) -> tuple[str, bool]:
    """One rollout (world, future, move, horizon, whether to go on as history did): here or in a pool's worker."""
    world, future, move, horizon, follow = item
    then = Historical(historical_plan(game.rules)) if follow else None
    return _rollout(game, world, future, move, horizon, then)


def _rollout(game: Game, world: GameState, future: int, move: Action | None, horizon: int | None,
             then: Historical | None) -> tuple[str, bool]:
    """Play `move` on `world` and go on to the end (or the horizon): the ending reached, and whether cut off."""
    trial = game.fork(future, record=False, state=world.clone())
    possible = move is not None and trial.why_illegal(move) is None  # a condition may read hidden values
    trial.step([move] if possible else [])
    turns = 0
    while not trial.done and (horizon is None or turns < horizon):
        trial.step(*then.decide(trial)) if then else trial.step()
        turns += 1
    if trial.done:
        return trial.ending, False
    return expected_ending(trial), True


def expected_ending(game: Game) -> str:
    """The ending a game stopped before its end is counted as: the first at-end ending its state reaches — but
    never a success, which the rest of the game could still lose; a success counts as the best ending short of it."""
    endings = game.rules.endings
    reached = next((e for e in endings if e.at_end and (e.when is None or e.when(game.state))), endings[-1])
    if reached.rating != "success":
        return reached.key
    short = [e for e in endings if e.rating != "success"]
    return max(short, key=lambda e: e.score).key if short else reached.key


def _advice(game: Game, move: Action | None, played: list[tuple[str, bool]], waiting: list[float],
            score: dict[str, float], lasted: int) -> Advice:
    rules = game.rules
    runs = len(played)
    endings = {e.key: 0.0 for e in rules.endings}
    rating_of = {e.key: e.rating for e in rules.endings}
    for ending, _ in played:
        endings[ending] += 1 / runs
    ratings = dict.fromkeys(RATINGS, 0.0)
    for key, share in endings.items():
        ratings[rating_of[key]] += share
    values = [score[e] for e, _ in played]
    gain, se = _paired(values, waiting)
    if move is None:
        gain, se = 0.0, 0.0
    p = ratings["success"]
    spread = Z90 * math.sqrt(max(p * (1 - p), 0.25 / runs) / runs)
    return Advice(move, ratings, endings, round(sum(values) / runs, 2), round(gain, 2),
                  round(Z90 * se, 2) if math.isfinite(se) else float("inf"), round(spread, 4), runs,
                  round(sum(cut for _, cut in played) / runs, 4), lasted)
