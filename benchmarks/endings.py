"""Ending distributions recorded from the engine, for the array back end's statistical equivalence test
(tests/sim/arrays/test_distributions.py): per shipped scenario and policy, how many of N engine games on a run
seed of their own (so they are independent of the array games they are compared with) reached each ending.

    python benchmarks/endings.py --write tests/fixtures/sim/endings.json [--runs N] [--policy P] [--jobs J]
    python benchmarks/endings.py [--runs N] [SCENARIO...]                      # print

A recorded file is kept as it is for the policies and scenarios not asked for. Recorded again whenever a rule
changes on purpose (with the fingerprints: benchmarks/fingerprints.py --write).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.scenario.catalogue import shipped  # noqa: E402
from game.sim.batch import run_batch  # noqa: E402

RECORD_SEED = 1_000_003  # the engine's games; the array games of the test play on run seed 0
DEFAULT_RUNS = 20_000


def record(scenario: str, path: Path, policy: str, runs: int, jobs: int) -> dict:
    """The ending counts of `runs` engine games of one scenario and policy."""
    result = run_batch(path, policy, runs, RECORD_SEED, jobs, backend="engine")
    return {"runs": result.runs, "seed": RECORD_SEED, "endings": dict(result.endings)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", help="scenario ids (default: every shipped scenario)")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--policy", action="append", help="policies (default: passive and random)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--write", type=Path, help="the file to record into (kept for what is not asked)")
    args = parser.parse_args(argv)
    policies = args.policy or ["passive", "random"]
    chosen = [s for s in shipped() if not args.scenarios or s.id in args.scenarios]
    data: dict = json.loads(args.write.read_text()) if args.write and args.write.exists() else {}
    for scenario in chosen:
        for policy in policies:
            began = time.process_time()
            entry = record(scenario.id, scenario.path, policy, args.runs, args.jobs)
            data.setdefault(scenario.id, {})[policy] = entry
            print(f"{scenario.id} {policy}: {entry['endings']} ({time.process_time() - began:.1f} s processor here)",
                  file=sys.stderr)
            if args.write:
                args.write.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    if not args.write:
        print(json.dumps(data, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
