"""`simulate SCENARIO --runs N --policy NAME [--seed S] [--jobs J] [--json]`: the outcome distribution of many
headless games, for authors checking balance (design §4). Same numbers for any J."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from game.scenario.catalogue import ScenarioNotFound, resolve
from game.sim.batch import BatchError, BatchResult, Progress, run_batch
from game.sim.policies import UnknownPolicy

from .errors import EXIT_INVALID, EXIT_OK, CliError
from .loading import load_or_fail
from .numbers import MAX_RUNS, check_range, cores, useful_jobs

PROGRESS_MIN_RUNS = 200
BAR_WIDTH = 30


def run_simulate(scenario: str, runs: int, policy: str, seed: int, jobs: int, as_json: bool,
                 out: TextIO | None = None, err: TextIO | None = None, save_games: str | None = None,
                 score: bool = False) -> int:
    """Check the arguments, run the batch and print its summary (to sys.stdout/sys.stderr unless given).
    With `save_games`, every game is also written there as a save file; with `score`, every game is scored
    against its no-intervention baseline (which is played too), else the mean score is None."""
    out, err = out or sys.stdout, err or sys.stderr
    if save_games is not None and os.path.exists(save_games) and not os.path.isdir(save_games):
        raise CliError(f"--save-games {save_games}: this is a file; give a folder (it is created if missing)")
    if runs <= 0:
        raise CliError(f"--runs must be at least 1; got {runs}")
    check_range("--runs", runs, 1, MAX_RUNS, "; for more games, run again with another --seed")
    if jobs <= 0:
        raise CliError(f"--jobs must be at least 1 (the number of processes); got {jobs}")
    jobs = capped_jobs(jobs, runs, err)
    try:
        path = resolve(scenario)
    except ScenarioNotFound as exc:
        raise CliError(str(exc)) from None
    load_or_fail(str(path), err)
    progress = progress_bar(err) if runs > PROGRESS_MIN_RUNS and is_tty(err) else None
    try:
        result = run_batch(path, policy, runs, seed, jobs, progress, save_games=save_games, with_score=score)
    except UnknownPolicy as exc:
        raise CliError(str(exc)) from None
    except BatchError as exc:
        raise CliError(str(exc), EXIT_INVALID) from None
    finally:
        if progress is not None:
            err.write("\r" + " " * (BAR_WIDTH + 30) + "\r")
            err.flush()
    if save_games is not None:
        print(f"{result.runs} games saved in {save_games}", file=err)
    if as_json:
        data = {**result.to_json(), "scenario_file": str(path)}
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
    else:
        print(format_result(result), file=out)
    return EXIT_OK


def capped_jobs(jobs: int, work: int, err: TextIO) -> int:
    """The processes worth starting for `jobs` asked and `work` pieces of work, with a note when fewer."""
    useful = useful_jobs(jobs, work)
    if useful < jobs:
        why = f"this machine has {cores()} core{'s' if cores() != 1 else ''}" if useful == cores() else \
            "there is not enough work for more"
        print(f"note: --jobs {jobs:,}: using {useful} process{'es' if useful != 1 else ''} ({why})", file=err)
    return useful


def format_result(result: BatchResult) -> str:
    """A readable table: each ending with its rating, count and share, then the averages."""
    width = max([len("Ending"), *(len(t) for t in result.ending_titles.values())])
    lines = [
        f"{result.title} ({result.scenario}) — policy {result.policy}, {result.runs} games, seed {result.seed}, "
        f"{result.jobs} process{'es' if result.jobs != 1 else ''}",
        "",
        f"{'Ending':<{width}}  {'Rating':<8} {'Games':>7}  {'Share':>6}",
    ]
    for key, count in result.endings.items():
        share = count / result.runs
        bar = "#" * round(share * BAR_WIDTH)
        lines.append(f"{result.ending_titles[key]:<{width}}  {result.ending_ratings[key]:<8} {count:>7}  "
                     f"{share:>6.1%}  {bar}".rstrip())
    by_pair = ", ".join(f"{pid} {v:.2f}" for pid, v in result.mean_peak_rung_by_pair.items())
    lines += [
        "",
        f"Success {result.success_rate:.1%}   partial {result.partial_rate:.1%}   failure {result.failure_rate:.1%}",
        f"Mean turns played:     {result.mean_turns:.2f}",
        f"Mean peak rung:        {result.mean_peak_rung:.2f}  ({by_pair})",
        f"Mean final prestige:   {result.mean_final_prestige:.1f}",
        f"Mean final budget:     ${result.mean_final_budget:.2f}m",
        f"Mean score:            {result.mean_score:+.1f}" if result.mean_score is not None else
        "Mean score:            not computed (add --score: each game is compared with doing nothing)",
        f"Speed:                 {result.runs} games in {result.seconds:.2f} s "
        f"({result.games_per_second:,.0f} games/s)",
    ]
    return "\n".join(lines)


def is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress_bar(err: TextIO, what: str = "games") -> Progress:
    """A one-line progress bar redrawn in place on `err`, counting `what`."""

    def show(done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        err.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} {what}")
        err.flush()

    return show
