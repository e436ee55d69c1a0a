"""The batch runner: many headless games of one scenario with one policy, over one or several processes.

Game i is always played on `derive_seed(seed, i)` and results are put back in game order, so a batch gives the
same numbers whatever the number of processes. Workers are spawn-safe: each builds its own Rules (which hold
compiled closures and cannot be pickled) from the scenario file's bytes, read once by the parent so that every
process plays exactly the same file even if an author saves it mid-run.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine import Game, Rules, build_rules
from game.saves.format import SaveError, to_json
from game.saves.store import clean_stale_temps, file_name, now, save_data, write_atomic
from game.scenario.loader import load_scenario_bytes
from game.scenario.yamlload import MAX_BYTES

from .arrays import BACKENDS
from .policies import Policy, get_policy, play
from .seeds import derive_seed

__all__ = ["BACKENDS", "BatchError", "BatchResult", "GameRecord", "derive_seed", "load_rules", "run_batch",
           "summarise"]

RATINGS = ("success", "partial", "failure")
MAX_CHUNK = 250
CHUNKS_PER_JOB = 8
MAX_ARRAY_CHUNK = 5000  # worlds stepped at once: large enough that numpy's per-call cost vanishes
ARRAY_CHUNKS_PER_JOB = 2
Progress = Callable[[int, int], None]


class BatchError(ValueError):
    """A batch that cannot run as asked (bad counts, unreadable or invalid scenario); the message says why."""


@dataclass(frozen=True, slots=True)
class GameRecord:
    """What one finished game leaves for the statistics."""

    index: int
    seed: int
    ending: str
    rating: str
    turns: int
    peak_rungs: tuple[int, ...]  # per pair, in scenario order
    prestige: float
    budget: float
    score: float | None  # only when the batch was asked to score (it plays a baseline game too)


@dataclass(frozen=True)
class BatchResult:
    """The distribution of outcomes of a batch, and how fast it ran."""

    scenario: str
    title: str
    policy: str
    runs: int
    seed: int
    jobs: int
    ending_titles: dict[str, str]
    ending_ratings: dict[str, str]
    endings: dict[str, int]  # every ending of the scenario, in scenario order, zero if never reached
    ratings: dict[str, int]
    success_rate: float
    partial_rate: float
    failure_rate: float
    mean_turns: float
    mean_peak_rung: float  # the highest rung any pair reached, averaged over games
    mean_peak_rung_by_pair: dict[str, float]
    mean_final_prestige: float
    mean_final_budget: float
    mean_score: float | None
    seconds: float
    games_per_second: float
    records: tuple[GameRecord, ...] = field(repr=False, default=())
    backend: str = "engine"  # what played the games: "engine" or "arrays" (game/sim/arrays)
    # why the engine played a batch the arrays were asked for (arrays/support.py's code and detail), or None
    backend_reason: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        """The result as plain JSON data (without the per-game records)."""
        return {
            "scenario": self.scenario,
            "title": self.title,
            "policy": self.policy,
            "runs": self.runs,
            "seed": self.seed,
            "jobs": self.jobs,
            "endings": dict(self.endings),
            "ending_ratings": dict(self.ending_ratings),
            "ratings": dict(self.ratings),
            "success_rate": self.success_rate,
            "partial_rate": self.partial_rate,
            "failure_rate": self.failure_rate,
            "mean_turns": self.mean_turns,
            "mean_peak_rung": self.mean_peak_rung,
            "mean_peak_rung_by_pair": dict(self.mean_peak_rung_by_pair),
            "mean_final_prestige": self.mean_final_prestige,
            "mean_final_budget": self.mean_final_budget,
            "mean_score": self.mean_score,
            "seconds": self.seconds,
            "games_per_second": self.games_per_second,
            "backend": self.backend,
            "backend_reason": self.backend_reason[0] if self.backend_reason else None,
            "backend_detail": self.backend_reason[1] if self.backend_reason else None,
        }


@dataclass(frozen=True)
class SaveTo:
    """Where and how a batch writes each game as a save file (see `game_file`)."""

    folder: str
    scenario_path: str
    digest: str
    stamp: str  # the batch's start time, written as every file's created/updated time


@dataclass(frozen=True)
class _Runner:
    """Plays games [start, stop) of a batch; one per process."""

    rules: Rules
    policy: Policy
    seed: int
    with_score: bool
    save_to: SaveTo | None = None

    def play(self, bounds: tuple[int, int]) -> list[GameRecord]:
        return [self.play_one(i) for i in range(*bounds)]

    def play_one(self, index: int) -> GameRecord:
        game_seed = derive_seed(self.seed, index)
        game = play(Game(self.rules, game_seed, record=False), self.policy)
        if self.save_to is not None:
            write_game(game, self.policy.name, index, self.save_to)
        return record(self.rules, game, index, self.with_score)


@dataclass(frozen=True)
class _ArrayRunner:
    """Plays games [start, stop) of a passive batch on arrays (game/sim/arrays), all at once: the same records as
    `_Runner` gives (tests/sim/arrays/test_equivalence.py)."""

    rules: Rules
    seed: int
    with_score: bool

    def play(self, bounds: tuple[int, int]) -> list[GameRecord]:
        from .arrays.play import play_passive, scores

        indices = range(*bounds)
        out = play_passive(self.rules, [derive_seed(self.seed, i) for i in indices])
        totals = scores(self.rules, out, out) if self.with_score else [None] * len(indices)
        endings = self.rules.endings
        return [
            GameRecord(i, out.seeds[j], endings[out.ending[j]].key, endings[out.ending[j]].rating, int(out.turns[j]),
                       tuple(int(r) for r in out.peak_rungs[j]), float(out.prestige[j]), float(out.budget[j]),
                       totals[j])
            for j, i in enumerate(indices)
        ]


def choose_backend(rules: Rules, policy_name: str, backend: str, save_games: bool
                   ) -> tuple[str, tuple[str, str] | None]:
    """The back end that plays a batch and, when the arrays were asked for (or left to choose) but cannot play
    it, why not: ("engine", (code, detail)) (see arrays/support.py)."""
    if backend not in BACKENDS:
        raise BatchError(f"unknown back end '{backend}' (back ends: {', '.join(BACKENDS)})")
    if backend == "engine":
        return "engine", None
    from .arrays.support import why_not

    reason = why_not(rules, policy_name, save_games=save_games)
    return ("engine", reason) if reason else ("arrays", None)


def game_file(scenario_id: str, policy: str, index: int) -> str:
    """The save file name of game `index` of a batch: `<scenario>-<policy>-<index>.json`, made safe."""
    return file_name(scenario_id, f"{scenario_id}-{policy}-{index}")


def batch_game_id(policy: str, seed: int) -> str:
    """The id of a batch game: the same whatever process plays it, different for every policy and seed."""
    return hashlib.sha256(f"{policy}|{seed}".encode()).hexdigest()[:8]


def write_game(game: Game, policy: str, index: int, save_to: SaveTo) -> None:
    """Write a finished batch game as an ordinary save (loadable with `play --load`); the player is named
    `sim-<policy>-<index>`."""
    data = save_data(game, scenario_path=save_to.scenario_path, digest=save_to.digest,
                     player=f"sim-{policy}-{index}", created=save_to.stamp, game_id=batch_game_id(policy, game.seed))
    data.updated = save_to.stamp
    target = os.path.join(save_to.folder, game_file(game.rules.scenario.id, policy, index))
    try:
        write_atomic(Path(target), to_json(data))
    except SaveError as exc:
        raise BatchError(exc.message) from None


def record(rules: Rules, game: Game, index: int, with_score: bool = False) -> GameRecord:
    """The record of a finished game."""
    s = game.state
    rating = next(e.rating for e in rules.endings if e.key == s.ending)
    return GameRecord(
        index, game.seed, s.ending or "", rating, s.turn, tuple(p.peak_rung for p in s.pairs), s.office.prestige,
        s.office.budget, game.score().total if with_score else None,
    )


def load_rules(data: bytes, filename: str) -> Rules:
    """Rules from a scenario file's bytes; BatchError with the first problem if the scenario is invalid."""
    result = load_scenario_bytes(data, filename)
    if result.scenario is None:
        first = next((d for d in result.diagnostics if d.severity == "error"), None)
        raise BatchError(f"{first or filename}: the scenario has errors; run 'python main.py validate {filename}'")
    try:
        return build_rules(result.scenario)
    except ValueError as exc:
        raise BatchError(f"{filename}: {exc}") from None


