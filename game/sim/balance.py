"""Balance analysis for scenario authors: which endings each policy reaches, which instruments matter, whether
one repeated move beats everything, and a plain-language verdict.

Every policy plays the same seeds (game i on `derive_seed(seed, i)`), so comparisons between policies are paired:
the world's luck is the same and only the Secretary-General's choices differ (common random numbers).
An instrument's impact is measured on the random policy's games: each is replayed on its seed with every use of
the instrument replaced by doing nothing (the other moves kept where still legal), and the games whose ending
differs are counted. A game that never used the instrument replays identically, so every difference is the
instrument's.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from game.engine import Game, Rules, TurnInput

from .arrays.support import why_not
from .batch import shut_down
from .counterfactual import still_legal, still_valid
from .policies import RATING_VALUE, get_policy, play
from .seeds import derive_seed

RATINGS = ("success", "partial", "failure")
GREEDY_SHARE = 4  # greedy looks ahead at every move, so it plays runs // GREEDY_SHARE games
MIN_GREEDY_RUNS = 10
DEFAULT_RUNS = 200
LONG_SCENARIO = 16  # turns; longer scenarios get proportionally fewer default runs
MIN_RUNS = 50
MIN_SCREEN = 20  # repeated moves are screened on at least this many games
FIXED_BUDGET = 30_000  # turns the screening of repeated moves may take
GREEDY_BUDGET = 30_000  # simulated turns greedy's lookahead may take (games x turns x moves x 3)
FINALISTS = 3  # the best repeated moves, completed to every game after screening
MIN_USES = 5  # random games that must use an instrument before it is judged
RARELY = 0.02  # an instrument that changes fewer endings than this rarely matters
WORTH_ALONE = 10.0  # points over doing nothing that make a repeated use worth it on its own
RARE_ENDING = 0.01
INFORMATIONAL = frozenset({"early_warning"})  # kinds that only sharpen the player's estimates, which no policy reads
Z = 1.96  # paired differences must exceed this many standard errors to count as "beats"


@dataclass(frozen=True)
class Outcome:
    """One game's result: the ending, its rating's value and the turns it lasted."""

    ending: str
    value: float
    turns: int


@dataclass(frozen=True)
class PolicyStats:
    name: str
    runs: int
    endings: dict[str, float]  # ending id -> share
    ratings: dict[str, float]
    mean_value: float  # mean of success 100 / partial 40 / failure -100
    mean_turns: float


@dataclass(frozen=True)
class InstrumentStats:
    key: str
    name: str
    used_share: float  # random games that used it
    changed_share: float  # of those, the share whose ending changes when its uses are replaced by doing nothing
    value_effect: float  # mean value with its uses minus without them, over the games that used it
    best_fixed: str | None  # the best fixed policy using it
    best_fixed_gain: float  # that policy's mean value minus passive's (paired)
    rarely_matters: bool
    not_worth_cost: bool
    informational: bool  # it only improves the player's estimates, and changed no outcome here
    substitutable: bool = False  # rarely decisive among other moves, yet repeated alone it clearly beats nothing


@dataclass(frozen=True)
class EndingStats:
    key: str
    title: str
    rating: str
    reached: bool
    best_policy: str | None
    best_share: float
    mean_turns: float | None  # turns played in the games that reached it


@dataclass(frozen=True)
class Balance:
    """The whole analysis (see docs/balance.md for the JSON it becomes)."""

    scenario: str
    title: str
    turns: int
    runs: int
    seed: int
    policies: dict[str, PolicyStats]
    endings: dict[str, EndingStats]
    instruments: dict[str, InstrumentStats]
    best_fixed: str | None
    dominant: str | None
    verdict: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "turns": self.turns,
            "runs": self.runs,
            "seed": self.seed,
            "policies": {k: vars_of(v, "name") for k, v in self.policies.items()},
            "endings": {k: vars_of(v) for k, v in self.endings.items()},
            "instruments": {k: vars_of(v) for k, v in self.instruments.items()},
            "best_fixed": self.best_fixed,
            "dominant": self.dominant,
            "verdict": list(self.verdict),
        }


def vars_of(obj: Any, key: str = "key") -> dict[str, Any]:
    """A record as JSON data without the field it is keyed by; floats rounded for stable output."""
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in vars(obj).items() if k != key}


# -- which policies ----------------------------------------------------------------------------------------------
def fixed_policies(rules: Rules) -> list[str]:
    """Every `fixed:` policy worth trying: each instrument on each sensible target, each proposal in each mode."""
    out = []
    for key, ins in rules.instruments.items():
        if ins.kind == "wait":
            continue
        targets = rules.pair_ids if ins.target == "pair" else rules.party_ids if ins.target == "party" else [None]
        out += [f"fixed:{key}:{t}" if t else f"fixed:{key}" for t in targets]
    for key, prop in rules.proposals.items():
        out += [f"fixed:{key}:{mode}" for mode in prop.modes]
    return out


def menu(rules: Rules) -> list[str]:
    """The instruments and proposals whose impact is measured (waiting is not one)."""
    return [k for k, ins in rules.instruments.items() if ins.kind != "wait"] + list(rules.proposals)


def default_runs(rules: Rules) -> int:
    """Games per policy when none is asked: 200, fewer for long scenarios so a report takes seconds."""
    return max(MIN_RUNS, min(DEFAULT_RUNS, DEFAULT_RUNS * LONG_SCENARIO // rules.turns))


Task = tuple[str, int, int]  # policy name, first and last (exclusive) game index


def tasks(rules: Rules, runs: int) -> list[Task]:
    """The batches of the first pass: every policy on games [0, n). Repeated moves are screened on fewer games
    when there are many of them (the best are completed afterwards), greedy on a few (it looks ahead)."""
    names = ["passive", "random"] + (["historical"] if rules.historical else [])
    fixed = fixed_policies(rules)
    screen = min(runs, max(MIN_SCREEN, FIXED_BUDGET // max(1, rules.turns * len(fixed))))
    moves = len(fixed) + 1
    greedy = min(runs, max(MIN_GREEDY_RUNS, min(runs // GREEDY_SHARE, GREEDY_BUDGET // (rules.turns * moves * 3))))
    return [(n, 0, runs) for n in names] + [("greedy", 0, greedy)] + [(n, 0, screen) for n in fixed]


def play_task(rules: Rules, task: Task, seed: int) -> tuple[list[Outcome], list[list[TurnInput]]]:
    """Play games [start, stop) of one policy on the run's seeds; their outcomes and each game's inputs.

    The passive games are played on arrays where the array back end can play them (the same games); their inputs
    are then left empty: only the random policy's are ever replayed (`_in_phases`)."""
    name, start, stop = task
    if name == "passive" and why_not(rules, name) is None:
        return _passive_on_arrays(rules, start, stop, seed), [[] for _ in range(start, stop)]
    policy = get_policy(name, rules)
    out, inputs = [], []
    for i in range(start, stop):
        game = play(Game(rules, derive_seed(seed, i), record=False), policy)
        out.append(_outcome(rules, game))
        inputs.append(game.inputs)
    return out, inputs


