"""How good the advisor's advice is: on states from real games, how often its best move (found from the player's
observation, with the window's defaults) is within the noise of the best move found by many rollouts on the true
state, against the same figure for a move picked at random; the points each choice loses against the true best;
and how long the advisor takes. A plain script, not a test:

    python benchmarks/advisor.py [SCENARIO ...] [--states N] [--truth-runs R] [--seed S] [--jobs J]
                                 [--truth FILE] [--code DIR]

`--truth FILE` keeps the truth of each state in FILE (computed once, read back by later runs), and `--code DIR`
asks the advisor of another checkout of the project: with both, two advisors are compared on the same states and
the same truth (the truth depends on the engine only, which they share).

The truth plays every move `--truth-runs` times from the true state (hidden values as they are; the future
sampled afresh, the same futures for every move), then goes on as the advisor's rollouts do (the scenario's
historical policy, or waiting), to the end. A move is "within the noise" of the true best when its mean trails
the best's by at most 1.96 standard errors of the paired difference. The states are taken from games played by
the random policy, each at a turn drawn at random among those with at least two moves to choose from.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import random
import shlex
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--code" in sys.argv[:-1]:  # the advisor (and engine) of another checkout; inherited by spawned workers
    os.environ["ADVISOR_CODE"] = str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve())
CODE = os.environ.get("ADVISOR_CODE", str(ROOT))
if CODE not in sys.path:
    sys.path.insert(0, CODE)

from game.engine import Game, build_rules  # noqa: E402
from game.scenario.catalogue import resolve  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.sim.advisor import advise  # noqa: E402
from game.sim.policies import Historical, get_policy, historical_plan  # noqa: E402
from game.sim.seeds import derive_seed, splitmix64  # noqa: E402

DEFAULT = ("cuban_missile_crisis_1962", "unpredep_fyrom_1995")
_RULES: dict[str, object] = {}


def _rules(path: str):
    if path not in _RULES:
        _RULES[path] = build_rules(load_scenario(Path(path)).scenario)
    return _RULES[path]


def state_of(path: str, seed: int, index: int) -> Game | None:
    """Game `index` of the run: played by the random policy to a turn drawn at random among those with at least
    two non-waiting moves (None if the game never offers a choice)."""
    rules = _rules(path)
    policy = get_policy("random", rules)
    game = Game(rules, derive_seed(seed, index))
    probe, choosable = game.fork(), []
    while not probe.done:
        if len([a for a in probe.legal_actions() if not rules.is_wait(a.use)]) >= 2:
            choosable.append(probe.turn)
        probe.step(*policy.decide(probe))
    if not choosable:
        return None
    stop = random.Random(splitmix64(seed ^ index)).choice(choosable)
    while game.turn < stop:
        game.step(*policy.decide(game))
    return game


def truth(game: Game, runs: int, seed: int) -> dict:
    """Every move's mean points over `runs` rollouts on the true state, with common futures."""
    rules = game.rules
    then = Historical(historical_plan(rules)) if rules.historical else None
    moves = [None, *(a for a in game.legal_actions() if not rules.is_wait(a.use))]
    score = {e.key: e.score for e in rules.endings}
    values = {}
    for move in moves:
        row = []
        for n in range(runs):
            trial = game.fork(reseed=splitmix64(seed * 7919 + n), record=False)
            possible = move is not None and trial.why_illegal(move) is None  # as the advisor's rollouts play it
            trial.step([move] if possible else [])
            while not trial.done:
                trial.step(*then.decide(trial)) if then else trial.step()
            row.append(score[trial.ending])
        values[move] = row
    return values


def near_best(values: dict) -> tuple[set, object, dict]:
    """The moves within the noise of the true best, the best, and each move's mean."""
    means = {m: statistics.fmean(v) for m, v in values.items()}
    best = max(means, key=means.get)
    near = set()
    for m, row in values.items():
        diffs = [b - x for b, x in zip(values[best], row, strict=True)]
        mean = statistics.fmean(diffs)
        se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0
        if mean <= 1.96 * se + 1e-9:
            near.add(m)
    return near, best, means


