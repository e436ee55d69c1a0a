"""The player's language: English or French, read from gettext catalogs (managed with Babel, docs/translating.md).

The active language belongs to the call path, not to the process: it is a context variable, set once by a
command (`--lang`, the settings, the system locale) or for one request of the class server with `using()`, so a
class can mix languages on one session. Saves, session codes and the engine never hold a language.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import locale as _locale
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .grammar import months_fixed

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
LANGUAGES = ("en", "fr")
NAMES = {"en": "English", "fr": "Français"}
SOURCE = "en"


@dataclass(frozen=True)
class Language:
    """One language: its code and its compiled catalog (English reads the source strings themselves)."""

    code: str
    catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        return self.catalog.ngettext(singular, plural, _plural_index(n))


def _plural_index(n: float) -> int:
    """gettext counts whole numbers; a fraction such as 0.5 or 1.5 envoys takes the plural in English and the
    singular below 2 in French, which the catalogs' own rules give for 0."""
    whole = int(n)
    return 0 if n != whole and whole == 1 else whole


@cache
def language(code: str) -> Language:
    """The language for a code ('en', 'fr'); an unknown code is English."""
    if code not in LANGUAGES or code == SOURCE:
        return Language(SOURCE, gettext.NullTranslations())
    return Language(code, gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True))


_current: contextvars.ContextVar[Language | None] = contextvars.ContextVar("language", default=None)


def current() -> Language:
    """The language of this call path (English until a command or a request sets one)."""
    return _current.get() or language(SOURCE)


def set_language(code: str) -> None:
    """Make `code` the language of this call path from here on (a command's entry point calls it once)."""
    _current.set(language(code))


@contextlib.contextmanager
def using(code: str) -> Iterator[Language]:
    """Speak `code` inside the block only (a request of the class server, a test)."""
    token = _current.set(language(code))
    try:
        yield current()
    finally:
        _current.reset(token)


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language the system asks for (LC_ALL, LC_MESSAGES, LANG, LANGUAGE, then the locale module), if we
    have it, else English."""
    env = os.environ if environ is None else environ
    names = [env.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    if environ is None:
        with contextlib.suppress(ValueError, AttributeError):
            names.append(_locale.getlocale()[0] or "")
    for name in names:
        for part in name.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return SOURCE


def _(message: str) -> str:
    """`message` in the language of this call path."""
    return current().gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the conventional name, which the extractor knows
    """Mark a message for the catalog where it is defined; it is translated with `_()` where it is shown."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - a marker, like N_
    """Mark a message with a plural for the catalog where it is defined; `trn` or `ngettext` shows it."""
    return singular, plural


class _Number:
    """A number put into a message: formatted by its placeholder's own spec ('{share:.0%}', '{gain:+.1f}',
    '{count:,}'), then written as the active language writes numbers ('35 %', '+1,5', '12 000' in French)."""

    __slots__ = ("value",)

    def __init__(self, value: int | float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        from .formats import written

        return written(format(self.value, spec))

    def __str__(self) -> str:
        return self.__format__("")

    def __repr__(self) -> str:
        return repr(self.value)


def _values(values: dict[str, object]) -> dict[str, object]:
    """The values of a message, each number wrapped to be written in the language (English as Python writes it,
    but for a negative number's minus, a true '−' in every language as formats.number writes it)."""
    if current().code == SOURCE:
        if not any(isinstance(v, (int, float)) and not isinstance(v, bool) and v < 0 for v in values.values()):
            return values
        return {k: _Number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v < 0 else v
                for k, v in values.items()}
    return {k: _Number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for k, v in values.items()}


def tr(message: str, **values: object) -> str:
    """`message` translated, then its {placeholders} filled: tr('Day {n}', n=5); numbers as the language writes
    them ('{share:.0%}' is '35%' in English, '35 %' in French, a minus '−' in both); the preposition before a
    date that is a month made right ('à partir d'août 1995', grammar.months_fixed)."""
    lang = current()
    return months_fixed(lang.gettext(message).format(**_values(values)), lang.code)


def ngettext(singular: str, plural: str, n: float) -> str:
    return current().ngettext(singular, plural, n)


def trn(singular: str, plural: str, n: float, **values: object) -> str:
    """The form of a message for the count `n`, translated, with {n} and the other placeholders filled."""
    lang = current()
    return months_fixed(lang.ngettext(singular, plural, n).format(**_values({"n": values.pop("shown", n), **values})),
                        lang.code)
