"""`play SCENARIO [--seed N] [--text] [--load SAVE]`: start or continue a game in the text mode.

The desktop window does not exist yet, so every game is played in the terminal.
"""

from __future__ import annotations

import io
import secrets
import shlex
import sys
from pathlib import Path
from typing import TextIO

from game.engine import Game, build_rules
from game.engine.rules import Rules
from game.saves import SaveError, load_save, resume, saves_directory
from game.scenario.loader import LoadResult

from . import textmode
from .errors import EXIT_INVALID, CliError
from .loading import load_result_or_fail

NO_WINDOW = "The game window is not available in this version: playing in the terminal."


def load_checked(arg: str, err: TextIO) -> tuple[Path, LoadResult, Rules]:
    """The scenario named by `arg`, its load result (with the digest) and its rules; problems become CliError."""
    path, result = load_result_or_fail(arg, err)
    try:
        rules = build_rules(result.scenario)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_INVALID) from None
    return path, result, rules


def run_play(scenario_arg: str, seed: int | None, text: bool, load: str | None, *, inp: TextIO | None = None,
             out: TextIO | None = None, err: TextIO | None = None, saves_dir: Path | None = None) -> int:
    """Start a new game of a scenario, or continue the saved game `load`, in the text mode."""
    out = safe_output(out or sys.stdout)
    err = err or sys.stderr
    path, result, rules = load_checked(scenario_arg, err)
    folder = saves_dir or saves_directory()
    label = shlex.quote(scenario_arg)
    if load is None:
        if not text:
            print(NO_WINDOW, file=out)
        return play_new(rules, path, result.digest, label, seed, folder, inp, out)
    try:
        save = load_save(load)
        game = resume(save, rules, result.digest)
    except SaveError as exc:
        message = exc.message if exc.message.startswith(load) else f"{load}: {exc.message}"
        raise CliError(message, EXIT_INVALID) from None
    if not text:
        print(NO_WINDOW, file=out)
    session = textmode.Session(game, label, save.scenario_path, result.digest, folder, save.player, save.created)
    opening = resumed_opening(game, load, seed)
    return textmode.play(session, opening, inp, out)


def play_new(rules: Rules, path: Path, digest: str, label: str, seed: int | None, folder: Path,
             inp: TextIO | None, out: TextIO) -> int:
    """A new game on `seed` (a random one, printed, when None)."""
    if seed is None:
        seed = secrets.randbelow(10**6)
    game = Game(rules, seed)
    session = textmode.Session(game, label, str(path), digest, folder)
    return textmode.play(session, textmode.render_opening(rules, seed), inp, out)


def resumed_opening(game: Game, load: str, seed: int | None) -> list[str]:
    rules = game.rules
    unit = rules.scenario.calendar.turn_unit
    lines = [textmode.rule(), rules.scenario.title.upper(),
             f"Resumed from {load}: {unit} {min(game.turn + 1, rules.turns)} of {rules.turns}, seed {game.seed}.",
             "Type 'brief' for the briefing, 'help' for the commands."]
    if seed is not None and seed != game.seed:
        lines.append(f"(--seed {seed} is ignored: a saved game keeps its own seed, {game.seed}.)")
    return lines


def safe_output(out: TextIO) -> TextIO:
    """`out`, made to print '?' for characters its encoding lacks (bars, arrows) instead of crashing."""
    if isinstance(out, io.TextIOWrapper):
        try:
            "█→±—".encode(out.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            out.reconfigure(errors="replace")
    return out
