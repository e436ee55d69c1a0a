"""Calibration of the player's estimates: for every shipped scenario, how often each 90% band holds the current
truth (per attribute and per intelligence level), how much the estimates move from turn to turn against the
truth, and whether the pressure estimate agrees with the visible rung. A plain script, not a test:

    python benchmarks/calibration.py [SCENARIO ...] [--games N] [--seed S] [--policy NAME]

Goals (issue 12): coverage 85–95% for every attribute and level; estimates moving at most twice as much as
the truth; the pressure estimate inside the range its rung allows.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.engine import build_rules  # noqa: E402
from game.scenario.catalogue import resolve, shipped  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.sim.calibration import Calibration, Tally, measure  # noqa: E402


def _row(name: str, t: Tally) -> str:
    moved = "—" if t.moved_truth == 0 and t.moved_estimate == 0 else f"{t.movement:5.2f}×"
    return (f"  {name:<18} {t.coverage:6.1%} {t.mean_width:7.3f} {t.moved_estimate / max(1, t.total):9.4f} "
            f"{t.moved_truth / max(1, t.total):9.4f} {moved:>7} {t.total:>8}")


def report(cal: Calibration, seconds: float) -> list[str]:
    lines = [f"{cal.scenario}: {cal.games} {cal.policy} games ({seconds:.1f} s)",
             f"  {'':<18} {'cover':>6} {'width':>7} {'|Δest|':>9} {'|Δtruth|':>9} {'moves':>7} {'readings':>8}"]
    for attr, t in cal.by_attribute.items():
        lines.append(_row(attr, t))
    lines.append(_row("all", cal.overall))
    lines.append("  by intelligence level:")
    for level, t in cal.by_level.items():
        if t.total:
            lines.append(_row(f"  {level}", t))
    agree = cal.rung_agrees / cal.rung_total if cal.rung_total else 1.0
    lines.append(f"  pressure estimate inside its rung's range: {agree:.1%}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", help="scenario files or shipped ids (default: every shipped one)")
    parser.add_argument("--games", type=int, default=200, help="games per scenario (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--policy", default="random", help="how the games are played (default random)")
    args = parser.parse_args(argv)
    paths = [resolve(s) for s in args.scenarios] if args.scenarios else [s.path for s in shipped()]
    print(f"$ python benchmarks/calibration.py {shlex.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print("cover: share of readings whose 90% band holds the current truth; width: mean band width; "
          "|Δest|, |Δtruth|: mean turn-to-turn movement (pressure divided by its ladder's height); "
          "moves: |Δest| / |Δtruth|")
    everything = Tally()
    for path in paths:
        result = load_scenario(path)
        if result.scenario is None:
            print(f"{path}: does not load")
            continue
        began = time.perf_counter()
        cal = measure(build_rules(result.scenario), args.games, args.seed, args.policy)
        print("\n".join(report(cal, time.perf_counter() - began)))
        everything.add(cal.overall)
    print(_row("every scenario", everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
