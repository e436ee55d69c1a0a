"""`screenshot SCENARIO --screen NAME --out FILE.png [--turns K --policy P --seed S --size WxH]`: render one
screen of the game window to a PNG without a display (for the docs and the tests)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from game.i18n import _, tr
from game.scenario.limits import MAX_TURNS
from game.typed import parse_whole

from .errors import EXIT_INVALID, EXIT_USAGE, CliError
from .launch import has_display
from .loading import load_result_or_fail
from .numbers import check_range

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (320, 200)
MAX_SIZE = (7680, 4320)


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' → (1280, 720); CliError for anything else."""
    parts = text.lower().replace("×", "x").split("x")
    numbers = [parse_whole(p, 0) for p in parts] if len(parts) == 2 else []
    if len(numbers) != 2 or None in numbers:
        shown = text if len(text) <= 24 else text[:24] + "…"
        raise CliError(tr("--size '{shown_value}' is not WIDTHxHEIGHT in digits 0-9, e.g. 1280x720",
                          shown_value=shown), EXIT_USAGE)
    w, h = numbers
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise CliError(tr("--size {w}x{h} is out of range ({MIN_SIZE}x{MIN_SIZE2} to {MAX_SIZE}x{MAX_SIZE2})",
                          w=w, h=h, MIN_SIZE=MIN_SIZE[0], MIN_SIZE2=MIN_SIZE[1], MAX_SIZE=MAX_SIZE[0],
                          MAX_SIZE2=MAX_SIZE[1]), EXIT_USAGE)
    return w, h


def run_screenshot(scenario_arg: str, screen: str, out: str, turns: int, policy_name: str, seed: int,
                   size_text: str | None, err: TextIO | None = None) -> int:
    """Render `screen` of `scenario_arg` after `turns` turns of `policy_name` into the PNG file `out`."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from game.ui.shots import SCREEN_NAMES
    except ImportError as exc:
        raise CliError(tr("screenshots need {value}, which is not installed: pip install pygame-ce (or pip "
                          "install -e .)",
                          value=exc.name or 'pygame-ce'), EXIT_INVALID) from None

    if screen not in SCREEN_NAMES:
        raise CliError(tr("unknown screen '{screen}' (screens: {join})",
                          screen=screen, join=', '.join(SCREEN_NAMES)), EXIT_USAGE)
    if turns < 0:
        raise CliError(_("--turns must be 0 or more"), EXIT_USAGE)
    check_range("--turns", turns, 0, MAX_TURNS)
    if not out.lower().endswith(".png"):
        raise CliError(tr("--out '{out}' must name a .png file", out=out), EXIT_USAGE)
    size = parse_size(size_text) if size_text else DEFAULT_SIZE
    path, result = load_result_or_fail(scenario_arg, err or sys.stderr)
    if not has_display():
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.engine import build_rules
    from game.sim.policies import UnknownPolicy, get_policy
    from game.ui.session import ScenarioEntry
    from game.ui.shots import render, stage

    try:
        rules = build_rules(result.scenario)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_INVALID) from None
    try:
        policy = get_policy(policy_name, rules)
    except UnknownPolicy as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    entry = ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)
    with tempfile.TemporaryDirectory(prefix="good-offices-shot-") as tmp:
        app = stage(screen, entry, policy, turns, seed, size, Path(tmp))
        surface = render(app)
    target = Path(out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(target))
    except (OSError, pygame.error) as exc:
        raise CliError(tr("cannot write {out}: {exc}", out=out, exc=exc), EXIT_INVALID) from None
    print(tr("{target}: {screen} of {scenario}, {width}x{height}", target=target, screen=screen, scenario=path.stem,
             width=size[0], height=size[1]))
    return 0
