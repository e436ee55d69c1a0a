"""`python main.py screenshot`: a PNG of the right size for every screen; bad names are one-line usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.cli.errors import CliError
from game.cli.screenshot import parse_size, run_screenshot
from game.ui.shots import SCREEN_NAMES

from .driver import SAMPLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("screen", SCREEN_NAMES)
def test_each_screen_renders_a_png_of_the_default_size(screen, tmp_path):
    out = tmp_path / f"{screen}.png"
    assert run_screenshot(SAMPLE, screen, str(out), 2, "historical", 0, None) == 0
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720)
    colours = {image.get_at((x, y))[:3] for x in range(0, 1280, 37) for y in range(0, 720, 23)}
    assert len(colours) > 5, "the image should show a screen, not a blank fill"


def test_a_size_can_be_asked_for(tmp_path):
    out = tmp_path / "small.png"
    run_screenshot(SAMPLE, "turn", str(out), 3, "passive", 1, "1024x640")
    assert pygame.image.load(str(out)).get_size() == (1024, 640)


@pytest.mark.parametrize("size", ["1024", "axb", "10x10", "1280x720x3", "²x720", "1280x" + "9" * 5000, "1_280x720"])
def test_a_bad_size_is_a_usage_error(size):
    with pytest.raises(CliError) as caught:
        parse_size(size)
    assert caught.value.code == 2


def test_an_unknown_policy_is_a_usage_error(tmp_path):
    with pytest.raises(CliError) as caught:
        run_screenshot(SAMPLE, "turn", str(tmp_path / "x.png"), 1, "cunning", 0, None)
    assert caught.value.code == 2 and "unknown policy" in caught.value.message


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, "main.py", "screenshot", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=env)


def test_the_command_writes_the_file_and_says_so(tmp_path):
    out = tmp_path / "debrief.png"
    result = cli(SAMPLE, "--screen", "debrief", "--out", str(out), "--policy", "historical")
    assert result.returncode == 0, result.stderr
    assert out.is_file() and result.stdout.strip().startswith(str(out))


@pytest.mark.parametrize("args, words", [
    ((SAMPLE, "--screen", "lobby"), "unknown screen 'lobby'"),
    (("no_such_scenario", "--screen", "turn"), "unknown scenario 'no_such_scenario'"),
])
def test_bad_names_are_one_line_and_exit_2(args, words, tmp_path):
    result = cli(*args, "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert not (tmp_path / "x.png").exists()
