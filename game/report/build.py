"""Reports from save files: one game's debrief, or a class summary over many saves, in HTML, Markdown or JSON."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from game.engine import Rules
from game.i18n import trn
from game.sim.batch import shut_down
from game.sim.counterfactual import key_decisions
from game.sim.session import Session, SessionCodeError, encode, shipped_tags

from .classreport import ClassSummary, check_one_scenario, dedupe, summarise
from .debrief import Debrief, collect
from .html import render_class, render_debrief
from .jsondoc import render_class_json, render_debrief_json
from .loading import Played, ReportError, ScenarioCache, open_save
from .markdown import render_class_md, render_debrief_md

FORMATS = ("html", "md", "json")
_RENDER: dict[str, tuple[Callable[[Debrief], str], Callable[[ClassSummary], str]]] = {
    "html": (render_debrief, render_class),
    "md": (render_debrief_md, render_class_md),
    "json": (render_debrief_json, render_class_json),
}


def session_code(played: Played, tags: dict[str, str]) -> str:
    """The session code of a saved game: the one it carries, else the code of its world when the scenario is
    shipped (anyone who enters that code plays the same world)."""
    if played.save.session:
        return played.save.session
    if played.save.scenario_id not in tags.values() or played.save.seed < 0:
        return ""
    try:
        return encode(Session(played.save.scenario_id, played.save.seed), tags)
    except SessionCodeError:
        return ""


def key_decision_finder(jobs: int = 1) -> Callable[[Rules, int, Sequence[Any], int, int], list[Any]]:
    """game.sim.counterfactual.key_decisions on `jobs` processes, in the shape debrief.collect calls it."""

    def find(rules: Rules, seed: int, inputs: Sequence[Any], runs: int, top: int) -> list[Any]:
        return key_decisions(rules, seed, inputs, runs=runs, top=top, jobs=jobs)

    return find


def debrief_of(path: str | os.PathLike, *, runs: int = 100, top: int = 3, cache: ScenarioCache | None = None,
               jobs: int = 1) -> Debrief:
    """The debrief of the save at `path`; `runs` futures per alternative for the decisions that mattered, looked
    for on `jobs` processes (the same result for any number)."""
    played = open_save(path, cache)
    finder = key_decision_finder(jobs) if runs > 0 else None
    return collect(played, session=session_code(played, shipped_tags()), runs=runs, top=top, finder=finder)


def class_summary_of(paths: Sequence[str | os.PathLike], *, warn: Callable[[str], None] | None = None,
                     progress: Callable[[int, int], None] | None = None, jobs: int = 1) -> ClassSummary:
    """The class summary of the saves at `paths`. Unreadable saves are left out, each reported to `warn` and
    listed in the summary; saves of different scenarios are an error, and so is having no usable save.

    `progress(done, total)` is called after each save. With `jobs` > 1 (where processes can be forked) the saves
    are replayed on that many processes; the summary is the same."""
    debriefs: list[Debrief] = []
    skipped: list[str] = []
    for n, (debrief, problem) in enumerate(_class_debriefs(list(paths), jobs), start=1):
        if debrief is None:
            skipped.append(problem)
            if warn:
                warn(problem)
        else:
            debriefs.append(debrief)
        if progress:
            progress(n, len(paths))
    if not debriefs:
        raise ReportError(trn("the only file is not a usable save, so there is no class to summarise",
                              "none of the {n} files is a usable save, so there is no class to summarise",
                              len(skipped)))
    check_one_scenario(debriefs)
    kept, duplicates = dedupe(debriefs)
    return summarise(kept, skipped=skipped, duplicates=duplicates)


_class: dict[str, Any] = {}  # each process's scenario cache and session tags, for the saves of one class


def _class_debrief(path: str | os.PathLike) -> tuple[Debrief | None, str]:
    """One student's debrief without the decisions that mattered, or why the save cannot be used."""
    if not _class:
        _class.update(cache=ScenarioCache(), tags=shipped_tags())
    try:
        played = open_save(path, _class["cache"])
    except ReportError as exc:
        return None, exc.message
    return collect(played, session=session_code(played, _class["tags"]), runs=0), ""


def _class_debriefs(paths: list[str | os.PathLike], jobs: int) -> Iterator[tuple[Debrief | None, str]]:
    """Every save's debrief in the order given, here or on `jobs` forked processes."""
    _class.clear()
    try:
        if jobs <= 1 or len(paths) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            yield from map(_class_debrief, paths)
            return
        with multiprocessing.get_context("fork").Pool(min(jobs, len(paths))) as pool:
            yield from pool.imap(_class_debrief, paths)
            shut_down(pool)
    finally:
        _class.clear()


def render(document: Debrief | ClassSummary, fmt: str) -> str:
    """A debrief or class summary as the text of a file in `fmt` (html, md or json)."""
    one, many = _RENDER[fmt]
    return one(document) if isinstance(document, Debrief) else many(document)
