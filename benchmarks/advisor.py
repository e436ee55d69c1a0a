"""How good the advisor's advice is: on states from real games, how often its best move (found from the player's
observation, with the window's defaults) is within the noise of the best move found by many rollouts on the true
state, against the same figure for a move picked at random; the points each choice loses against the true best;
and how long the advisor takes. A plain script, not a test:

    python benchmarks/advisor.py [SCENARIO ...] [--states N] [--truth-runs R] [--seed S] [--jobs J]

The truth plays every move `--truth-runs` times from the true state (hidden values as they are; the future
sampled afresh, the same futures for every move), then goes on as the advisor's rollouts do (the scenario's
historical policy, or waiting), to the end. A move is "within the noise" of the true best when its mean trails
the best's by at most 1.96 standard errors of the paired difference. The states are taken from games played by
the random policy, each at a turn drawn at random among those with at least two moves to choose from.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import shlex
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
            trial.step([move] if move is not None else [])
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


def one(task: tuple[str, int, int, int]) -> dict | None:
    path, seed, index, runs = task
    game = state_of(path, seed, index)
    if game is None:
        return None
    began = time.perf_counter()
    advice = advise(game)
    seconds = time.perf_counter() - began
    pick = advice[0].action
    values = truth(game, runs, derive_seed(seed + 1, index))
    near, best, means = near_best(values)
    return {
        "turn": game.turn,
        "moves": len(values),
        "near": len(near),
        "agrees": pick in near,
        "chance": len(near) / len(values),
        "regret": means[best] - means[pick],
        "random_regret": means[best] - statistics.fmean(means.values()),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", help=f"scenario files or shipped ids (default: {', '.join(DEFAULT)})")
    parser.add_argument("--states", type=int, default=20, help="states per scenario (default 20)")
    parser.add_argument("--truth-runs", type=int, default=150, help="rollouts per move on the true state (150)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"$ python benchmarks/advisor.py {shlex.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    for name in args.scenarios or DEFAULT:
        path = str(resolve(name))
        tasks = [(path, args.seed, i, args.truth_runs) for i in range(args.states)]
        began = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            rows = [r for r in pool.map(one, tasks) if r is not None]
        wall = time.perf_counter() - began
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