def _passive_on_arrays(rules: Rules, start: int, stop: int, seed: int) -> list[Outcome]:
    from .arrays.play import play_passive

    out = play_passive(rules, [derive_seed(seed, i) for i in range(start, stop)])
    endings = rules.endings
    return [Outcome(endings[e].key, RATING_VALUE[endings[e].rating], int(t)) for e, t in zip(out.ending, out.turns,
                                                                                              strict=True)]


def play_without(rules: Rules, keys: Sequence[str], inputs: Sequence[TurnInput], seed: int
                 ) -> dict[str, Outcome | None]:
    """One recorded game again on its seed, once for each instrument in `keys`, doing nothing wherever it used
    that instrument (later moves no longer legal are dropped, answers to events kept where they fit), then
    waiting once the record runs out. None for an instrument the game never used: it would replay identically.

    Until an instrument's first use its replay is the recorded game itself, so the recorded moves are replayed
    once and each instrument's replay forks from it at the turn of its first use."""
    first: dict[str, int] = {}
    for turn, turn_input in enumerate(inputs):
        for action in turn_input.actions:
            first.setdefault(action.use, turn)
    out: dict[str, Outcome | None] = dict.fromkeys(keys)
    starts = {key: first[key] for key in keys if key in first}
    game = Game(rules, seed, record=False)
    for turn, turn_input in enumerate(inputs):
        for key in (k for k, start in starts.items() if start == turn):
            out[key] = _finish_without(rules, game.fork(), key, inputs[turn:])
        if game.done or turn >= max(starts.values(), default=-1):
            break
        choices = dict(turn_input.choices)
        game.step(still_legal(game, turn_input.actions, choices), still_valid(game, choices))
    return out


