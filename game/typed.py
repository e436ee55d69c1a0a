"""What people type, made safe before the game uses it: whole numbers read strictly, and text recovered from a
terminal that does not send UTF-8. Shared by the command line, the text mode and the window."""

from __future__ import annotations

import re

from game.scenario.limits import forbidden_character

MAX_DIGITS = 18  # a typed whole number has at most this many digits: it always fits in 64 bits
_WHOLE = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: '²' or '١' pass str.isdigit() but are no number here


def parse_whole(text: str, low: int | None = None, high: int | None = None) -> int | None:
    """The whole number `text` writes in ASCII digits (an optional sign, at most MAX_DIGITS digits) when it lies
    in [low, high]; else None. Never raises, whatever the text."""
    text = text.strip()
    if not _WHOLE.fullmatch(text) or len(text.lstrip("+-")) > MAX_DIGITS:
        return None
    value = int(text)
    if (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


def is_whole(text: str) -> bool:
    """True when `text` is written like a whole number (ASCII digits, an optional sign), whatever its size."""
    return bool(_WHOLE.fullmatch(text.strip()))


def clean_text(text: str) -> str:
    """Text as typed, made fit to show and save. Bytes that were not UTF-8 (Python keeps them as half characters,
    e.g. the 0xE9 a Latin-1 terminal sends for 'é') are read as Windows-1252, so that 'é' stays 'é'; tabs and
    line breaks become spaces and other control characters go."""
    if forbidden_character(text) is None and "\t" not in text and "\n" not in text:
        return text
    text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF and not 0xDC80 <= ord(c) <= 0xDCFF else c for c in text)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")  # UTF-8 split byte by byte
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by Python's 'surrogateescape'
            char = bytes([code - 0xDC00]).decode("cp1252", errors="replace")
        if char in "\t\n":
            char = " "
        if forbidden_character(char) is None:
            out.append(char)
    return "".join(out)
