"""Dates as people write them: '17 October 1962', 'August 1995' for a month's turn, never ISO.

Machine formats (saves, JSON, the debrief's data) keep ISO dates; everything a person reads goes through here.
"""

from __future__ import annotations

import datetime as dt

from game.engine import Rules

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def day_text(day: dt.date | str) -> str:
    """A date for text: '24 October 1962' (an ISO string is read first)."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_text(day: dt.date | str) -> str:
    """'August 1995'."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{MONTHS[day.month - 1]} {day.year}"


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
        return "At the outset"
    unit = rules.scenario.calendar.turn_unit
    return f"{unit.capitalize()} {min(turn, rules.turns - 1) + 1} · {turn_date(rules, turn)}"


def what_happened(rules: Rules, turn: int) -> str:
    """The title over a turn's report: 'What happened on day 5 · 20 October 1962', 'What happened in month 6 ·
    August 1995' (a day is 'on', a week or a month 'in')."""
    heading = turn_heading(rules, turn)
    if turn < 0:
        return heading
    word = "on" if rules.scenario.calendar.turn_unit == "day" else "in"
    return f"What happened {word} {heading[:1].lower()}{heading[1:]}"


def turn_phrase(rules: Rules, turn: int) -> str:
    """A turn as it reads mid-sentence: 'day 5 (20 October 1962)', 'month 6 (August 1995)'."""
    unit = rules.scenario.calendar.turn_unit
    return f"{unit} {max(0, min(turn, rules.turns - 1)) + 1} ({turn_date(rules, turn)})"


def span_text(start: dt.date, end: dt.date, unit: str = "day") -> str:
    """A calendar's span: '16–28 October 1962', '1 March 1995 to 1 February 1999'; months as 'March 1995 to
    February 1999'."""
    if unit == "month":
        return f"{month_text(start)} to {month_text(end)}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{day_text(end)}"
    return f"{day_text(start)} to {day_text(end)}"


def short_date(day: dt.date | str, unit: str) -> str:
    """A date for a chart axis: '24 Oct' for day and week turns, 'Oct 1962' for month turns."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    month = MONTHS[day.month - 1][:3]
    return f"{month} {day.year}" if unit == "month" else f"{day.day} {month}"


def period_text(period: str, turns: int, unit: str) -> str:
    """The scenario's period with its length, unless the period already says it ('March 1995 - February 1999, 48
    months' is not followed by '48 months' again)."""
    if unit in period.lower():
        return period
    return f"{period} · {turns} {unit}{'' if turns == 1 else 's'}"


def calendar_line(period: str, start: dt.date, end: dt.date, turns: int, unit: str) -> str:
    """The period, its length and its dates, each said once: '16-28 October 1962 · 13 days'; the dates are added
    only when the period does not already name their months ('A fictional spring · 12 weeks · 4 March 2030 to
    20 May 2030')."""
    line = period_text(period, turns, unit)
    if month_text(start) in period and month_text(end) in period:
        return line
    return f"{line} · {span_text(start, end, unit)}"
