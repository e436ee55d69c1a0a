"""Snapshot tests: key screens of the sample scenario, rendered headless, must look as they did when the
snapshot was approved. Images are compared downscaled, so anti-aliasing noise does not count but a moved
panel, a missing text block or a changed colour does.

After an intended change of the look, approve the new images with:
    GOOD_OFFICES_UPDATE_SNAPSHOTS=1 python -m pytest tests/ui/test_snapshots.py
and look at each PNG in tests/ui/snapshots/ before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.engine import build_rules
from game.scenario.loader import load_scenario
from game.sim.policies import get_policy
from game.ui.session import ScenarioEntry
from game.ui.shots import render, stage

SAMPLE_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("GOOD_OFFICES_UPDATE_SNAPSHOTS") == "1"
SIZE = (1280, 720)
CELL = 8  # compare 8x8-pixel cell averages: 160x90 cells
MAX_CELL_DIFF = 24  # a cell whose mean colour moved more than this (0-255, summed over RGB) has changed
MAX_CHANGED = 0.01  # at most 1% of cells may change
SCREENS = [("title", 0), ("briefing", 0), ("turn", 3), ("map", 3), ("report", 3), ("debrief", 0)]


def _shot(screen: str, turns: int, tmp_path: Path) -> pygame.Surface:
    result = load_scenario(SAMPLE_FILE)
    rules = build_rules(result.scenario)
    entry = ScenarioEntry(result.scenario.id, SAMPLE_FILE, result.scenario, result.digest)
    app = stage(screen, entry, get_policy("historical", rules), turns, 4, SIZE, tmp_path)
    return render(app)


def _cells(surface: pygame.Surface) -> bytes:
    small = pygame.transform.smoothscale(surface, (SIZE[0] // CELL, SIZE[1] // CELL))
    return pygame.image.tobytes(small, "RGB")


@pytest.mark.parametrize(("screen", "turns"), SCREENS, ids=[s for s, _ in SCREENS])
def test_the_screen_looks_as_approved(screen, turns, tmp_path):
    surface = _shot(screen, turns, tmp_path)
    path = SNAPSHOTS / f"{screen}.png"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        pygame.image.save(surface, str(path))
        if not UPDATE:
            pytest.fail(f"no approved snapshot for '{screen}' yet: wrote {path}; look at it and commit it")
        return
    approved = pygame.image.load(str(path))
    assert approved.get_size() == surface.get_size()
    now, then = _cells(surface), _cells(approved)
    cells = len(now) // 3
    changed = sum(
        abs(now[i] - then[i]) + abs(now[i + 1] - then[i + 1]) + abs(now[i + 2] - then[i + 2]) > MAX_CELL_DIFF
        for i in range(0, len(now), 3)
    )
    assert changed / cells <= MAX_CHANGED, (
        f"{screen}: {changed} of {cells} cells differ from {path.name}; if the change is intended, approve it "
        "with GOOD_OFFICES_UPDATE_SNAPSHOTS=1"
    )
