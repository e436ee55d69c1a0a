"""Counterfactuals: what else might have happened had the player done something else on one turn.

The past up to the decision point is replayed exactly (same seed, same inputs). From there the future is sampled:
each run forks the game with the draws of every later turn reseeded from (seed, turn, run), plays the player's
recorded moves from then on where they are still legal, and waits once they run out. The actual and the
alternative line share each run's future luck (common random numbers), so their difference is the decision's.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from game.engine import Action, Game, Rules, TurnInput
from game.engine.state import GameState

from .batch import shut_down
from .seeds import derive_seed

RATINGS = ("success", "partial", "failure")
SCREEN_FRACTION = 5  # key_decisions screens every candidate with runs // SCREEN_FRACTION futures first
MIN_SCREEN_RUNS = 4
SCREEN_BUDGET = 60_000  # simulated turns the screening of key_decisions may take


@dataclass(frozen=True)
class Distribution:
    """Outcomes over sampled futures: shares of endings and ratings, mean rung per turn, mean score."""

    runs: int
    endings: dict[str, float]
    ratings: dict[str, float]
    escalation: dict[str, list[float]]  # pair id -> mean rung per turn index (0 = start), over the runs
    mean_score: float


@dataclass(frozen=True)
class Comparison:
    """The player's line and an alternative at one decision point, each over the same sampled futures."""

    turn: int
    date: str
    played: tuple[Action, ...]
    alternative: tuple[Action, ...]
    actual: Distribution
    counterfactual: Distribution

    @property
    def distance(self) -> float:
        """Total-variation distance between the two ending distributions (0 same, 1 disjoint)."""
        return total_variation(self.actual.endings, self.counterfactual.endings)


def total_variation(a: dict[str, float], b: dict[str, float]) -> float:
    """Summed in the endings' order (a's, then any only in b), so the same games give the same bits in every
    process: a set's order changes with each process's string hashing, and ties between alternatives with it."""
    return 0.5 * sum(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in {**a, **b})


def compare(rules: Rules, seed: int, inputs: Sequence[TurnInput], turn: int, alternative: Sequence[Action],
            *, runs: int = 200) -> Comparison:
    """The player's inputs against the same inputs with `alternative` at `turn`, each over `runs` futures.

    Raises ValueError if `turn` is not a turn the player played or `alternative` is not legal then.
    """
    point = _decision_point(rules, seed, inputs, turn)
    alt = tuple(alternative)
    _check_legal(point.game, alt, inputs[turn])
    played = inputs[turn].actions
    actual, other = _pair(point, inputs, turn, alt, runs, with_score=True)
    return Comparison(turn, rules.dates[turn].isoformat(), played, alt, actual, other)


