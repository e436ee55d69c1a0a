"""`play SCENARIO [--seed N] [--text] [--load SAVE]`: start or continue a game in the game window, or with
--text (or without a display) in the terminal's text mode.
"""

from __future__ import annotations

import io
import secrets
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.engine import Game, Vote, build_rules
from game.engine.rules import Rules
from game.i18n import N_, _, tr
from game.present.dates import unit_name
from game.saves import SaveError, TeamMessage, load_save, restore_draft, resume, saves_directory
from game.saves.format import MAX_NAME
from game.saves.store import shown_path
from game.scenario.loader import LoadResult
from game.typed import clean_text

from . import textmode
from .errors import EXIT_INVALID, CliError
from .loading import load_result_or_fail

NO_DISPLAY = N_("No display found: playing in the terminal.")
NO_WINDOW = N_("The game window could not open ({reason}): playing in the terminal.")


def load_checked(arg: str, err: TextIO) -> tuple[Path, LoadResult, Rules]:
    """The scenario named by `arg`, its load result (with the digest) and its rules; problems become CliError."""
    path, result = load_result_or_fail(arg, err)
    try:
        rules = build_rules(result.scenario)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_INVALID) from None
    return path, result, rules


def run_play(scenario_arg: str | None, seed: int | None, text: bool, load: str | None, *, session: str | None = None,
             player: str = "", inp: TextIO | None = None, out: TextIO | None = None, err: TextIO | None = None,
             saves_dir: Path | None = None, join: str | None = None) -> int:
    """Start a new game of a scenario (or of a class's session code), continue the saved game `load`, or play
    a seat in the solo class at the address `join`."""
    out = safe_output(out or sys.stdout)
    err = err or sys.stderr
    folder = saves_dir or saves_directory()
    player = clean_text(player).strip()
    if len(player) > MAX_NAME:
        raise CliError(tr("--player is {len:,} characters long; a name may have at most {MAX_NAME}",
                          len=len(player), MAX_NAME=MAX_NAME))
    if join is not None:
        if scenario_arg is not None or seed is not None or load is not None or session is not None or text:
            raise CliError(_("--join plays the class's own world in the window: leave out SCENARIO, --seed, "
                             "--session, --load and --text"))
        from .join import run_join

        def local_scenario(scenario_id: str):
            path, result, rules = load_checked(scenario_id, err)
            return path, result.digest, rules

        return run_join(join, player, folder, local_scenario, out)
    if session is not None:
        from .session import open_session

        shared, code, path, result, rules = open_session(session, scenario_arg, seed, load, err)
        if not text and in_window(Game(rules, shared.seed), str(path), result.digest, folder, "briefing", out,
                                  session_code=code, player=player, facilitator=shared.facilitator):
            return 0
        return play_new(rules, path, result.digest, shlex.quote(scenario_arg or shared.scenario_id), shared.seed,
                        folder, inp, out, player=player, session_code=code)
    if scenario_arg is None:
        raise CliError(_("give a SCENARIO to play (a file or shipped id), or --session CODE from your teacher"))
    path, result, rules = load_checked(scenario_arg, err)
    label = shlex.quote(scenario_arg)
    if load is None:
        if not text:
            seed = secrets.randbelow(10**6) if seed is None else seed
            if in_window(Game(rules, seed), str(path), result.digest, folder, "briefing", out):
                return 0
        return play_new(rules, path, result.digest, label, seed, folder, inp, out, player=player)
    try:
        save = load_save(load)
        game = resume(save, rules, result.digest)
    except SaveError as exc:
        shown = shown_path(load)
        message = exc.message if exc.message.startswith(shown) else f"{shown}: {exc.message}"
        raise CliError(message, EXIT_INVALID) from None
    orders, choices = restore_draft(save.draft, game)
    if not text and in_window(game, save.scenario_path, result.digest, folder, "turn", out, save.created,
                              session_code=save.session, player=player or save.player, game_id=save.game_id,
                              draft=(orders, choices), votes=save.votes, messages=save.messages):
        return 0
    session = textmode.Session(game, label, save.scenario_path, result.digest, folder, player or save.player,
                               save.created, save.session, orders, choices, save.game_id, list(save.votes),
                               list(save.messages))
    opening = resumed_opening(game, load, seed)
    return textmode.play(session, opening, inp, out)


def in_window(game: Game, scenario_path: str, digest: str, folder: Path, screen: str, out: TextIO,
              created: str | None = None, *, session_code: str = "", player: str = "", facilitator: bool = False,
              game_id: str = "", draft: tuple[list, dict] | None = None, votes: Sequence[Vote] = (),
              messages: Sequence[TeamMessage] = ()) -> bool:
    """Play `game` in the desktop window, opened on `screen`; False, after one line saying why, when it cannot
    open (no display, no pygame), so the caller plays in the terminal. `session_code`, `player`, `game_id`, a
    class's `votes` and a delegations class's `messages` go into its saves; `draft` is the current turn's orders
    and answers, given back from a save."""
    from .launch import has_display, open_window

    if not has_display():
        print(NO_DISPLAY, file=out)
        return False
    try:
        from game.ui.session import Session as WindowSession
    except ImportError as exc:
        print(NO_WINDOW.format(reason=tr("{value} is not installed", value=exc.name or 'pygame')), file=out)
        return False

    orders, choices = draft or ([], {})
    window = WindowSession(game, scenario_path, digest, folder, created=created, orders=list(orders),
                           choices=dict(choices), session_code=session_code, player=player,
                           facilitator=facilitator or bool(votes or game.interventions), votes=list(votes),
                           messages=list(messages),
                           **({"game_id": game_id} if game_id else {}))
    reason = open_window(folder, screen, window)
    if reason is None:
        return True
    print(NO_WINDOW.format(reason=reason), file=out)
    return False


def play_new(rules: Rules, path: Path, digest: str, label: str, seed: int | None, folder: Path,
             inp: TextIO | None, out: TextIO, *, player: str = "", session_code: str | None = None) -> int:
    """A new game on `seed` (a random one, printed, when None); `session_code` is the class's code, if any."""
    if seed is None:
        seed = secrets.randbelow(10**6)
    game = Game(rules, seed)
    session = textmode.Session(game, label, str(path), digest, folder, player, session_code=session_code or "")
    opening = textmode.render_opening(rules, seed)
    if session_code:
        opening.insert(-1, tr("Session {session_code} — everyone with this code plays the same world.",
                              session_code=session_code))
    return textmode.play(session, opening, inp, out)


def resumed_opening(game: Game, load: str, seed: int | None) -> list[str]:
    rules = game.rules
    unit = rules.scenario.calendar.turn_unit
    lines = [textmode.rule(), rules.scenario.title.upper(),
             tr("Resumed from {load}: {unit} {min} of {turns}, seed {seed}.",
                load=load, unit=unit_name(unit).lower(), min=min(game.turn + 1, rules.turns), turns=rules.turns,
                seed=game.seed),
             _("Type 'brief' for the briefing, 'help' for the commands.")]
    if seed is not None and seed != game.seed:
        lines.append(tr("(--seed {seed} is ignored: a saved game keeps its own seed, {seed2}.)",
                        seed=seed, seed2=game.seed))
    return lines


def safe_output(out: TextIO) -> TextIO:
    """`out`, made to print '?' for characters its encoding lacks (bars, arrows) instead of crashing."""
    if isinstance(out, io.TextIOWrapper):
        try:
            "█→±—".encode(out.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            out.reconfigure(errors="replace")
    return out
