"""Numbers, money and dates as readers of the active language write them, from Babel's locale data:
'4.6' and '$4.6m' in English, '4,6' and '4,6 M$' in French; '24 October 1962', '24 octobre 1962'.

The digits are Python's own rounding (the same in every language, so that report lines add up as shown);
Babel gives the decimal sign, the minus, the month names and the order of a date's parts."""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_percent, get_decimal_symbol, get_group_symbol

from . import _, current, tr

MINUS = "−"
NBSP = "\u00a0"


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def decimal_sign() -> str:
    return get_decimal_symbol(_locale(current().code))


def number(value: float, decimals: int = 0, *, minus: str = MINUS, trim: bool = False) -> str:
    """`value` with `decimals` places, the locale's decimal sign and a true minus; `trim` drops a ',0'."""
    text = f"{abs(value):.{decimals}f}"
    if trim and decimals and set(text.partition(".")[2]) == {"0"}:
        text = text.partition(".")[0]
    negative = value < 0 and set(text) - {"0", "."}
    return (minus if negative else "") + text.replace(".", decimal_sign())


@cache
def _symbols(code: str) -> tuple[str, str, str]:
    """The decimal sign, the thousands separator and what goes between a number and its '%' in a language."""
    loc = _locale(code)
    return get_decimal_symbol(loc), get_group_symbol(loc), format_percent(0, locale=loc)[1:].replace("%", "")


def written(text: str) -> str:
    """A number Python wrote ('1,234.5', '35%', '+0.4', '-2') as the active language writes it: '1 234,5', '35 %',
    '+0,4', '−2' in French; English unchanged but for the minus, a true '−' (U+2212) in every language, as
    `number` writes it."""
    code = current().code
    if code == "en":
        return text.replace("-", MINUS)
    decimal, group, before_percent = _symbols(code)
    out = text.translate({ord("."): decimal, ord(","): group, ord("-"): MINUS})
    return out.replace("%", before_percent + "%") if "%" in out else out


def formatted(value: float, spec: str = "g") -> str:
    """`value` formatted by a Python format spec, written as the active language writes numbers: '0.4', '0,4'."""
    return written(format(value, spec))


def percent(share: float, decimals: int = 0) -> str:
    """A share as a percentage in the language: 0.35 is '35%', '35 %'."""
    return written(f"{share:.{decimals}%}")


def signed(value: float, decimals: int = 1) -> str:
    """A number with its sign in the language: '+1.5', '+1,5'."""
    return written(f"{value:+.{decimals}f}")


def localized(text: str) -> str:
    """A number already written with a point ('57.5', '−3.0') with the locale's decimal sign."""
    return text.replace(".", decimal_sign()) if current().code != "en" else text


def money(amount: str) -> str:
    """An amount of millions of dollars, already written ('4.6'): '$4.6m', '4,6 M$'."""
    return _("${amount}m").format(amount=localized(amount)).replace(" ", NBSP)


def percent_of(n: str) -> str:
    """A whole percentage already written ('60'): '60%', '60 %'."""
    return _("{n}%").format(n=n).replace(" ", NBSP)


def labelled(label: object, text: object) -> str:
    """'Label: text', with the space the language puts before a colon ('Étiquette : texte' in French)."""
    return tr("{label}: {text}", label=label, text=text)


def _as_date(day: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(day) if isinstance(day, str) else day


def day_text(day: dt.date | str) -> str:
    """'24 October 1962', '24 octobre 1962', '1er mars 1995'."""
    return _day_text(_as_date(day), current().code)


@lru_cache(maxsize=4096)
def _day_text(day: dt.date, code: str) -> str:
    """A date in a language, kept once written: Babel's formatting is slow, and a class server writes the same
    few dates for every student on every turn."""
    if code == "en":
        return f"{day.day} {format_date(day, 'MMMM', locale='en')} {day.year}"
    text = format_date(day, "d MMMM y", locale=_locale(code))
    return "1er" + text[1:] if code == "fr" and day.day == 1 else text


def month_text(day: dt.date | str) -> str:
    """'August 1995', 'août 1995'."""
    return _month_text(_as_date(day), current().code)


@lru_cache(maxsize=4096)
def _month_text(day: dt.date, code: str) -> str:
    return format_date(day, "MMMM y", locale=_locale(code))


def month_short(day: dt.date | str) -> str:
    """'Oct', 'oct.' for a chart's axis."""
    day = _as_date(day)
    if current().code == "en":
        return format_date(day, "MMMM", locale="en")[:3]
    return format_date(day, "MMM", locale=_locale(current().code))
