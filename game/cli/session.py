"""`session SCENARIO [--seed N]` prints a class's session code; `play --session CODE` opens the world it names."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path
from typing import TextIO

from game.engine.rules import Rules
from game.i18n import _, tr
from game.scenario.loader import LoadResult
from game.sim.session import SESSION_SEEDS, Session, SessionCodeError, decode, encode, shipped_tags, with_scenario

from .errors import EXIT_USAGE, CliError
from .play import load_checked


def run_session(scenario_arg: str, seed: int | None, *, facilitator: bool = False, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """Print a new session code for a scenario (a random seed when none is given) and how students use it;
    `facilitator` sets the code's bit that opens the window in facilitator mode."""
    out = out or sys.stdout
    err = err or sys.stderr
    if seed is not None and seed < 0:
        raise CliError(tr("--seed must be 0 or more, not {seed}", seed=seed), EXIT_USAGE)
    path, result, rules = load_checked(scenario_arg, err)
    scenario = rules.scenario
    shared = Session(scenario.id, secrets.randbelow(SESSION_SEEDS) if seed is None else seed, facilitator=facilitator)
    code = encode(shared, with_scenario(shipped_tags(), scenario.id))
    shipped = scenario.id in shipped_tags().values()
    play = tr("python main.py play --session {code}",
              code=code) if shipped else tr("python main.py play {path} --session {code}",
                                                                      path=path, code=code)
    print(code, file=out)
    mode = _(" Facilitator mode: the window pauses at discussion points and F9 opens the teacher's panel.") \
        if facilitator else ""
    print(f"{scenario.title} ({scenario.id}), seed {shared.seed}.{mode}", file=out)
    print(tr("Every student who starts it with '{play} --player NAME' faces the same world.", play=play), file=out)
    return 0


def open_session(code: str, scenario_arg: str | None, seed: int | None, load: str | None,
                 err: TextIO) -> tuple[Session, str, Path, LoadResult, Rules]:
    """The session a code names, its code written out in full, and its scenario loaded; problems become CliError.

    A code for a teacher's own scenario file needs that file as SCENARIO too; a shipped scenario needs none.
    """
    if load is not None:
        raise CliError(_("--session starts a new game and --load continues a saved one: give only one of them"))
    if seed is not None:
        raise CliError(_("--session already fixes the seed of the world: leave out --seed"))
    try:
        if scenario_arg is None:
            catalogue = shipped_tags()
            shared = decode(code, catalogue)
            path, result, rules = load_checked(shared.scenario_id, err)
        else:
            path, result, rules = load_checked(scenario_arg, err)
            catalogue = with_scenario(shipped_tags(), rules.scenario.id)
            shared = decode(code, catalogue)
            if shared.scenario_id != rules.scenario.id:
                raise CliError(tr("session code {strip} is for scenario '{scenario_id}', not '{id}'; leave out "
                                  "SCENARIO or check the code",
                                  strip=code.strip(), scenario_id=shared.scenario_id, id=rules.scenario.id))
    except SessionCodeError as exc:
        raise CliError(exc.message) from None
    return shared, encode(shared, catalogue), path, result, rules
