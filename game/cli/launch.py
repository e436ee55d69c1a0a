"""What `python main.py` with no command does: the game window, or the text mode without a display."""

from __future__ import annotations

from .errors import CliError


def run_default() -> int:
    raise CliError("the game is not available yet in this version; try 'python main.py info sample_river_dispute'")
