"""`simulate SCENARIO --runs N --policy NAME [--seed S] [--jobs J] [--json]`: the outcome distribution of many
headless games, for authors checking balance (design §4). Same numbers for any J."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from game.i18n import _, tr, trn
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
                 score: bool = False, backend: str = "auto") -> int:
    """Check the arguments, run the batch and print its summary (to sys.stdout/sys.stderr unless given).
    With `save_games`, every game is also written there as a save file; with `score`, every game is scored
    against its no-intervention baseline (which is played too), else the mean score is None. `backend` (auto,
    engine, arrays) picks what plays the games (game/sim/batch.py `choose_backend`)."""
    out, err = out or sys.stdout, err or sys.stderr
    if save_games is not None and os.path.exists(save_games) and not os.path.isdir(save_games):
        raise CliError(tr("--save-games {save_games}: this is a file; give a folder (it is created if missing)",
                          save_games=save_games))
    if runs <= 0:
        raise CliError(tr("--runs must be at least 1; got {runs}", runs=runs))
    check_range("--runs", runs, 1, MAX_RUNS, _("; for more games, run again with another --seed"))
    if jobs <= 0:
        raise CliError(tr("--jobs must be at least 1 (the number of processes); got {jobs}", jobs=jobs))
    jobs = capped_jobs(jobs, runs, err)
    try:
        path = resolve(scenario)
    except ScenarioNotFound as exc:
        raise CliError(str(exc)) from None
    load_or_fail(str(path), err)
    progress = progress_bar(err) if runs > PROGRESS_MIN_RUNS and is_tty(err) else None
    try:
        result = run_batch(path, policy, runs, seed, jobs, progress, save_games=save_games, with_score=score,
                           backend=backend)
    except UnknownPolicy as exc:
        raise CliError(str(exc)) from None
    except BatchError as exc:
        raise CliError(str(exc), EXIT_INVALID) from None
    finally:
        if progress is not None:
            err.write("\r" + " " * (BAR_WIDTH + 30) + "\r")
            err.flush()
    if save_games is not None:
        print(trn("{n} game saved in {save_games}", "{n} games saved in {save_games}", result.runs,
                  save_games=save_games), file=err)
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
        why = trn("this machine has {n} core", "this machine has {n} cores", cores()) if useful == cores() else \
            _("there is not enough work for more")
        print(tr("note: --jobs {jobs:,}: {using} ({why})", jobs=jobs, why=why,
                 using=trn("using {n} process", "using {n} processes", useful)), file=err)
    return useful


def format_result(result: BatchResult) -> str:
    """A readable table: each ending with its rating, count and share, then the averages."""
    width = max([len(_("Ending")), *(len(t) for t in result.ending_titles.values())])
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
        tr("Success {success_rate:.1%}   partial {partial_rate:.1%}   failure {failure_rate:.1%}",
           success_rate=result.success_rate, partial_rate=result.partial_rate, failure_rate=result.failure_rate),
        tr("Mean turns played:     {mean_turns:.2f}", mean_turns=result.mean_turns),
        tr("Mean peak rung:        {mean_peak_rung:.2f}  ({by_pair})",
           mean_peak_rung=result.mean_peak_rung, by_pair=by_pair),
        tr("Mean final prestige:   {mean_final_prestige:.1f}", mean_final_prestige=result.mean_final_prestige),
        tr("Mean final budget:     ${mean_final_budget:.2f}m", mean_final_budget=result.mean_final_budget),
        tr("Mean score:            {mean_score:+.1f}", mean_score=result.mean_score) if result.mean_score is not None
        else _("Mean score:            not computed (add --score: each game is compared with doing nothing)"),
        trn("Speed:                 {n} game in {seconds:.2f} s ({games_per_second:,.0f} games/s)",
            "Speed:                 {n} games in {seconds:.2f} s ({games_per_second:,.0f} games/s)", result.runs,
            seconds=result.seconds, games_per_second=result.games_per_second),
        backend_line(result),
    ]
    return "\n".join(lines)


def backend_line(result: BatchResult) -> str:
    """Which back end played the games, and why not the arrays when they were asked for but cannot play them."""
    if result.backend_reason:
        code, detail = result.backend_reason
        why = {"saved_games": _("games written as save files are played by the engine"),
               "policy": tr("the {policy} policy is played by the engine only", policy=detail),
               "expression": tr("the expression '{text}' is too deep for the arrays", text=detail)}[code]
        return tr("Played by:             the engine (not the arrays: {why})", why=why)
    if result.backend == "arrays":
        return _("Played by:             the arrays (every world at once)")
    return _("Played by:             the engine")


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
