"""Dates as people write them: '17 October 1962', 'August 1995' for a month's turn, never ISO.

Machine formats (saves, JSON, the debrief's data) keep ISO dates; everything a person reads goes through here.
"""

from __future__ import annotations

import datetime as dt

from game.engine import Rules
from game.i18n import N_, N_plural, _, ngettext, tr, trn
from game.i18n import formats as fmt

# The turn units, as a turn's heading and a count name them.
UNIT_NAMES = {"day": N_("Day"), "week": N_("Week"), "month": N_("Month")}

# Phrases that join a turn unit to words that must agree with it ('le jour précédent', 'la semaine précédente'),
# each written whole for each unit so that a language can make it agree.
UNIT_PHRASES: dict[str, dict[str, str]] = {
    "end": {"day": N_("End day {n}"), "week": N_("End week {n}"), "month": N_("End month {n}")},
    "last": {"day": N_("last day: {what}"), "week": N_("last week: {what}"), "month": N_("last month: {what}")},
    "over": {"day": N_("Over the day"), "week": N_("Over the week"), "month": N_("Over the month")},
    "no change": {"day": N_("{what}: no change over the day"), "week": N_("{what}: no change over the week"),
                  "month": N_("{what}: no change over the month")},
    "unchanged": {"day": N_("{what} (no change over the day)"), "week": N_("{what} (no change over the week)"),
                  "month": N_("{what} (no change over the month)")},
    "per": {"day": N_("{amount} a day"), "week": N_("{amount} a week"), "month": N_("{amount} a month")},
    "every": {"day": N_("every day"), "week": N_("every week"), "month": N_("every month")},
    "unchanged in": {"day": N_("{name} did not change on day {n} ({date})."),
                     "week": N_("{name} did not change in week {n} ({date})."),
                     "month": N_("{name} did not change in month {n} ({date}).")},
    "changed in": {"day": N_("Why {name} changed on day {n} ({date}):"),
                   "week": N_("Why {name} changed in week {n} ({date}):"),
                   "month": N_("Why {name} changed in month {n} ({date}):")},
    "then": {"day": N_("Then, at the start of day {n} ({date}):"),
             "week": N_("Then, at the start of week {n} ({date}):"),
             "month": N_("Then, at the start of month {n} ({date}):")},
}
# Counts of turn units that agree with the unit: '3 jours restants', '1 semaine restante'.
UNIT_COUNTS: dict[str, dict[str, tuple[str, str]]] = {
    "left": {"day": N_plural("{n} day left", "{n} days left"), "week": N_plural("{n} week left", "{n} weeks left"),
             "month": N_plural("{n} month left", "{n} months left")},
    "turns of": {"day": N_plural("{n} turn of one day", "{n} turns of one day"),
                 "week": N_plural("{n} turn of one week", "{n} turns of one week"),
                 "month": N_plural("{n} turn of one month", "{n} turns of one month")},
    "of": {"day": N_plural("{n} of {total} days", "{n} of {total} days"),
           "week": N_plural("{n} of {total} weeks", "{n} of {total} weeks"),
           "month": N_plural("{n} of {total} months", "{n} of {total} months")},
    "played": {"day": N_plural("{n} of {total} days played", "{n} of {total} days played"),
               "week": N_plural("{n} of {total} weeks played", "{n} of {total} weeks played"),
               "month": N_plural("{n} of {total} months played", "{n} of {total} months played")},
}


def day_text(day: dt.date | str) -> str:
    """A date for text: '24 October 1962', '24 octobre 1962' (an ISO string is read first)."""
    return fmt.day_text(day)


def month_text(day: dt.date | str) -> str:
    """'August 1995', 'août 1995'."""
    return fmt.month_text(day)