def _finish_without(rules: Rules, game: Game, key: str, inputs: Sequence[TurnInput]) -> Outcome:
    """Play the rest of a recorded game without `key`, then wait to the end."""
    for turn_input in inputs:
        if game.done:
            break
        choices = dict(turn_input.choices)
        actions = [a for a in turn_input.actions if a.use != key]
        game.step(still_legal(game, actions, choices), still_valid(game, choices))
    while not game.done:
        game.step()
    return _outcome(rules, game)


def _outcome(rules: Rules, game: Game) -> Outcome:
    ending = game.ending or ""
    rating = next(e.rating for e in rules.endings if e.key == ending)
    return Outcome(ending, RATING_VALUE[rating], game.turn)


# -- running, here or on a pool --------------------------------------------------------------------------------
_worker: dict[str, Any] = {}


def _init_forked(rules: Rules, seed: int) -> None:
    _worker["rules"], _worker["seed"] = rules, seed


def _init_spawned(path: str, seed: int) -> None:
    from .batch import load_rules

    with open(path, "rb") as handle:
        _worker["rules"] = load_rules(handle.read(), path)
    _worker["seed"] = seed


def _run_task(task: Task) -> tuple[list[Outcome], list[list[TurnInput]]]:
    return play_task(_worker["rules"], task, _worker["seed"])


def _run_without(task: tuple[list[str], int, list[TurnInput]]) -> dict[str, Outcome | None]:
    keys, index, inputs = task
    return play_without(_worker["rules"], keys, inputs, derive_seed(_worker["seed"], index))


def analyse(rules: Rules, *, runs: int | None = None, seed: int = 0, jobs: int = 1, path: str | None = None,
            start_method: str | None = None) -> Balance:
    """Play every policy `runs` times (default: `default_runs`) on the same seeds and judge the balance.

    With `jobs` > 1 the batches run on a pool of processes (forked workers share `rules`; spawned ones load
    `path`). The result does not depend on `jobs`.
    """
    runs = default_runs(rules) if runs is None else runs
    if runs <= 0:
        raise ValueError(f"the number of runs must be at least 1; got {runs}")
    if jobs <= 0:
        raise ValueError(f"the number of jobs (processes) must be at least 1; got {jobs}")
    work = tasks(rules, runs)
    keys = menu(rules)
    if jobs == 1:
        results = _in_phases(lambda batch: [play_task(rules, t, seed) for t in batch],
                             lambda batch: [play_without(rules, k, ins, derive_seed(seed, i)) for k, i, ins in batch],
                             work, keys, runs)
    else:
        ctx = multiprocessing.get_context(start_method)
        forked = ctx.get_start_method() == "fork"
        if not forked and path is None:
            raise ValueError("a spawned pool needs the scenario's path")
        init, args = (_init_forked, (rules, seed)) if forked else (_init_spawned, (os.fsdecode(path or ""), seed))
        with ctx.Pool(processes=jobs, initializer=init, initargs=args) as pool:
            results = _in_phases(lambda batch: pool.map(_run_task, batch, chunksize=1),
                                 lambda batch: pool.map(_run_without, batch, chunksize=1), work, keys, runs)
            shut_down(pool)
    return judge(rules, *results, runs, seed)


def _in_phases(run_tasks, run_without, work: list[Task], keys: list[str], runs: int
               ) -> tuple[dict[str, list[Outcome]], dict[str, list[Outcome | None]]]:
    """First every policy; then the best screened repeated moves completed to `runs` games; then random's
    games replayed without each instrument."""
    first = run_tasks(work)
    played = {name: outs for (name, _, _), (outs, _) in zip(work, first, strict=True)}
    random_inputs = first[1][1]
    screened = sorted((n for n, _, stop in work if n.startswith("fixed:") and stop < runs),
                      key=lambda n: (-_mean([o.value for o in played[n]]), n))[:FINALISTS]
    rest = [(n, len(played[n]), runs) for n in screened]
    for (name, _, _), (outs, _) in zip(rest, run_tasks(rest), strict=True):
        played[name] = played[name] + outs
    replays = run_without([(keys, i, inputs) for i, inputs in enumerate(random_inputs)])  # one task a game
    without = {key: [replay[key] for replay in replays] for key in keys}
    return played, without