def key_decisions(rules: Rules, seed: int, inputs: Sequence[TurnInput], *, runs: int = 100, top: int = 3,
                  jobs: int = 1) -> list[Comparison]:
    """The `top` single-turn changes that move the ending distribution most, biggest first.

    Candidates on each turn: waiting instead, the other mode of a proposal, other legal instruments on the same
    target and, on a turn the player waited, each legal action. All are screened on a few futures (runs // 5,
    fewer on long games with many candidates), and the most promising measured again on `runs`. With `jobs` > 1
    (where processes can be forked) the turns are shared among that many processes; the result is the same.
    """
    points: dict[int, _Point] = {}
    options: list[tuple[int, list[tuple[Action, ...]]]] = []
    game = Game(rules, seed, record=False)
    rungs = [_rungs(game)]
    for turn, turn_input in enumerate(inputs):
        if game.done:
            break
        points[turn] = _Point(game.fork(), list(rungs))
        options.append((turn, candidates(points[turn].game, turn_input)))
        game.play(turn_input)
        rungs.append(_rungs(game))
    # screening plays every candidate (and the actual line) on a few futures, fewer when there are many
    work = sum((len(alts) + 1) * (rules.turns - turn) for turn, alts in options if alts)
    screen_runs = max(MIN_SCREEN_RUNS, min(runs // SCREEN_FRACTION, SCREEN_BUDGET // max(1, work)))
    search = _Search(points, list(inputs), seed, screen_runs, runs)
    screening = [(turn, tuple(alts)) for turn, alts in options if alts]
    with _workers(search, jobs) as run:
        screened = [c for part in run(_screen, screening) for c in part]
        screened.sort(key=lambda c: (-c[0], c[1], c[2]))
        finalists = [c for c in screened if c[0] > 0][: 2 * top]
        by_turn: dict[int, list[tuple[Action, ...]]] = {}
        for _, turn, _, alt in finalists:
            by_turn.setdefault(turn, []).append(alt)
        measured = [c for part in run(_measure, list(by_turn.items())) for c in part]
    out = [Comparison(turn, rules.dates[turn].isoformat(), inputs[turn].actions, alt, actual, other)
           for turn, alt, actual, other in measured]
    out.sort(key=lambda c: (-c.distance, c.turn, _key(c.alternative)))
    return out[:top]


@dataclass
class _Search:
    """What key_decisions' screening and measuring read (and, in each process, the futures already played)."""

    points: dict[int, _Point]
    inputs: list[TurnInput]
    seed: int
    screen_runs: int
    runs: int
    memo: Memo = field(default_factory=dict)


def _screen(search: _Search, task: tuple[int, tuple[tuple[Action, ...], ...]]
            ) -> list[tuple[float, int, str, tuple[Action, ...]]]:
    """Every alternative of one turn on the screening futures: how far each moves the endings."""
    turn, alternatives = task
    inputs = search.inputs
    lines = [_line(inputs, turn, inputs[turn].actions)] + [_line(inputs, turn, alt) for alt in alternatives]
    base, *others = _distribution(search.points[turn], lines, search.screen_runs, turn, search.seed, False,
                                  search.memo)
    return [(total_variation(base.endings, dist.endings), turn, _key(alt), alt)
            for alt, dist in zip(alternatives, others, strict=True)]


def _measure(search: _Search, task: tuple[int, list[tuple[Action, ...]]]
             ) -> list[tuple[int, tuple[Action, ...], Distribution, Distribution]]:
    """The finalists of one turn, each against the player's line on every future (which is played once)."""
    turn, alternatives = task
    out = []
    for alt in alternatives:
        actual, other = _pair(search.points[turn], search.inputs, turn, alt, search.runs, with_score=True,
                              memo=search.memo)
        out.append((turn, alt, actual, other))
    return out


_search: dict[str, _Search] = {}  # a forked worker's search, inherited from the parent at the fork


def _in_worker(job: tuple[Callable, Any]) -> Any:
    task, item = job
    return task(_search["now"], item)


@contextmanager
def _workers(search: _Search, jobs: int) -> Iterator[Callable]:
    """A way to map a task over items: here, or on `jobs` forked processes that inherit `search` (the games and
    rules cannot be pickled, and forking shares them for free). Results come back in the items' order."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda task, items: [task(search, item) for item in items]
        return
    _search["now"] = search
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield lambda task, items: pool.map(_in_worker, [(task, item) for item in items], chunksize=1)
            shut_down(pool)
    finally:
        _search.clear()


def _key(actions: Sequence[Action]) -> str:
    """A stable order for alternatives that move the endings equally."""
    return "; ".join(map(str, actions))


def candidates(game: Game, played: TurnInput) -> list[tuple[Action, ...]]:
    """Sensible single-turn alternatives to what was played on this turn (each legal now)."""
    rules, actions = game.rules, played.actions
    choices = dict(played.choices)
    found: list[tuple[Action, ...]] = []
    if actions:
        found.append(())
        for k, action in enumerate(actions):
            rest = actions[:k] + actions[k + 1:]
            for swap in _swaps(rules, game, action):
                alt = rest[:k] + (swap,) + rest[k:]
                if alt not in found and _legal(game, alt, choices):
                    found.append(alt)
    else:
        found += [(a,) for a in game.legal_actions() if _legal(game, (a,), choices)]
    return found


def _swaps(rules: Rules, game: Game, action: Action) -> list[Action]:
    """The same proposal in its other mode, or another instrument on the same kind of target and target."""
    if action.use in rules.proposals:
        return [Action(action.use, action.target, m) for m in rules.proposals[action.use].modes if m != action.mode]
    kind = rules.instruments[action.use].target if action.use in rules.instruments else None
    return [
        Action(key, action.target)
        for key, ins in rules.instruments.items()
        if key != action.use and ins.target == kind and ins.kind != "wait"
    ]


# -- sampling futures ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Point:
    """A game paused at a decision point, with the rungs of every pair at each turn so far."""

    game: Game
    rungs: list[tuple[int, ...]]


Line = list[tuple[tuple[Action, ...], dict[str, str]]]  # the moves to play from the decision point on


def _decision_point(rules: Rules, seed: int, inputs: Sequence[TurnInput], turn: int) -> _Point:
    if not 0 <= turn < len(inputs):
        raise ValueError(f"turn {turn} is not a turn of this game (it has {len(inputs)} played turns)")
    game = Game(rules, seed, record=False)
    rungs = [_rungs(game)]
    for turn_input in inputs[:turn]:
        game.play(turn_input)
        rungs.append(_rungs(game))
    if game.done:
        raise ValueError(f"the game was already over before turn {turn}")
    return _Point(game, rungs)


def _check_legal(game: Game, alternative: tuple[Action, ...], played: TurnInput) -> None:
    choices = dict(played.choices)
    taken: list[Action] = []
    for action in alternative:
        reason = game.why_illegal(action, taken, choices)
        if reason:
            raise ValueError(f"the alternative '{action}' was not possible on that turn: {reason}")
        taken.append(action)


def _legal(game: Game, actions: Sequence[Action], choices: dict[str, str]) -> bool:
    taken: list[Action] = []
    for action in actions:
        if game.why_illegal(action, taken, choices) is not None:
            return False
        taken.append(action)
    return True


def _line(inputs: Sequence[TurnInput], turn: int, first: Sequence[Action]) -> Line:
    """The moves from `turn` on: `first` with that turn's answers to events, then the recorded inputs."""
    return [(tuple(first), dict(inputs[turn].choices))] + [(t.actions, dict(t.choices)) for t in inputs[turn + 1:]]


def _pair(point: _Point, inputs: Sequence[TurnInput], turn: int, alternative: tuple[Action, ...], runs: int,
          *, with_score: bool, memo: Memo | None = None) -> tuple[Distribution, Distribution]:
    lines = [_line(inputs, turn, inputs[turn].actions), _line(inputs, turn, alternative)]
    seed = point.game.seed
    actual, other = _distribution(point, lines, runs, turn, seed, with_score, memo)
    return actual, other


def future_seed(seed: int, turn: int, run: int) -> int:
    """The seed of future `run` sampled from decision `turn` of a game on `seed`."""
    return derive_seed(derive_seed(seed, turn), run)


Memo = dict[tuple, Any]  # (turn, run) -> the player's line played on that future, ("base", turn, run) -> baseline,
# ("passive", turn) -> the baseline's shared first turns


def _distribution(point: _Point, lines: list[Line], runs: int, turn: int, seed: int, with_score: bool,
                  memo: Memo | None = None) -> list[Distribution]:
    """Play every line on the same `runs` futures; one Distribution per line. The first line is the player's own:
    with a `memo`, it is played once on each future (and that future's baseline too) and kept, since every
    alternative at the same turn is compared with it on the same futures."""
    rules = point.game.rules
    memo = {} if memo is None else memo
    outcomes: list[list[tuple[str, list[tuple[int, ...]], float]]] = [[] for _ in lines]
    for run in range(runs):
        reseed = future_seed(seed, turn, run)
        for n, line in enumerate(lines):
            kept = memo.get((turn, run)) if n == 0 else None
            if kept is None:
                game = point.game.fork(reseed, record=False)
                rungs = list(point.rungs)
                _play_line(game, line, rungs)
                if n == 0:
                    memo[(turn, run)] = (game, rungs)
            else:
                game, rungs = kept
            score = 0.0
            if with_score:
                baseline = memo.get(("base", turn, run))
                if baseline is None:
                    baseline = memo[("base", turn, run)] = _baseline_state(point.game, reseed, memo)
                score = game.score_against(baseline).total
            outcomes[n].append((game.ending or "", rungs, score))
    return [_summarise(rules, out) for out in outcomes]


def _baseline_state(point: Game, reseed: int, memo: Memo) -> GameState:
    """The baseline of the future `reseed` from the decision point `point`: that world with a Secretary-General
    who does nothing, to the end (Game.baseline_state of `point.fork(reseed)`). Its draws before the decision come
    from the game's own seed on every future, so its turns up to the one before the decision (whose end draws
    the decision turn's events) are played once, kept in `memo`, and each future goes on from a copy of them."""
    turn = point.turn
    if turn == 0:
        return point.fork(reseed, record=False).baseline_state()
    prefix = memo.get(("passive", turn))
    if prefix is None:
        prefix = Game(point.rules, point.seed, dice=point.dice, record=False)
        while prefix.turn < turn - 1 and not prefix.done:
            prefix.step()
        memo[("passive", turn)] = prefix
    twin = prefix.fork(record=False)
    twin.dice = point.dice.reseeded(turn, reseed)  # the future's draws from the decision on, as the baseline's
    while not twin.done:
        twin.step()
    return twin.state


def _play_line(game: Game, line: Line, rungs: list[tuple[int, ...]]) -> None:
    """Play `line` where legal (illegal moves and answers dropped), then wait until the game ends."""
    for actions, choices in line:
        if game.done:
            return
        game.step(still_legal(game, actions, choices), still_valid(game, choices))
        rungs.append(_rungs(game))
    while not game.done:
        game.step()
        rungs.append(_rungs(game))


def still_legal(game: Game, actions: Sequence[Action], choices: dict[str, str]) -> list[Action]:
    """The actions of a recorded turn that can still be taken now, in order (the others are dropped)."""
    taken: list[Action] = []
    for action in actions:
        if game.why_illegal(action, taken, still_valid(game, choices)) is None:
            taken.append(action)
    return taken


def still_valid(game: Game, choices: dict[str, str]) -> dict[str, str]:
    """The answers that fit an event pending now and can be paid for together."""
    pending = {event: {c for c, _ in options} for event, _, options in game.pending()}
    valid = {event: choice for event, choice in choices.items() if choice in pending.get(event, ())}
    prestige, budget, _, _ = game.committed((), valid)
    if prestige > game.state.office.prestige or budget > game.state.office.budget:
        return {}
    return valid


def _rungs(game: Game) -> tuple[int, ...]:
    return tuple(p.rung for p in game.state.pairs)


def _summarise(rules: Rules, outcomes: list[tuple[str, list[tuple[int, ...]], float]]) -> Distribution:
    n = len(outcomes)
    endings = {e.key: 0.0 for e in rules.endings}
    rating_of = {e.key: e.rating for e in rules.endings}
    ratings = dict.fromkeys(RATINGS, 0.0)
    length = rules.turns + 1
    sums = [[0.0] * length for _ in rules.pair_ids]
    total = 0.0
    for ending, rungs, score in outcomes:
        endings[ending] += 1
        ratings[rating_of[ending]] += 1
        total += score
        for t in range(length):
            row = rungs[min(t, len(rungs) - 1)]  # an ended crisis stays where it ended
            for k, rung in enumerate(row):
                sums[k][t] += rung
    return Distribution(
        runs=n,
        endings={k: v / n for k, v in endings.items()},
        ratings={k: v / n for k, v in ratings.items()},
        escalation={pid: [round(v / n, 4) for v in sums[k]] for k, pid in enumerate(rules.pair_ids)},
        mean_score=round(total / n, 2),
    )
