"""The advisor: for each move open to the player this turn, what it is expected to bring against waiting.

It sees only what the player sees. Each rollout starts from a plausible world drawn from the observation
(worlds.py: the public facts as they are, every hidden value drawn from its estimate), plays the move, then goes
on as the real Secretary-General went on (the scenario's historical policy, where it has one) or else by
waiting — a staff judges a move within a plausible course, not in a void — to the end of the scenario. A rollout
is worth its ending's points (success 100, partial 40, failure −100 unless the scenario says otherwise).

Every move meets the same worlds and the same futures (common random numbers), so the difference between a move and
waiting is measured rollout by rollout, which is far more precise than comparing two separate averages. The rollouts
are spent where they decide something, within a budget of simulated turns: every move gets a first batch, then each
round keeps at most the better half, drops any move whose gain is clearly below the best's (paired 90% bounds, each
no narrower than the moves' pooled variance allows) and doubles the rollouts of the rest, up to `runs`; the race
stops as soon as one move is separated from all others, so the best moves are measured most closely; waiting gets as
many as the most. Each answer also says in how many rollouts the move's ending differed from waiting's: a move that
never changed the ending is told as such, not as a certain "+0.0". A rollout stopped at a `horizon` is scored by its
expected ending and never as a success: the at-end ending its state would reach, with a success counted as the best
ending short of it.

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
TURN_BUDGET = 4000  # simulated turns a call may take by default (about 0.5 s of processor time) ...
FIRST_RUNS = 6  # ... or more, up to MAX_TURN_BUDGET, if a first round of this many rollouts a move needs it
MAX_TURN_BUDGET = 10_000  # (UNPREDEP, 42 moves of 48 turns: about two seconds of processor time)
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
    differs: int = 0  # rollouts whose ending differs from waiting's on the same world and future


def continues_with_history(game: Game, follow_history: bool = True) -> bool:
    """Whether rollouts go on as history did (the scenario has a historical policy) rather than by waiting."""
    return follow_history and bool(game.rules.historical)


def advise(game: Game, *, runs: int = RUNS, seed: int = 0, limit: int | None = None, horizon: int | None = None,
           follow_history: bool = True, budget: int | None = None, first: int | None = None,
           pool: RulesPool | None = None) -> list[Advice]:
    """What waiting and each legal action now are expected to bring, best first (at most `limit` of them).

    A race in rounds: every move gets `first` rollouts, then each round keeps at most the better half, drops the
    moves whose gain over waiting is clearly below the best's (paired 90% bounds) and doubles the rollouts of the
    others, up to `runs`; waiting, the baseline, gets as many as the most. Only the leaders the `budget` of
    simulated turns pays for go on; once one move is left (the best, separated from the rest or the last of the
    halvings) it gets as many rollouts as the budget still pays for, up to `runs`, and the race ends. Without
    `budget`, TURN_BUDGET turns, or more (up to MAX_TURN_BUDGET) where a first round of FIRST_RUNS rollouts a move
    needs them; without `first`, as many as a race of halvings to one move within the budget affords. Each rollout
    plays to the end, or `horizon` turns after this one. Deterministic for the same game and seed; never changes
    `game`. With a `pool` (built for this game's rules) each round's rollouts are shared among its processes: the
    same answer.
    """
    if game.done:
        return []
    if pool is not None and pool.rules is not game.rules:
        raise ValueError("the advisor's pool was built for another game's rules")
    obs = game.observation()
    waits = {key for key, ins in game.rules.instruments.items() if ins.kind == "wait"}
    moves: list[Action] = [a for a in game.legal_actions() if a.use not in waits]
    left = game.rules.turns - game.turn if horizon is None else min(game.rules.turns - game.turn, horizon + 1)
    left = max(1, left)
    if budget is None:
        budget = min(MAX_TURN_BUDGET, max(TURN_BUDGET, FIRST_RUNS * (len(moves) + 1) * left))
    if first is None:  # a race of successive halvings to one move would take about the whole budget
        rounds = math.log2(max(1, len(moves))) + 1
        first = int(budget / (max(1, len(moves)) * left * rounds))
    first = max(2, min(first, runs))
    worlds = [sample_state(game, obs, seed, n) for n in range(runs)]
    futures = [splitmix64(splitmix64(seed ^ (game.turn << 32)) ^ n) for n in range(runs)]
    follow = continues_with_history(game, follow_history)
    score = {e.key: e.score for e in game.rules.endings}
    played: dict[Action | None, list[tuple[str, bool, int]]] = {m: [] for m in [None, *moves]}
    lasted: dict[Action | None, int] = dict.fromkeys(played, 0)
    alive, upto, rnd, spent = list(moves), first, 0, 0
    while True:
        todo = [(move, n) for move in [None, *alive] for n in range(len(played[move]), upto)]
        items = [(worlds[n], futures[n], move, horizon, follow) for move, n in todo]
        outcomes = pool.map(_rollout_item, game, items) if pool is not None else \
            [_rollout_item(game, item) for item in items]
        for (move, _), outcome in zip(todo, outcomes, strict=True):
            played[move].append(outcome)
            spent += outcome[2]
        for move in [None, *alive]:
            lasted[move] = rnd
        if upto >= runs or len(alive) <= 1:
            break
        waiting = [score[e] for e, _, _ in played[None]]
        alive = _contenders(alive, played, waiting, score)[: (len(alive) + 1) // 2]  # at most the better half
        per_rollout = spent / sum(len(v) for v in played.values())
        upto = min(runs, 2 * upto)
        while len(alive) > 1 and spent + _cost(alive, upto, played) * per_rollout > budget:
            alive = alive[: (len(alive) + 1) // 2]  # only the leaders the budget can pay for
        if len(alive) == 1:  # the last one, or one separated from the rest: all the runs the budget pays for
            upto = runs
            while upto > len(played[alive[0]]) and spent + _cost(alive, upto, played) * per_rollout > budget:
                upto -= 1
        if upto <= len(played[alive[0]]):
            break
        rnd += 1
    waiting = [score[e] for e, _, _ in played[None]]
    floor = _pooled_variance([played[m] for m in moves], waiting, score)
    results = [_advice(game, move, played[move], waiting, score, lasted[move], floor, played[None])
               for move in played]
    results.sort(key=lambda a: (-a.round, -a.value))
    return results if limit is None else results[:limit]


def _cost(alive: list[Action], upto: int, played: dict) -> int:
    """How many rollouts the next round takes: every move left, and waiting, up to `upto`."""
    return (upto - len(played[None])) + sum(upto - len(played[m]) for m in alive)


def _contenders(alive: list[Action], played: dict, waiting: list[float], score: dict[str, float]) -> list[Action]:
    """The moves still in reach of the best, best first (ties keep the legal moves' order): those whose upper
    bound on the gain over waiting reaches the best lower bound. Each move's standard error is at least the one
    the moves' pooled variance gives, so a move whose few rollouts all ended alike is not taken as certain."""
    floor = _pooled_variance([played[m] for m in alive], waiting, score)
    bounds = {}
    for m in alive:
        values = [score[e] for e, _, _ in played[m]]
        mean, se = _paired(values, waiting, floor)
        bounds[m] = (mean, mean - Z90 * se, mean + Z90 * se)
    best_low = max(low for _, low, _ in bounds.values())
    ranked = sorted(alive, key=lambda m: -bounds[m][0])
    return [m for m in ranked if bounds[m][2] >= best_low - 1e-9]


def _pooled_variance(rows: list[list[tuple[str, bool, int]]], waiting: list[float], score: dict[str, float]
                     ) -> float:
    """The variance of the paired differences from waiting, pooled over the moves' rollouts (0 if none vary)."""
    total, dof = 0.0, 0
    for row in rows:
        diffs = [score[e] - w for (e, _, _), w in zip(row, waiting, strict=False)]
        if len(diffs) > 1:
            mean = sum(diffs) / len(diffs)
            total += sum((d - mean) ** 2 for d in diffs)
            dof += len(diffs) - 1
    return total / dof if dof else 0.0


def _paired(a: list[float], b: list[float], floor: float = 0.0) -> tuple[float, float]:
    """Mean and standard error of the rollout-by-rollout differences a − b (on the first len(a) rollouts), the
    variance taken as at least `floor`."""
    diffs = [x - y for x, y in zip(a, b, strict=False)]
    n = len(diffs)
    mean = sum(diffs) / n
    if n < 2:
        return mean, float("inf")
    var = max(floor, sum((d - mean) ** 2 for d in diffs) / (n - 1))
    return mean, math.sqrt(var / n)


def _rollout_item(game: Game, item: tuple[GameState, int, Action | None, int | None, bool]
                  ) -> tuple[str, bool, int]:
    """One rollout (world, future, move, horizon, whether to go on as history did): here or in a pool's worker."""
    world, future, move, horizon, follow = item
    then = Historical(historical_plan(game.rules)) if follow else None
    return _rollout(game, world, future, move, horizon, then)


def _rollout(game: Game, world: GameState, future: int, move: Action | None, horizon: int | None,
             then: Historical | None) -> tuple[str, bool, int]:
    """Play `move` on `world` and go on to the end (or the horizon): the ending reached, whether cut off, and the
    turns played."""
    trial = game.fork(future, record=False, state=world.clone())
    possible = move is not None and trial.why_illegal(move) is None  # a condition may read hidden values
    trial.step([move] if possible else [])
    turns = 0
    while not trial.done and (horizon is None or turns < horizon):
        trial.step(*then.decide(trial)) if then else trial.step()
        turns += 1
    if trial.done:
        return trial.ending, False, turns + 1
    return expected_ending(trial), True, turns + 1


def expected_ending(game: Game) -> str:
    """The ending a game stopped before its end is counted as: the first at-end ending its state reaches — but
    never a success, which the rest of the game could still lose; a success counts as the best ending short of it."""
    endings = game.rules.endings
    reached = next((e for e in endings if e.at_end and (e.when is None or e.when(game.state))), endings[-1])
    if reached.rating != "success":
        return reached.key
    short = [e for e in endings if e.rating != "success"]
    return max(short, key=lambda e: e.score).key if short else reached.key


def _advice(game: Game, move: Action | None, played: list[tuple[str, bool, int]], waiting: list[float],
            score: dict[str, float], lasted: int, floor: float, baseline: list[tuple[str, bool, int]]) -> Advice:
    rules = game.rules
    runs = len(played)
    endings = {e.key: 0.0 for e in rules.endings}
    rating_of = {e.key: e.rating for e in rules.endings}
    for ending, _, _ in played:
        endings[ending] += 1 / runs
    ratings = dict.fromkeys(RATINGS, 0.0)
    for key, share in endings.items():
        ratings[rating_of[key]] += share
    values = [score[e] for e, _, _ in played]
    gain, se = _paired(values, waiting, floor)
    differs = sum(a[0] != b[0] for a, b in zip(played, baseline, strict=False))
    if move is None:
        gain, se = 0.0, 0.0
    p = ratings["success"]
    spread = Z90 * math.sqrt(max(p * (1 - p), 0.25 / runs) / runs)
    return Advice(move, ratings, endings, round(sum(values) / runs, 2), round(gain, 2),
                  round(Z90 * se, 2) if math.isfinite(se) else float("inf"), round(spread, 4), runs,
                  round(sum(cut for _, cut, _ in played) / runs, 4), lasted, differs)
