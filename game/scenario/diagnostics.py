"""Located problems found in a scenario file, printed as `FILE:LINE:COL: severity: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from game.i18n import tr


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it is (1-based line and column), how bad, and what to do about it."""

    file: str
    line: int
    col: int
    severity: Literal["error", "warning"]
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """A ' — did you mean 'x'?' suffix when a close candidate exists, else a list of the valid names."""
    options = sorted(set(candidates))
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if close:
        return tr(" — did you mean '{name}'?", name=close[0])
    if not options:
        return ""
    shown = ", ".join(f"'{o}'" for o in options[:8])
    more = ", …" if len(options) > 8 else ""
    return tr(" — expected one of {names}", names=shown + more)


Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found on the parsed model, located by its path in the document (the loader adds line:col).

    `offset` is a 0-based character offset inside the string at `path` (for expression errors), `key` says to
    point at the mapping key rather than its value (for unknown fields).
    """

    path: Path
    severity: Literal["error", "warning"]
    message: str
    offset: int | None = None
    key: bool = False
