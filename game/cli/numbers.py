"""Whole numbers on the command line, read strictly (ASCII digits only: `²`, `١` or `1_000` are refused as
argparse's int() would not), the bounds of each count, and how many processes a machine can usefully run."""

from __future__ import annotations

import argparse
import os

from game.typed import MAX_DIGITS, parse_whole

from .errors import CliError

MAX_RUNS = 100_000  # games in one `simulate`: enough for any balance question; more, run several seeds
MAX_BALANCE_RUNS = 20_000  # games per policy in one `balance`
MAX_REPORT_RUNS = 10_000  # futures per alternative in one `report`
MAX_SEED = 2**63 - 1  # seeds are 64-bit integers


def whole(text: str) -> int:
    """An argparse type: a whole number in ASCII digits with an optional sign, at most MAX_DIGITS digits."""
    value = parse_whole(text)
    if value is None:
        shown = text if len(text) <= 24 else text[:24] + "…"
        raise argparse.ArgumentTypeError(f"'{shown}' is not a whole number written in digits 0-9 "
                                         f"(at most {MAX_DIGITS} of them)")
    return value


def check_range(option: str, value: int, low: int, high: int, hint: str = "") -> int:
    """`value` when it lies in [low, high]; else CliError naming the option, the bounds and what to do."""
    if not low <= value <= high:
        raise CliError(f"{option} must be from {low:,} to {high:,}; got {value:,}{hint}")
    return value


def cores() -> int:
    """The processors this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def useful_jobs(jobs: int, work: int) -> int:
    """Processes worth starting for `work` independent pieces: no more than the pieces or the cores."""
    return max(1, min(jobs, work, cores()))
