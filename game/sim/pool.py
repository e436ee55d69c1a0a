"""Worker processes kept warm for one game: started once, each building the game's rules from its scenario, then
reused by every call that plays many futures of that game (the advisor's rollouts), until the game is closed.

Spawned, not forked: the window asks from a thread of a pygame process, which cannot safely fork. A call sends
the game without its rules (Game.portable) and its items, cut into contiguous chunks; the results come back in
the items' order, so a call's answer is the same whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

from game.engine import Game, Rules, build_rules

from .batch import shut_down

CHUNKS_PER_WORKER = 4  # items are cut into this many chunks a worker, so a slow chunk does not hold up the rest

_worker: dict[str, Rules] = {}  # in a worker process: the rules it built when it started


def _start(scenario: Any) -> None:
    _worker["rules"] = build_rules(scenario)


def _run(job: tuple[Callable[[Game, Any], Any], tuple, list[Any]]) -> list[Any]:
    task, portable, chunk = job
    game = Game.resumed(_worker["rules"], portable)
    return [task(game, item) for item in chunk]


class RulesPool:
    """`jobs` worker processes holding rules built from `rules.scenario`; `map` plays a task over items on them."""

    def __init__(self, rules: Rules, jobs: int | None = None) -> None:
        self.rules = rules
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.calls = 0  # how many maps the pool has served (it is warm after the first)
        self._pool = multiprocessing.get_context("spawn").Pool(self.jobs, initializer=_start,
                                                                initargs=(rules.scenario,))

    def map(self, task: Callable[[Game, Any], Any], game: Game, items: Sequence[Any]) -> list[Any]:
        """[task(game, item) for item in items], on the workers: `task` a module-level function (it is sent by
        name), `game` a game on this pool's rules (sent without them), each item picklable."""
        pool = self._pool  # read once: another thread (the window's) may close it meanwhile
        if pool is None:
            raise RuntimeError("the pool is closed")
        self.calls += 1
        jobs = [(task, game.portable(), list(chunk)) for chunk in chunks(items, self.jobs * CHUNKS_PER_WORKER)]
        return [result for part in pool.map(_run, jobs, chunksize=1) for result in part]

    @property
    def open(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        """Let the workers finish what they were given and exit; the pool cannot be used afterwards."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            shut_down(pool)


def chunks(items: Sequence[Any], count: int) -> list[Sequence[Any]]:
    """`items` cut into at most `count` contiguous runs of nearly equal length, in order."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for k in range(count):
        stop = start + size + (1 if k < extra else 0)
        out.append(items[start:stop])
        start = stop
    return [c for c in out if len(c)]
