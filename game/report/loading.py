"""Opening a save for a report: read it, find its scenario (where it was played, else the shipped one) and
rebuild the game by replaying it, so that a report always shows exactly the game the student played."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Game, Rules, build_rules
from game.saves import SaveData, SaveError, load_save, resume
from game.saves.store import shown_path
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.scenario.yamlload import printable


class ReportError(Exception):
    """A save or scenario a report cannot use; `message` is one plain line naming the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Played:
    """A saved game, rebuilt: the save as read, its scenario's rules, and the game replayed to the saved turn."""

    file: Path
    save: SaveData
    rules: Rules
    game: Game


@dataclass
class ScenarioCache:
    """Scenarios loaded so far, by file path, so a class of thirty saves loads its scenario once."""

    loaded: dict[Path, tuple[Rules, str] | None] = field(default_factory=dict)

    def get(self, path: Path) -> tuple[Rules, str] | None:
        """The rules and digest of the scenario file at `path`, or None when it does not load."""
        try:
            key = path.resolve()
        except (OSError, ValueError, RuntimeError):
            return None
        if key not in self.loaded:
            result = load_scenario(key)
            rules = None
            if result.scenario is not None:
                try:
                    rules = build_rules(result.scenario)
                except ValueError:
                    rules = None
            self.loaded[key] = None if rules is None else (rules, result.digest)
        return self.loaded[key]


def open_save(path: str | os.PathLike, cache: ScenarioCache | None = None) -> Played:
    """Read the save at `path` and replay it on its scenario; every problem is a ReportError naming the file."""
    name = os.fsdecode(path)
    where = shown_path(name)
    try:
        save = load_save(name)
    except SaveError as exc:
        raise ReportError(exc.message if exc.message.startswith(where) else f"{where}: {exc.message}") from None
    rules, digest = _scenario_for(save, where, cache or ScenarioCache())
    try:
        game = resume(save, rules, digest)
    except SaveError as exc:
        raise ReportError(f"{where}: {exc.message}") from None
    return Played(Path(name), save, rules, game)


def _is_file(path: Path) -> bool:
    """Whether `path` is a regular file; False for a path the system cannot even look up (too long, odd bytes)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _scenario_for(save: SaveData, where: str, cache: ScenarioCache) -> tuple[Rules, str]:
    """The scenario the save was played on: the file it names, else the shipped scenario of the same id, whichever
    has the saved digest (a save made on a student's laptop names a path that does not exist here)."""
    candidates = [Path(save.scenario_path)] if save.scenario_path else []
    candidates += [s.path for s in shipped() if s.id == save.scenario_id]
    found = False
    for candidate in candidates:
        if not _is_file(candidate):
            continue
        loaded = cache.get(candidate)
        if loaded is None or loaded[0].scenario.id != save.scenario_id:
            continue
        found = True
        if loaded[1] == save.scenario_digest:
            return loaded
    if found:
        raise ReportError(
            f"{where}: the scenario '{printable(save.scenario_id)}' has changed since this game was saved, so the game "
            "cannot be replayed exactly; use the scenario file the game was played with"
        )
    raise ReportError(
        f"{where}: the scenario '{printable(save.scenario_id)}' of this save is not installed; put its file in "
        "scenarios/"
    )