# -- judging -----------------------------------------------------------------------------------------------------
def judge(rules: Rules, played: dict[str, list[Outcome]], without: dict[str, list[Outcome | None]], runs: int,
          seed: int) -> Balance:
    """Statistics and the verdict from every policy's outcomes (game i of each list is played on the same seed)
    and random's games replayed without each instrument (None where the instrument was not used)."""
    policies = {n: _policy_stats(rules, n, o) for n, o in played.items()}
    endings = _ending_stats(rules, played)
    instruments = {key: _instrument_stats(rules, key, played, without[key]) for key in menu(rules)}
    fixed = [n for n in policies if n.startswith("fixed:")]
    complete = [n for n in fixed if policies[n].runs == runs] or fixed
    best_fixed = max(complete, key=lambda n: (policies[n].mean_value, n), default=None)
    dominant = best_fixed if best_fixed and _dominates(best_fixed, played) else None
    balance = Balance(rules.scenario.id, rules.scenario.title, rules.turns, runs, seed, policies, endings,
                      instruments, best_fixed, dominant, ())
    return Balance(**{**vars(balance), "verdict": tuple(verdict(rules, balance))})


def _policy_stats(rules: Rules, name: str, outcomes: Sequence[Outcome]) -> PolicyStats:
    n = len(outcomes)
    endings = {e.key: 0.0 for e in rules.endings}
    rating_of = {e.key: e.rating for e in rules.endings}
    ratings = dict.fromkeys(RATINGS, 0.0)
    for o in outcomes:
        endings[o.ending] += 1 / n
        ratings[rating_of[o.ending]] += 1 / n
    values, turns = [o.value for o in outcomes], [o.turns for o in outcomes]
    return PolicyStats(name, n, endings, ratings, _mean(values), _mean(turns))


def _ending_stats(rules: Rules, played: dict[str, list[Outcome]]) -> dict[str, EndingStats]:
    out = {}
    for e in rules.endings:
        shares = {n: sum(o.ending == e.key for o in outs) / len(outs) for n, outs in played.items()}
        best = max(shares, key=lambda n: (shares[n], n)) if shares else None
        turns = [o.turns for outs in played.values() for o in outs if o.ending == e.key]
        reached = bool(turns)
        out[e.key] = EndingStats(e.key, e.title, e.rating, reached, best if reached else None,
                                 shares[best] if reached and best else 0.0, _mean(turns) if turns else None)
    return out


def _instrument_stats(rules: Rules, key: str, played: dict[str, list[Outcome]], without: list[Outcome | None]
                      ) -> InstrumentStats:
    pairs = [(a, b) for a, b in zip(played["random"], without, strict=True) if b is not None]
    used = len(pairs)
    changed = sum(a.ending != b.ending for a, b in pairs) / used if used else 0.0
    effect = _mean([a.value - b.value for a, b in pairs])
    passive = played["passive"]
    gains = {
        n: _mean([a.value - b.value for a, b in zip(outs, passive, strict=False)])
        for n, outs in played.items()
        if n == f"fixed:{key}" or n.startswith(f"fixed:{key}:")
    }
    best = max(gains, key=lambda n: (gains[n], n), default=None)
    gain = gains[best] if best else 0.0
    name = rules.instruments[key].name if key in rules.instruments else rules.proposals[key].name
    # an instrument that only sharpens estimates cannot show its worth here, unless the scenario's own conditions
    # read what it changes (then its uses change outcomes and it is judged like any other)
    informational = key in rules.instruments and rules.instruments[key].kind in INFORMATIONAL and changed < RARELY
    judged = used >= MIN_USES and not informational
    # rarely decisive in random play may only mean other moves do the same work: then it is a substitute,
    # not useless, when its repeated use on its own clearly beats doing nothing
    rare = judged and changed < RARELY
    return InstrumentStats(key, name, used / len(without) if without else 0.0, changed, effect, best, gain,
                           rare and gain < WORTH_ALONE, judged and effect <= 0 and gain <= 0, informational,
                           rare and gain >= WORTH_ALONE)