# -- worker processes ----------------------------------------------------------------------------------------
# Each worker process keeps its one _Runner here; the pool initializer sets it once, before any task.
_worker: dict[str, _Runner | Exception] = {}


def _init_worker(data: bytes, filename: str, policy_name: str, seed: int, with_score: bool,
                 save_to: SaveTo | None, backend: str = "engine") -> None:
    """Build the worker's runner; a failure is kept for the first task to report (a pool whose initializer
    raises would start new workers forever)."""
    try:
        rules = load_rules(data, filename)
        if backend == "arrays":
            _worker["runner"] = _ArrayRunner(rules, seed, with_score)
        else:
            _worker["runner"] = _Runner(rules, get_policy(policy_name, rules), seed, with_score, save_to)
    except Exception as exc:  # handed back to the parent by _play_chunk
        _worker["runner"] = exc


def _init_forked(runner: _Runner | _ArrayRunner) -> None:
    """A forked worker inherits the parent's runner as it is: no pickling, no second load of the scenario."""
    _worker["runner"] = runner


def _play_chunk(bounds: tuple[int, int]) -> list[GameRecord]:
    runner = _worker["runner"]
    if isinstance(runner, Exception):
        raise BatchError(f"a worker process could not start: {runner}")
    return runner.play(bounds)


