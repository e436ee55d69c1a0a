"""Turn dates: which real date each turn starts on, for day, week and month turns."""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from .diagnostics import Problem
from .limits import MAX_TURNS
from .model import Calendar


def _add_months(start: dt.date, months: int) -> dt.date:
    month0 = start.month - 1 + months
    year, month = start.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(start.day, _cal.monthrange(year, month)[1]))


def turn_count(cal: Calendar) -> int:
    """Number of turns from start to end inclusive (a turn that starts on or before `end` counts)."""
    if cal.turn_unit == "day":
        return (cal.end - cal.start).days + 1
    if cal.turn_unit == "week":
        return (cal.end - cal.start).days // 7 + 1
    return (cal.end.year - cal.start.year) * 12 + cal.end.month - cal.start.month + 1


def calendar_problem(cal: Calendar) -> Problem | None:
    """The error of a calendar with more than MAX_TURNS turns (at its 'end', with the last date that fits)."""
    n = turn_count(cal)
    if n <= MAX_TURNS:
        return None
    last = _turn_date(cal, MAX_TURNS - 1)
    longer = {"day": " or use 'turn_unit: week' or 'month'", "week": " or use 'turn_unit: month'"}
    return Problem(
        ("calendar", "end"),
        "error",
        f"the calendar has {n:,} turns of one {cal.turn_unit}; a scenario may have at most {MAX_TURNS:,} — end it "
        f"by {last.isoformat()}{longer.get(cal.turn_unit, '')}",
    )


def _turn_date(cal: Calendar, i: int) -> dt.date:
    if cal.turn_unit == "day":
        return cal.start + dt.timedelta(days=i)
    if cal.turn_unit == "week":
        return cal.start + dt.timedelta(weeks=i)
    return _add_months(cal.start, i)


def turn_dates(cal: Calendar) -> tuple[dt.date, ...]:
    """The first date of every turn."""
    return tuple(_turn_date(cal, i) for i in range(turn_count(cal)))


def turn_of(cal: Calendar, day: dt.date) -> int | None:
    """The 0-based turn whose span covers `day`, or None when the date is outside the calendar."""
    if cal.turn_unit == "month":
        index = (day.year - cal.start.year) * 12 + day.month - cal.start.month
    else:
        span = 1 if cal.turn_unit == "day" else 7
        delta = (day - cal.start).days
        index = delta // span if delta >= 0 else -1
    if index < 0 or index >= turn_count(cal):
        return None
    return index
