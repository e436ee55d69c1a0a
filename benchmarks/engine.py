"""Engine speed benchmark (design §5): µs per turn (with and without turn reports), games per second on 1 and 2
processes, the wall time of a 10,000-game `simulate --jobs 2` as a user would run it, and the time the advisor
and the counterfactuals take with their defaults. A plain script, not a test:

    python benchmarks/engine.py [SCENARIO] [--games N] [--policy NAME]
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.engine import Game, Rules, build_rules  # noqa: E402
from game.scenario.catalogue import SHIPPED_DIR, resolve  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.sim.advisor import advise  # noqa: E402
from game.sim.batch import run_batch  # noqa: E402
from game.sim.counterfactual import compare, key_decisions  # noqa: E402
from game.sim.policies import get_policy, play  # noqa: E402

CUBAN = "cuban_missile_crisis_1962"
SAMPLE = "sample_river_dispute"
REPEATS = 5
BIG_RUNS = 10_000


def default_scenario() -> str:
    """The Cuban scenario when it is shipped, else the sample."""
    return CUBAN if any((SHIPPED_DIR / f"{CUBAN}{ext}").is_file() for ext in (".yaml", ".yml")) else SAMPLE


def load_rules(path: Path) -> Rules:
    result = load_scenario(path)
    if result.scenario is None:
        raise SystemExit("\n".join(str(d) for d in result.diagnostics))
    return build_rules(result.scenario)


def us_per_turn(rules: Rules, games: int, record: bool = True) -> float:
    """Median over repeats of the time per turn of passive games (engine only: no policy, no processes);
    `record` False is the batch runner's mode (no Change or Message objects)."""
    samples = []
    for _ in range(REPEATS):
        turns = 0
        began = time.perf_counter()
        for seed in range(games):
            game = Game(rules, seed, record=record)
            while not game.done:
                game.step()
                turns += 1
        samples.append((time.perf_counter() - began) / turns * 1e6)
    return statistics.median(samples)


def games_per_second(path: Path, policy: str, games: int, jobs: int) -> float:
    """Best of the repeats of run_batch's own games/s (pool start-up included)."""
    return max(run_batch(path, policy, games, seed=0, jobs=jobs).games_per_second for _ in range(3))


def simulate_wall_time(scenario: str, policy: str) -> tuple[float, list[str]]:
    """Whole-process wall time of the 10,000-game simulate command with two processes."""
    cmd = [sys.executable, "main.py", "simulate", scenario, "--runs", str(BIG_RUNS), "--policy", policy,
           "--jobs", "2", "--json"]
    began = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - began, ["python", *cmd[1:]]


def advisor_seconds(rules: Rules) -> float:
    """The longest `advise` with its defaults takes on the first six turns of a passive game."""
    game = Game(rules, 1)
    slowest = 0.0
    for _ in range(6):
        if game.done:
            break
        began = time.perf_counter()
        advise(game)
        slowest = max(slowest, time.perf_counter() - began)
        game.step()
    return slowest


def counterfactual_seconds(rules: Rules) -> tuple[float, float]:
    """Time of `compare` (waiting instead of the first turn's orders) and `key_decisions`, defaults, on a game
    played by the random policy."""
    game = play(Game(rules, 7), get_policy("random", rules))
    began = time.perf_counter()
    compare(rules, 7, game.inputs, 0, ())
    middle = time.perf_counter()
    key_decisions(rules, 7, game.inputs)
    return middle - began, time.perf_counter() - middle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=default_scenario(), help="a scenario file or shipped id")
    parser.add_argument("--games", type=int, default=2000, help="games per measurement (default 2000)")
    parser.add_argument("--policy", default="passive", help="policy for the batch measurements (default passive)")
    args = parser.parse_args()
    path = resolve(args.scenario)
    rules = load_rules(path)
    per_turn = us_per_turn(rules, max(1, args.games // 10))
    quiet = us_per_turn(rules, max(1, args.games // 10), record=False)
    advice = advisor_seconds(rules)
    one_compare, keys = counterfactual_seconds(rules)
    one = games_per_second(path, args.policy, args.games, 1)
    two = games_per_second(path, args.policy, args.games, 2)
    wall, cmd = simulate_wall_time(args.scenario, args.policy)
    rows = [
        ("scenario", f"{rules.scenario.id} ({rules.turns} turns)"),
        ("µs per turn, passive, with turn reports (median of 5)", f"{per_turn:.1f}"),
        ("µs per turn, passive, batch mode (median of 5)", f"{quiet:.1f}"),
        (f"games/s, 1 process ({args.policy}, {args.games} games)", f"{one:,.0f}"),
        (f"games/s, 2 processes ({args.policy}, {args.games} games)", f"{two:,.0f}"),
        (f"wall time, {BIG_RUNS:,} games, --jobs 2", f"{wall:.2f} s"),
        ("advisor, default runs, slowest of turns 1-6", f"{advice:.2f} s"),
        ("counterfactual compare, default runs", f"{one_compare:.2f} s"),
        ("key decisions, default runs", f"{keys:.2f} s"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"$ python benchmarks/engine.py {shlex.join(sys.argv[1:])}".rstrip())
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs")
    for key, value in rows:
        print(f"  {key:<{width}}  {value:>12}")
    print(f"  (wall time measured on: {shlex.join(cmd)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