# -- the batch -----------------------------------------------------------------------------------------------
def chunks(runs: int, jobs: int) -> Iterator[tuple[int, int]]:
    """Game index ranges small enough to balance the processes and show progress, large enough to be cheap;
    made one at a time, as the work goes."""
    size = max(1, min(MAX_CHUNK, -(-runs // (jobs * CHUNKS_PER_JOB))))
    return ((start, min(start + size, runs)) for start in range(0, runs, size))


def chunk_count(runs: int, jobs: int, largest: int = MAX_CHUNK, per_job: int = CHUNKS_PER_JOB) -> int:
    size = max(1, min(largest, -(-runs // (jobs * per_job))))
    return -(-runs // size)


def array_chunks(runs: int, jobs: int) -> Iterator[tuple[int, int]]:
    """Game index ranges for the array back end: a few large batches of worlds per process."""
    size = max(1, min(MAX_ARRAY_CHUNK, -(-runs // (jobs * ARRAY_CHUNKS_PER_JOB))))
    return ((start, min(start + size, runs)) for start in range(0, runs, size))


def run_batch(
    scenario_path: str | os.PathLike,
    policy_name: str,
    runs: int,
    seed: int = 0,
    jobs: int = 1,
    progress: Progress | None = None,
    *,
    with_score: bool = False,
    start_method: str | None = None,
    save_games: str | os.PathLike | None = None,
    backend: str = "auto",
) -> BatchResult:
    """Play `runs` games with the named policy on `jobs` processes and summarise them.

    `progress(done, total)` is called in this process after each chunk. `with_score` also computes the score
    against the no-intervention baseline (one more game each). `start_method` picks the multiprocessing start
    method (default: the platform's). `save_games` names a folder where every game is also written as a save
    file (`game_file` names; the same files for any number of processes). `backend` (BACKENDS) picks what plays
    the games: the engine, or the array back end where it can play the batch (`choose_backend`); the result
    says which, and why the engine played a batch the arrays were asked for.
    """
    if runs <= 0:
        raise BatchError(f"the number of runs must be at least 1; got {runs}")
    if jobs <= 0:
        raise BatchError(f"the number of jobs (processes) must be at least 1; got {jobs}")
    filename = os.fsdecode(scenario_path)
    try:
        with open(filename, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BatchError(f"{filename}: cannot read the scenario ({exc.strerror or exc})") from None
    rules = load_rules(data, filename)
    save_to = None
    if save_games is not None:
        save_to = SaveTo(os.fsdecode(save_games), filename, hashlib.sha256(data).hexdigest(), now())
        _prepare_folder(save_to.folder)
    runner: _Runner | _ArrayRunner = _Runner(rules, get_policy(policy_name, rules), seed, with_score, save_to)
    used, note = choose_backend(rules, policy_name, backend, save_to is not None)
    began = time.perf_counter()
    if used == "arrays":
        runner = _ArrayRunner(rules, seed, with_score)
        work, pieces = array_chunks(runs, jobs), chunk_count(runs, jobs, MAX_ARRAY_CHUNK, ARRAY_CHUNKS_PER_JOB)
    else:
        work, pieces = chunks(runs, jobs), chunk_count(runs, jobs)
    if jobs == 1:
        records = _run_here(runner, work, runs, progress)
    else:
        spawned = (data, filename, policy_name, seed, with_score, save_to, used)
        records = _run_pool(work, runs, min(jobs, pieces), progress, runner, spawned, start_method)
    seconds = time.perf_counter() - began
    return summarise(rules, records, policy=policy_name, seed=seed, jobs=jobs, seconds=seconds, backend=used,
                     backend_reason=note)


def _run_here(runner: _Runner | _ArrayRunner, work: Iterable[tuple[int, int]], runs: int, progress: Progress | None
              ) -> list[GameRecord]:
    records: list[GameRecord] = []
    for bounds in work:
        records += runner.play(bounds)
        if progress:
            progress(len(records), runs)
    return records


def _prepare_folder(folder: str) -> None:
    """Create the folder for saved games if needed; BatchError if the path is a file or cannot be made."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise BatchError(f"{folder}: this is a file; give a folder for the saved games")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{folder}: cannot create the folder for saved games ({exc.strerror or exc})") from None
    clean_stale_temps(folder)


def _run_pool(work: Iterable[tuple[int, int]], runs: int, jobs: int, progress: Progress | None,
              runner: _Runner | _ArrayRunner,
              spawned: tuple, start_method: str | None) -> list[GameRecord]:
    """Play the chunks on a pool. Forked workers inherit `runner`; spawned ones rebuild it from `spawned`."""
    ctx = multiprocessing.get_context(start_method)
    if ctx.get_start_method() == "fork":
        init, initargs = _init_forked, (runner,)
    else:
        init, initargs = _init_worker, spawned
    records: list[GameRecord] = []
    with ctx.Pool(processes=jobs, initializer=init, initargs=initargs) as pool:
        for part in pool.imap(_play_chunk, work):
            records += part
            if progress:
                progress(len(records), runs)
        shut_down(pool)
    return records


def shut_down(pool) -> None:
    """Let the workers exit on their own before the pool's context manager terminates them: terminating a
    worker that holds the task queue's lock can leave its siblings waiting on that lock for ever."""
    pool.close()
    pool.join()


def summarise(rules: Rules, records: Sequence[GameRecord], *, policy: str, seed: int, jobs: int,
              seconds: float, backend: str = "engine", backend_reason: tuple[str, str] | None = None
              ) -> BatchResult:
    """Aggregate game records (in game order) into a BatchResult."""
    n = len(records)
    endings = {e.key: 0 for e in rules.endings}
    ratings = dict.fromkeys(RATINGS, 0)
    for r in records:
        endings[r.ending] += 1
        ratings[r.rating] += 1
    scores = [r.score for r in records if r.score is not None]
    scn = rules.scenario
    return BatchResult(
        scenario=scn.id, title=scn.title, policy=policy, runs=n, seed=seed, jobs=jobs,
        ending_titles={e.key: e.title for e in rules.endings},
        ending_ratings={e.key: e.rating for e in rules.endings},
        endings=endings, ratings=ratings,
        success_rate=_share(ratings["success"], n), partial_rate=_share(ratings["partial"], n),
        failure_rate=_share(ratings["failure"], n),
        mean_turns=_mean([r.turns for r in records]),
        mean_peak_rung=_mean([max(r.peak_rungs, default=0) for r in records]),
        mean_peak_rung_by_pair={pid: _mean([r.peak_rungs[k] for r in records]) for k, pid in enumerate(rules.pair_ids)},
        mean_final_prestige=_mean([r.prestige for r in records]),
        mean_final_budget=_mean([r.budget for r in records]),
        mean_score=_mean(scores) if scores else None,
        seconds=round(seconds, 4), games_per_second=round(n / seconds, 1) if seconds > 0 else 0.0,
        records=tuple(records), backend=backend, backend_reason=backend_reason,
    )


def _share(count: int, n: int) -> float:
    return round(count / n, 4) if n else 0.0


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0
