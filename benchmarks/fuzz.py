"""The long fuzzing run: every fuzz target with the `long` Hypothesis profile (40 times the suite's budget), then
how many cases each tried, how many failed and what the cases were like. A plain script, not a test:

    python benchmarks/fuzz.py [--profile long|ci] [pytest arguments, e.g. -k save]

Each target's failures are shrunk and printed by Hypothesis (and kept in .hypothesis/ to be tried first next
time); the exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = [
    "tests/scenario/test_loader_fuzz.py",  # scenario bytes and data → validate
    "tests/scenario/test_scenario_fuzz.py",  # scenario text → validate → play, save, replay, simulate, render
    "tests/ui/test_scenario_screens_fuzz.py",  # … → the window's screens
    "tests/saves/test_save_fuzz.py",  # save text → load → replay → debrief and class summary
    "tests/cli/test_textmode_fuzz.py",  # typed text-mode input, bytes included
    "tests/ui/test_fuzz.py",  # window events with text input, on every screen
]
_TEST = re.compile(r"^(tests/\S+::\S+):$")
_HYPOTHESIS_OWN = re.compile(r"Draw for|Retried draw|had to be retried")  # its own notes, not the cases
_COUNTS = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")


def summarise(output: str) -> list[tuple[str, int, int, int, list[str]]]:
    """(test, passing, failing, invalid, events) per test from pytest's --hypothesis-show-statistics output."""
    rows: dict[str, list] = {}
    current = None
    for line in output.splitlines():
        found = _TEST.match(line.strip())
        if found:
            current = found.group(1)
            rows.setdefault(current, [0, 0, 0, []])
            continue
        if current is None:
            continue
        counts = _COUNTS.search(line)
        if counts:
            for i in range(3):
                rows[current][i] += int(counts.group(i + 1))
        elif line.strip().startswith("* ") and "%" in line and not _HYPOTHESIS_OWN.search(line):
            rows[current][3].append(line.strip()[2:])
    return [(name, *values) for name, values in rows.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="long", choices=("ci", "long"))
    args, extra = parser.parse_known_args(argv)
    env = {**os.environ, "GOOD_OFFICES_FUZZ": args.profile, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    began = time.perf_counter()
    # one process: the per-test statistics this script counts are printed only without workers
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
                           "--hypothesis-show-statistics", *TARGETS, *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    minutes = (time.perf_counter() - began) / 60
    failures = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    print(f"Fuzzing, profile {args.profile}: {minutes:.1f} min, pytest exit status {done.returncode}")
    total = 0
    for name, passing, failing, invalid, events in summarise(done.stdout):
        total += passing + failing
        print(f"  {name}: {passing + failing:,} cases ({failing} failing, {invalid} invalid)")
        for text in events[:6]:
            print(f"      {text}")
    print(f"  all targets: {total:,} cases")
    for line in failures:
        print(line)
    if done.returncode not in (0, 1):
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
