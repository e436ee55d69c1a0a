"""The table of docs/balance.md, "The shipped scenarios", measured afresh: success / partial / failure in % for
each shipped scenario and policy, from the same `simulate` runs the page names. A plain script, not a test:

    python benchmarks/balance_table.py [--runs 1000] [--greedy-runs 200] [--jobs 2] [SCENARIO...]

It prints the Markdown rows to paste into the page (history's success in bold), so the figures there are never
typed by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["cuban_missile_crisis_1962", "unpredep_fyrom_1995", "iraq_inspections_1998", "afghanistan_geneva_1988",
           "oslo_back_channel_1993", "kashmir_1965", "sample_river_dispute"]
POLICIES = ["passive", "random", "historical", "greedy"]


def shares(scenario: str, policy: str, runs: int, jobs: int) -> tuple[int, int, int]:
    """Success, partial and failure in whole per cent, from `main.py simulate … --json` (seed 0)."""
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "simulate", scenario, "--runs", str(runs),
                          "--jobs", str(jobs), "--json", "--policy", policy, "--seed", "0"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    data = json.loads(out.stdout)
    return tuple(round(100 * data[f"{r}_rate"]) for r in ("success", "partial", "failure"))


def row(scenario: str, runs: int, greedy_runs: int, jobs: int) -> str:
    cells = []
    for policy in POLICIES:
        s, p, f = shares(scenario, policy, greedy_runs if policy == "greedy" else runs, jobs)
        cells.append(f"**{s}** / {p} / {f}" if policy == "historical" else f"{s} / {p} / {f}")
    return f"| `{scenario}` | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--greedy-runs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("scenarios", nargs="*", default=SHIPPED)
    args = parser.parse_args(argv)
    print("| scenario | passive | random | historical | greedy (looks ahead on the true state) |")
    print("|---|---|---|---|---|")
    for scenario in args.scenarios:
        print(row(scenario, args.runs, args.greedy_runs, args.jobs), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
