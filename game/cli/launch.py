"""What `python main.py` with no command does: the game window on the title screen; with no display (or if the
window cannot open), one line saying so, a text scenario picker, then the text mode."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.saves import saves_directory
from game.scenario.calendar import turn_count
from game.scenario.catalogue import shipped
from game.scenario.loader import load_scenario
from game.typed import parse_whole

from .errors import EXIT_OK
from .play import load_checked, play_new, safe_output

NO_DISPLAY = "No display found: starting the text mode."
NO_WINDOW = "The game window could not open ({reason}): starting the text mode."
HEADLESS_DRIVERS = frozenset({"", "dummy", "offscreen"})


@dataclass(frozen=True)
class Entry:
    """One shipped scenario as the picker lists it."""

    id: str
    path: Path
    title: str
    period: str
    turns: int
    difficulty: str


def has_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether a window could open: Windows and macOS always have one; elsewhere X11, Wayland or a real SDL driver."""
    driver = environ.get("SDL_VIDEODRIVER", "").strip().lower()
    if driver and driver in HEADLESS_DRIVERS:
        return False  # SDL was told explicitly to draw nowhere
    if platform.startswith(("win", "darwin")):
        return True
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return True
    return driver not in HEADLESS_DRIVERS


def open_window(saves_dir: Path, screen: str = "title", session: object = None) -> str | None:
    """Play in the game window until the player quits; None then, or why the window could not open."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from game.ui.app import WindowUnavailable, start
    except ImportError as exc:
        return f"{exc.name or 'pygame'} is not installed"
    try:
        start(screen, session, saves_dir)
    except WindowUnavailable as exc:
        return str(exc)
    return None


def catalogue(directory: Path | None = None) -> list[Entry]:
    """The shipped scenarios that load without errors, with what the picker shows of each."""
    entries = []
    for item in shipped() if directory is None else shipped(directory):
        scn = load_scenario(item.path).scenario
        if scn is not None:
            entries.append(Entry(item.id, item.path, scn.title, scn.period, turn_count(scn.calendar), scn.difficulty))
    return entries


def render_picker(entries: list[Entry]) -> list[str]:
    lines = ["Choose a scenario (its number or id; end of input leaves):"]
    for n, e in enumerate(entries, 1):
        lines.append(f"  {n}. {e.title} [{e.id}] — {e.period}; {e.turns} turns; {e.difficulty}")
    return lines


def pick(entries: list[Entry], answer: str) -> Entry | None:
    """The entry named by a number or an id, or None."""
    word = answer.strip().lower()
    number = parse_whole(word, 1, len(entries))
    if number is not None:
        return entries[number - 1]
    return next((e for e in entries if e.id == word), None)


def run_default(inp: TextIO | None = None, out: TextIO | None = None, err: TextIO | None = None,
                environ: Mapping[str, str] = os.environ) -> int:
    """Say why the text mode starts, let the player pick a scenario, and play it."""
    inp = inp or sys.stdin
    out = safe_output(out or sys.stdout)
    if has_display(environ):
        reason = open_window(saves_directory(environ))
        if reason is None:
            return EXIT_OK
        print(NO_WINDOW.format(reason=reason), file=out)
    else:
        print(NO_DISPLAY, file=out)
    entries = catalogue()
    if not entries:
        print("No scenarios are installed: give a scenario file with 'python main.py play FILE --text'.", file=out)
        return EXIT_OK
    for line in render_picker(entries):
        print(line, file=out)
    entry = _ask(entries, inp, out)
    if entry is None:
        return EXIT_OK
    path, result, rules = load_checked(str(entry.path), err or sys.stderr)
    return play_new(rules, path, result.digest, entry.id, None, saves_directory(environ), inp, out)


def _ask(entries: list[Entry], inp: TextIO, out: TextIO) -> Entry | None:
    """Ask until the answer names a scenario; None at end of input or Ctrl-C."""
    while True:
        out.write("scenario> ")
        out.flush()
        try:
            line = inp.readline()
        except KeyboardInterrupt:
            line = ""
        if not line:
            out.write("\n")
            return None
        entry = pick(entries, line)
        if entry is not None:
            return entry
        print(f"'{line.strip()}' is not on the list: give a number from 1 to {len(entries)} or a scenario id.",
              file=out)