def unit_name(unit: str) -> str:
    """A turn unit capitalised, as a heading names it: 'Day', 'Jour'."""
    return _(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit.capitalize()


def units_text(n: int | float, unit: str) -> str:
    """A count of turn units: '1 day', '3 weeks', '2 mois'."""
    if unit == "day":
        return trn("{n} day", "{n} days", n, shown=format(n, "g"))
    if unit == "week":
        return trn("{n} week", "{n} weeks", n, shown=format(n, "g"))
    if unit == "month":
        return trn("{n} month", "{n} months", n, shown=format(n, "g"))
    return f"{n:g} {unit}"


def unit_phrase(phrase: str, unit: str, **values: object) -> str:
    """A phrase of UNIT_PHRASES for the scenario's turn unit, its placeholders filled: unit_phrase('last',
    'week', what='held') is 'last week: held', 'semaine précédente : a tenu'."""
    return tr(UNIT_PHRASES[phrase][unit], **values)


def unit_count(phrase: str, n: int | float, unit: str, **values: object) -> str:
    """A count of UNIT_COUNTS for the turn unit, in its plural form: unit_count('left', 3, 'day') is '3 days
    left', '3 jours restants'; unit_count('of', 5, 'week', total=12) is '5 of 12 weeks', '5 semaines sur 12'."""
    return ngettext(*UNIT_COUNTS[phrase][unit], n).format(n=fmt.written(f"{n:g}"), **values)


def capitalised(text: str) -> str:
    """`text` with its first letter capitalised, for a phrase that starts a sentence."""
    return text[:1].upper() + text[1:]


def when_text(day: dt.date | str, unit: str) -> str:
    """The date a turn starts on, as its unit reads: a month's turn is 'August 1995', a day's or a week's
    '17 October 1962'."""
    return month_text(day) if unit == "month" else day_text(day)


def turn_date(rules: Rules, turn: int) -> str:
    """The date of a turn (clamped to the calendar) in words."""
    day = rules.dates[max(0, min(turn, rules.turns - 1))]
    return when_text(day, rules.scenario.calendar.turn_unit)


def turn_heading(rules: Rules, turn: int) -> str:
    """'Day 5 · 20 October 1962', 'Month 6 · August 1995'; 'At the outset' before the first turn."""
    if turn < 0:
        return _("At the outset")
    unit = rules.scenario.calendar.turn_unit
    return tr("{unit} {n} · {date}", unit=unit_name(unit), n=min(turn, rules.turns - 1) + 1,
              date=turn_date(rules, turn))


def what_happened(rules: Rules, turn: int) -> str:
    """The title over a turn's report: 'What happened on day 5 · 20 October 1962', 'What happened in month 6 ·
    August 1995' (a day is 'on', a week or a month 'in')."""
    heading = turn_heading(rules, turn)
    if turn < 0:
        return heading
    heading = heading[:1].lower() + heading[1:]
    if rules.scenario.calendar.turn_unit == "day":
        return tr("What happened on {heading}", heading=heading)
    return tr("What happened in {heading}", heading=heading)


def turn_unit_phrase(phrase: str, rules: Rules, turn: int, **values: object) -> str:
    """A phrase of UNIT_PHRASES about one turn, with its number and date: 'Then, at the start of week 3 (18 March
    2030):', 'Puis, au début de la semaine 3 (18 mars 2030) :'."""
    return unit_phrase(phrase, rules.scenario.calendar.turn_unit, n=max(0, min(turn, rules.turns - 1)) + 1,
                       date=turn_date(rules, turn), **values)


def span_text(start: dt.date, end: dt.date, unit: str = "day") -> str:
    """A calendar's span: '16–28 October 1962', '1 March 1995 to 1 February 1999'; months as 'March 1995 to
    February 1999'."""
    if unit == "month":
        return tr("{start} to {end}", start=month_text(start), end=month_text(end))
    if start.year == end.year and start.month == end.month:
        return f"{day_text(start).partition(' ')[0]}–{day_text(end)}"
    return tr("{start} to {end}", start=day_text(start), end=day_text(end))


def short_date(day: dt.date | str, unit: str) -> str:
    """A date for a chart axis: '24 Oct' for day and week turns, 'Oct 1962' for month turns."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    month = fmt.month_short(day)
    return f"{month} {day.year}" if unit == "month" else f"{day.day} {month}"


def period_text(period: str, turns: int, unit: str) -> str:
    """The scenario's period with its length, unless the period already says it ('March 1995 - February 1999, 48
    months' is not followed by '48 months' again)."""
    if unit in period.lower() or unit_name(unit).lower() in period.lower():
        return period
    return f"{period} · {units_text(turns, unit)}"


def calendar_line(period: str, start: dt.date, end: dt.date, turns: int, unit: str) -> str:
    """The period, its length and its dates, each said once: '16-28 October 1962 · 13 days'; the dates are added
    only when the period does not already name their months ('A fictional spring · 12 weeks · 4 March 2030 to
    20 May 2030')."""
    line = period_text(period, turns, unit)
    if month_text(start) in period and month_text(end) in period:
        return line
    return f"{line} · {span_text(start, end, unit)}"