def _dominates(name: str, played: dict[str, list[Outcome]]) -> bool:
    """Whether `name` beats every other policy tried (greedy's lookahead aside) by more than chance, game by
    game on the seeds both played."""
    mine = played[name]
    for other, outs in played.items():
        if other in (name, "greedy"):
            continue
        diffs = [a.value - b.value for a, b in zip(mine, outs, strict=False)]
        mean = _mean(diffs)
        sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / max(1, len(diffs) - 1))
        if mean <= 0 or mean <= Z * sd / math.sqrt(len(diffs)):
            return False
    return True


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# -- the verdict -------------------------------------------------------------------------------------------------
def verdict(rules: Rules, b: Balance) -> list[str]:
    """The analysis in plain sentences, most important first."""
    lines: list[str] = []
    total = sum(p.runs for p in b.policies.values())
    for e in b.endings.values():
        if not e.reached:
            lines.append(f"Ending '{e.key}' ({e.title}) is unreachable under every policy tried ({total:,} games).")
        elif e.best_share < RARE_ENDING:
            lines.append(f"Ending '{e.key}' ({e.title}) is rare: at best {e.best_share:.1%} of games "
                         f"(under {e.best_policy}).")
    for s in b.instruments.values():
        if s.informational:
            lines.append(f"{s.name} only sharpens the player's estimates, which no policy here reads: "
                         "judge it in play.")
        elif s.used_share * b.runs < MIN_USES:
            lines.append(f"{s.name} was hardly ever possible or chosen in random play ({s.used_share:.1%} of "
                         "games): not judged.")
        elif s.rarely_matters:
            lines.append(f"{s.name} is never worth it: using it changed the outcome in {s.changed_share:.1%} "
                         "of the games that used it.")
        elif s.substitutable:
            lines.append(f"{s.name} is interchangeable with other moves: dropping it from random play changed "
                         f"{s.changed_share:.1%} of outcomes, but {s.best_fixed} alone beats doing nothing by "
                         f"{s.best_fixed_gain:+.1f} points.")
        elif s.not_worth_cost:
            lines.append(f"{s.name} does not pay for itself: games end no better with it than without it "
                         f"({s.value_effect:+.1f} points), and repeating it never beats doing nothing.")
    lines.append(_dominance_line(b))
    passive = b.policies["passive"]
    lines.append(f"Doing nothing: {_ratings(passive)}.")
    for name in ("historical", "random", "greedy"):
        if name in b.policies:
            lines.append(f"{name.capitalize()} play: {_ratings(b.policies[name])}.")
    lines.append(_turns_line(b))
    impact = sorted(b.instruments.values(), key=lambda s: (-s.changed_share, s.key))
    if impact and not impact[0].rarely_matters:
        top = impact[0]
        lines.append(f"The instrument that matters most is {top.name}: using it changed the outcome in "
                     f"{top.changed_share:.1%} of the games that used it ({top.value_effect:+.1f} points on "
                     "average).")
    return lines


def _dominance_line(b: Balance) -> str:
    if b.dominant:
        beats = "every other strategy including history" if "historical" in b.policies else "every other strategy"
        return f"{b.dominant} dominates: it beats {beats} ({_ratings(b.policies[b.dominant])})."
    if not b.best_fixed:
        return "The scenario offers no instrument to repeat."
    best = b.policies[b.best_fixed]
    line = f"No single repeated move dominates; the best is {b.best_fixed} ({_ratings(best)})"
    hist = b.policies.get("historical")
    if hist is not None:
        line += ", better than history" if best.mean_value > hist.mean_value else ", no better than history"
    return line + "."


def _turns_line(b: Balance) -> str:
    passive = b.policies["passive"]
    line = f"Games last {passive.mean_turns:.1f} of {b.turns} turns without intervention"
    failures = [e for e in b.endings.values() if e.rating == "failure" and e.mean_turns is not None]
    if failures:
        first = min(failures, key=lambda e: (e.mean_turns, e.key))
        line += f"; '{first.key}' comes after {first.mean_turns:.1f} turns on average when it comes"
    return line + "."


def _ratings(p: PolicyStats) -> str:
    return f"success {p.ratings['success']:.0%}, partial {p.ratings['partial']:.0%}, failure {p.ratings['failure']:.0%}"

