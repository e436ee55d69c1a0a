"""Where shipped scenarios live, and how a SCENARIO argument (a path or a shipped id) resolves to a file."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from game.i18n import tr

from .diagnostics import did_you_mean
from .translation import is_translation_file

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "scenarios"
SCENARIO_SUFFIXES = (".yaml", ".yml")


class ScenarioNotFound(Exception):
    """The argument is neither an existing file nor the id of a shipped scenario."""


@dataclass(frozen=True)
class Shipped:
    id: str
    path: Path


def shipped(directory: Path = SHIPPED_DIR) -> list[Shipped]:
    """Shipped scenarios, by file stem (a shipped file is named after its id)."""
    if not directory.is_dir():
        return []
    files = sorted(p for p in directory.iterdir()
                   if p.suffix in SCENARIO_SUFFIXES and p.is_file() and not is_translation_file(p))
    return [Shipped(p.stem, p) for p in files]


def kind_of(path: Path) -> str:
    """'file', 'folder', 'other' (a device, a pipe…) or 'missing' — also 'missing' for a path the system cannot
    look up at all (too long, a stray NUL)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return "missing"
    if stat.S_ISREG(info.st_mode):
        return "file"
    return "folder" if stat.S_ISDIR(info.st_mode) else "other"


def resolve(arg: str, directory: Path = SHIPPED_DIR) -> Path:
    """A path to an existing file (or other thing that is not a folder: the loader says what is wrong with it), or
    the file of the shipped scenario with that id."""
    candidate = Path(arg)
    kind = kind_of(candidate)
    if kind in ("file", "other"):
        return candidate
    if kind == "folder":
        raise ScenarioNotFound(tr("'{arg}' is a folder; give one scenario file or a shipped scenario id", arg=arg))
    by_id = {s.id: s.path for s in shipped(directory)}
    if arg in by_id:
        return by_id[arg]
    if candidate.suffix in SCENARIO_SUFFIXES or "/" in arg or len(arg) > 100:
        shown = arg if len(arg) <= 80 else arg[:80] + "…"
        raise ScenarioNotFound(tr("no such file: '{shown_value}'", shown_value=shown))
    hint = did_you_mean(arg, by_id)
    raise ScenarioNotFound(tr("unknown scenario '{arg}'{hint}; give a path to a .yaml file or a shipped id",
                              arg=arg, hint=hint))


def expand_paths(args: list[str]) -> tuple[list[Path], list[str]]:
    """Files named directly plus every scenario file under named folders; and the arguments that don't exist."""
    files: list[Path] = []
    missing: list[str] = []
    for arg in args:
        p = Path(arg)
        kind = kind_of(p)
        if kind == "folder":
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in SCENARIO_SUFFIXES and kind_of(f) == "file"
                                and not is_translation_file(f)))
        elif kind in ("file", "other"):
            files.append(p)  # a device or a pipe is reported by the loader: it is not a regular file
        else:
            missing.append(arg)
    return files, missing
