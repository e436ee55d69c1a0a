"""Finding a game's autosave in a test's saves folder: every game has its own, named after its id."""

from __future__ import annotations

from pathlib import Path


def only_autosave(folder: Path, scenario_id: str) -> Path:
    """The one autosave of `scenario_id` in `folder` (the test played one game of it)."""
    found = sorted(folder.glob(f"autosave-{scenario_id}-*.json"))
    assert len(found) == 1, f"expected one autosave of {scenario_id} in {folder}, found {[p.name for p in found]}"
    return found[0]