def true_values(game: Game, runs: int, seed: int, index: int) -> tuple[set, str, dict]:
    """near_best of the truth, with moves named by str (None for waiting), so it can be kept in a file."""
    near, best, means = near_best(truth(game, runs, derive_seed(seed + 1, index)))
    def name(m) -> str:
        return "" if m is None else str(m)

    return {name(m) for m in near}, name(best), {name(m): v for m, v in means.items()}


def one(task: tuple[str, int, int, int, dict | None]) -> dict | None:
    path, seed, index, runs, known = task
    game = state_of(path, seed, index)
    if game is None:
        return None
    began = time.perf_counter()
    advice = advise(game)
    seconds = time.perf_counter() - began
    pick = "" if advice[0].action is None else str(advice[0].action)
    if known is None:
        near, best, means = true_values(game, runs, seed, index)
    else:
        near, best, means = set(known["near"]), known["best"], known["means"]
    return {
        "turn": game.turn,
        "moves": len(means),
        "near": len(near),
        "agrees": pick in near,
        "chance": len(near) / len(means),
        "regret": means[best] - means[pick],
        "random_regret": means[best] - statistics.fmean(means.values()),
        "seconds": seconds,
        "truth": {"near": sorted(near), "best": best, "means": means},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", help=f"scenario files or shipped ids (default: {', '.join(DEFAULT)})")
    parser.add_argument("--states", type=int, default=20, help="states per scenario (default 20)")
    parser.add_argument("--truth-runs", type=int, default=150, help="rollouts per move on the true state (150)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--truth", metavar="FILE", help="keep (and reuse) each state's truth in FILE")
    parser.add_argument("--code", metavar="DIR", help="the advisor of another checkout (see above)")
    args = parser.parse_args(argv)
    kept = json.loads(Path(args.truth).read_text()) if args.truth and Path(args.truth).exists() else {}
    print(f"advisor of {CODE}")
    print(f"$ python benchmarks/advisor.py {shlex.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    for name in args.scenarios or DEFAULT:
        path = str(resolve(name))
        keys = [f"{Path(path).stem} {args.seed} {i} {args.truth_runs}" for i in range(args.states)]
        tasks = [(path, args.seed, i, args.truth_runs, kept.get(key)) for i, key in enumerate(keys)]
        began = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            results = pool.map(one, tasks)
        wall = time.perf_counter() - began
        kept.update({key: r["truth"] for key, r in zip(keys, results, strict=True) if r is not None})
        if args.truth:
            Path(args.truth).write_text(json.dumps(kept, indent=0, sort_keys=True))
        rows = [r for r in results if r is not None]
        if not rows:
            print(f"{name}: no state with a choice")
            continue
        n = len(rows)
        agree = sum(r["agrees"] for r in rows) / n
        chance = statistics.fmean(r["chance"] for r in rows)
        times = sorted(r["seconds"] for r in rows)
        print(f"{name}: {n} states (turns {min(r['turn'] for r in rows) + 1}–{max(r['turn'] for r in rows) + 1}, "
              f"{statistics.fmean(r['moves'] for r in rows):.1f} moves on average, "
              f"{args.truth_runs} true rollouts per move; {wall:.0f} s)")
        print(f"  advisor's best within the noise of the true best: {agree:.0%} of states "
              f"(a random move: {chance:.0%}; {statistics.fmean(r['near'] for r in rows):.1f} moves within the "
              "noise on average)")
        print(f"  points lost against the true best: advisor {statistics.fmean(r['regret'] for r in rows):.1f}, "
              f"random move {statistics.fmean(r['random_regret'] for r in rows):.1f}")
        print(f"  advisor time: median {times[n // 2]:.2f} s, slowest {times[-1]:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
