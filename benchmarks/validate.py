"""Benchmark: how long loading and validating one scenario file takes (YAML, model, checks), in milliseconds.

Usage: python benchmarks/validate.py [PATH ...] [--runs N]
Without paths it times every scenarios/*.yaml and tests/fixtures/minimal.yaml.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.scenario.loader import load_scenario  # noqa: E402 - needs the path set above


def default_paths() -> list[Path]:
    """The shipped scenarios and the minimal test fixture."""
    return [*sorted((ROOT / "scenarios").glob("*.yaml")), ROOT / "tests" / "fixtures" / "minimal.yaml"]


def ensure_checks() -> str:
    """Use the real semantic checks; if checks.py is not written yet, time without them and say so."""
    if importlib.util.find_spec("game.scenario.checks") is not None:
        return "with semantic checks"
    stub = types.ModuleType("game.scenario.checks")
    stub.run_checks = lambda scenario: []
    sys.modules["game.scenario.checks"] = stub
    return "WITHOUT semantic checks (game/scenario/checks.py not found)"


def time_file(path: Path, runs: int) -> tuple[float, float, str]:
    """Median and minimum milliseconds per load of `path`, and a word on the outcome."""
    result = load_scenario(path)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        load_scenario(path)
        timings.append((time.perf_counter() - start) * 1000)
    errors = sum(d.severity == "error" for d in result.diagnostics)
    outcome = "valid" if result.ok else f"{errors} error(s)"
    return statistics.median(timings), min(timings), outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="scenario files (default: scenarios/*.yaml + minimal)")
    parser.add_argument("--runs", type=int, default=50, help="loads per file (default 50)")
    args = parser.parse_args(argv)
    mode = ensure_checks()
    print(f"python benchmarks/validate.py — {args.runs} runs per file, {mode}")
    for path in args.paths or default_paths():
        median, best, outcome = time_file(path, max(args.runs, 1))
        size = path.stat().st_size if path.is_file() else 0
        print(f"{path}: median {median:.2f} ms, min {best:.2f} ms ({size:,} bytes, {outcome})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
