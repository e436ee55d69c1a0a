"""Per-turn cost on the longest calendar a scenario may have: µs per turn over the first and the last hundred
turns of a game of MAX_TURNS turns in which the same moves are made every turn (a private appeal and a task
force each turn, a proposal whenever it may be floated), so launches pile up; in batch mode, and with full turn
reports (as a player's game, a replay and a debrief are played: the reasons given for a refusal read the
player's estimates). The two figures should be about equal: a turn must not cost more because many turns came
before it. A plain script, not a test:

    python benchmarks/long_games.py [--games N] [--window W]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from game.engine import Action, Game, build_rules  # noqa: E402
from game.scenario.limits import MAX_TURNS  # noqa: E402
from game.scenario.loader import load_scenario_bytes  # noqa: E402

MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def long_scenario(turns: int) -> bytes:
    """The minimal test scenario stretched to `turns` monthly turns, with a repeatable proposal and more moves."""
    data = yaml.safe_load(MINIMAL.read_bytes())
    start_year = 2030
    last = turns - 1
    data["calendar"] = {"start": f"{start_year}-01-01", "end": f"{start_year + last // 12}-{last % 12 + 1:02d}-01",
                        "turn_unit": "month"}
    data["secretary_general"].update(prestige=100, budget=10000, budget_per_turn=100, attention=10)
    data["instruments"] = [{"use": "private_appeal", "cost": {}}, {"use": "task_force", "cost": {}}, {"use": "wait"}]
    data["proposals"] = [{"id": "talks", "name": "Talks", "text": "Both sides talk.", "pair": "north_south",
                          "acceptance": 0.0, "modes": ["private"]}]
    return yaml.safe_dump(data, sort_keys=False).encode("utf-8")


def turn_times(turns: int, seed: int, record: bool = False) -> list[float]:
    """Seconds each turn of one game took (`record`: with full turn reports)."""
    result = load_scenario_bytes(long_scenario(turns), "long.yaml")
    if result.scenario is None:
        raise SystemExit("\n".join(str(d) for d in result.diagnostics))
    game = Game(build_rules(result.scenario), seed, record=record)
    moves = [Action("private_appeal", "north"), Action("task_force")]
    times = []
    while not game.done:
        orders = [a for a in moves if game.why_illegal(a) is None]
        talks = Action("talks", None, "private")
        if game.why_illegal(talks, orders) is None:
            orders.append(talks)
        began = time.perf_counter()
        game.step(orders)
        times.append(time.perf_counter() - began)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=5, help="games to time (default 5)")
    parser.add_argument("--window", type=int, default=100, help="turns at each end to compare (default 100)")
    args = parser.parse_args(argv)
    print(f"{MAX_TURNS} monthly turns, {args.games} games, the same moves every turn:")
    for record in (False, True):
        first, last = [], []
        for seed in range(args.games):
            times = turn_times(MAX_TURNS, seed, record)
            first.append(statistics.median(times[: args.window]) * 1e6)
            last.append(statistics.median(times[-args.window:]) * 1e6)
        print("  with full turn reports:" if record else "  batch mode:")
        print(f"    first {args.window} turns: {statistics.median(first):8.1f} µs per turn (median turn and game)")
        print(f"    last {args.window} turns:  {statistics.median(last):8.1f} µs per turn")
        print(f"    ratio last/first:   {statistics.median(last) / statistics.median(first):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
