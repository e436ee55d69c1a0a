"""The debrief and the class summary as JSON for other tools: the same data as the HTML, with a format tag."""

from __future__ import annotations

import json
from typing import Any

from game import __version__

from .classreport import ClassSummary
from .debrief import Debrief

DEBRIEF_FORMAT = "good-offices-debrief"
CLASS_FORMAT = "good-offices-class-summary"
VERSION = 1


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def render_debrief_json(d: Debrief) -> str:
    """One game's debrief as a JSON document."""
    return _dump({"format": DEBRIEF_FORMAT, "version": VERSION, "game_version": __version__, **d.to_dict()})


def render_class_json(c: ClassSummary) -> str:
    """A class summary as a JSON document."""
    return _dump({"format": CLASS_FORMAT, "version": VERSION, "game_version": __version__, **c.to_dict()})
