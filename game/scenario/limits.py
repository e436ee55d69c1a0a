"""Limits a scenario must keep to, so that a file that validates also plays: beyond them `validate` refuses it
with a located error instead of the game failing later. docs/scenario-format.md states them all."""

from __future__ import annotations

import re

MAX_TURNS = 1000  # turns in a calendar: a 20-60 minute game never needs more, and a turn's cost stays small
MAX_NUMBER = 1e15  # largest size of a scenario variable; an effect that goes beyond it is held there, with a warning
ALLOWED_CONTROLS = "\t\n"  # the only control characters text may hold: tab and line break

# Control characters (C0, DEL, C1) other than tab and line break, and lone surrogates (no character at all): a
# terminal obeys the first (escape sequences), and neither can be drawn, encoded as UTF-8 or written to a save.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(text: str) -> int | None:
    """The index of the first character text may not hold, or None when it holds none."""
    found = _FORBIDDEN.search(text)
    return None if found is None else found.start()


def describe_character(char: str) -> str:
    """How to name a forbidden character in a message: 'U+001B (escape)'."""
    code = ord(char)
    name = _NAMES.get(code)
    if name is None and 0xD800 <= code <= 0xDFFF:
        name = "half of a character pair, not a character"
    return f"U+{code:04X}" + (f" ({name})" if name else "")


_NAMES = {0: "null", 7: "bell", 8: "backspace", 11: "vertical tab", 12: "form feed", 13: "carriage return",
          27: "escape", 127: "delete", 0x85: "next line", 0x9B: "control sequence introducer"}
