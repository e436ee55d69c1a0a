"""Resolve a SCENARIO argument and load it, turning every failure into a CliError with a plain message."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from game.i18n import tr
from game.scenario.catalogue import ScenarioNotFound, resolve
from game.scenario.loader import LoadResult, load_scenario
from game.scenario.model import Scenario

from .errors import EXIT_INVALID, CliError


def load_or_fail(arg: str, err: TextIO) -> Scenario:
    """The scenario named by `arg` (a path or a shipped id); its problems printed to `err` if it is invalid."""
    return load_result_or_fail(arg, err)[1].scenario


def load_result_or_fail(arg: str, err: TextIO) -> tuple[Path, LoadResult]:
    """The file `arg` names and its valid load result (with the digest); problems printed, then CliError."""
    try:
        path = resolve(arg)
    except ScenarioNotFound as exc:
        raise CliError(str(exc)) from None
    result = load_scenario(path)
    if result.scenario is None:
        for diag in result.diagnostics:
            print(diag, file=err)
        raise CliError(tr("{path}: the scenario has errors; run 'python main.py validate {path}'",
                          path=path), EXIT_INVALID)
    return path, result
