"""What the fuzz tests try, and how hard: a bounded budget on every run of the suite, and a long one for hunting
bugs, chosen with the environment variable GOOD_OFFICES_FUZZ (`ci`, the default, or `long`, 40 times as many
cases; `python benchmarks/fuzz.py` runs it and counts). Hypothesis draws fresh cases on every run and shrinks a
failure to a small one, which it prints and keeps in .hypothesis/ to try first next time.

Also the scenarios the fuzzers start from: the minimal test scenario grown into files that validate but sit at
the edges — calendars at the first and last representable dates and at the turn limit, variables at ±1e15,
effects that overflow, distractions on the calendar's last day, texts in any script at their length limits.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from game.scenario.limits import MAX_NUMBER, MAX_TURNS
from game.scenario.names import INSTRUMENT_KINDS

PROFILES = {"ci": 1, "long": 40}
PROFILE = os.environ.get("GOOD_OFFICES_FUZZ", "ci")
if PROFILE not in PROFILES:
    raise SystemExit(f"GOOD_OFFICES_FUZZ={PROFILE!r}: use one of {', '.join(PROFILES)}")

MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal.yaml"


def fuzz(examples: int, **extra: Any) -> settings:
    """Hypothesis settings for a fuzz test that tries `examples` cases on every run (40 times more when long)."""
    return settings(settings.get_profile(PROFILE), max_examples=examples * PROFILES[PROFILE], deadline=None,
                    suppress_health_check=list(HealthCheck), **extra)


# ---- text ----------------------------------------------------------------------------------------------------------

# Any character a scenario may hold: every script, combining marks, emoji, right-to-left, no-break spaces, tabs.
FAIR_CHARS = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\u00a0\u202f\u200d\u202e\u0301")
# What an author should not get through: control characters (written as escapes in the YAML) and half characters.
FOUL_CHARS = st.sampled_from("\x00\x07\x08\x1b\x7f\x85\x9b\r\x0b")


@st.composite
def texts(draw: Any, max_size: int = 200) -> str:
    """A text of 1 to `max_size` characters (sometimes exactly at the limit) in any script."""
    size = draw(st.sampled_from([1, 12, max_size]) | st.integers(1, max_size))
    text = draw(st.text(FAIR_CHARS, min_size=size, max_size=size))
    return text if text.strip() else "x" + text[1:]


def foul(draw: Any, text: str) -> str:
    """`text` with a control character put in somewhere."""
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(FOUL_CHARS) + text[at:]


# ---- numbers and dates ---------------------------------------------------------------------------------------------

EXTREMES = [MAX_NUMBER, -MAX_NUMBER, 5e-324, 0.0, -0.0, 1.0, 0.5, 1e15 - 1, -1e-300]
OVERFLOWING = [1e300, -1e300, 1e308, 1.7976931348623157e308, 2.0**53]
numbers = st.sampled_from(EXTREMES) | st.floats(-MAX_NUMBER, MAX_NUMBER, allow_nan=False) | st.integers(-1000, 1000)


def written(number: float) -> str:
    """A number as the expression language writes it: digits and a point, no exponent."""
    return format(decimal.Decimal(repr(float(number))), "f")
EDGE_DATES = [dt.date(1, 1, 1), dt.date(1, 1, 31), dt.date(1, 12, 31), dt.date(4, 2, 29), dt.date(9999, 1, 1),
              dt.date(9999, 12, 1), dt.date(9999, 12, 25), dt.date(9999, 12, 31), dt.date(2000, 2, 29),
              dt.date(1962, 10, 16)]


def _add_months(day: dt.date, months: int) -> dt.date | None:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month + 1, 1)


def _shift(day: dt.date, unit: str, turns: int) -> dt.date | None:
    """The first date of turn `turns` counted from `day` (negative: before it); None past the representable."""
    try:
        if unit == "month":
            return _add_months(day.replace(day=1), turns)
        return day + dt.timedelta(days=turns * (7 if unit == "week" else 1))
    except OverflowError:
        return None


@st.composite
def calendars(draw: Any) -> dict[str, Any]:
    """A calendar of 1 to MAX_TURNS (+1, to see it refused) turns, often at the edges of the representable dates."""
    unit = draw(st.sampled_from(["day", "week", "month"]))
    turns = draw(st.sampled_from([1, 2, 13, MAX_TURNS]) | st.integers(1, 60) | st.integers(1, MAX_TURNS)
                 | st.just(MAX_TURNS + 1))
    anchor = draw(st.sampled_from(EDGE_DATES) | st.dates())
    if unit == "month":
        anchor = anchor.replace(day=1)
    if draw(st.booleans()):
        start, end = anchor, _shift(anchor, unit, turns - 1)
        if end is None:
            end = dt.date.max
    else:
        end, start = anchor, _shift(anchor, unit, -(turns - 1))
        if start is None:
            start = dt.date.min
    return {"start": start, "end": end, "turn_unit": unit}


# ---- a whole scenario ----------------------------------------------------------------------------------------------

PAIR, PARTIES = "north_south", ("north", "south")


@st.composite
def effects(draw: Any, variables: list[str]) -> list[str]:
    """Effects on anything an effect may set, with numbers from ordinary to overflowing."""
    targets = [*variables, "prestige", "budget", "envoys", "attention", "intelligence", "visibility",
               f"{PAIR}.pressure", f"{PAIR}.momentum", *(f"{p}.{a}" for p in PARTIES for a in ("hostility", "trust"))]
    out = []
    for _ in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from(targets))
        op = draw(st.sampled_from(["=", "+=", "-=", "*="]))
        big = written(1e300)
        value = draw(st.sampled_from([written(n) for n in EXTREMES + OVERFLOWING])
                     | st.sampled_from([f"{target} * {target}", "turn * turn * turn * turn * date * date * date",
                                        f"{big} * {big} - {big} * {big}", f"{target} / 0", "date",
                                        f"max_rung * {big} * {big}", f"clamp({target}, {big}, 0 - {big})"])
                     | numbers.map(written))
        out.append(f"{target} {op} {value}")
    return out


@st.composite
def scenario_documents(draw: Any) -> bytes:
    """A scenario file built on the minimal one: mostly valid, at the edges of what the format allows."""
    data = yaml.safe_load(MINIMAL.read_bytes())
    cal = draw(calendars())
    data["calendar"] = cal
    data["title"] = draw(texts())
    data["summary"] = draw(texts(400))
    names = draw(st.lists(st.sampled_from(["tension", "refugees", "talks_open", "x", "y"]), max_size=3, unique=True))
    data["variables"] = {name: draw(numbers | st.booleans()) for name in names}
    numeric = [n for n in names if not isinstance(data["variables"][n], bool)]
    kinds = draw(st.lists(st.sampled_from(INSTRUMENT_KINDS), min_size=1, max_size=5, unique=True))
    data["instruments"] = []
    for kind in kinds:
        ins: dict[str, Any] = {"use": kind}
        if draw(st.booleans()):
            ins["power"] = draw(st.sampled_from([0, 0.001, 1, 5]))
            ins["cost"] = {"prestige": draw(st.sampled_from([0, 1, 100])), "budget": draw(st.sampled_from([0, 10000]))}
        if draw(st.booleans()):
            ins["name"] = draw(texts())
        data["instruments"].append(ins)
    day = st.sampled_from([cal["start"], cal["end"]]) | st.dates(cal["start"], cal["end"])
    events = []
    for i in range(draw(st.integers(0, 4))):
        ev: dict[str, Any] = {"id": f"event_{i}", "title": draw(texts()), "text": draw(texts(300))}
        trigger = draw(st.sampled_from(["date", "chance", "when"]))
        if trigger == "date":
            ev["date"] = draw(day)
        elif trigger == "chance":
            ev["chance"] = draw(st.sampled_from([1.0, 0.5, 1e-9]) | st.just(f"0.1 + 0 * {numeric[0]}" if numeric
                                                                             else "0.5"))
            ev["repeat"] = True
        else:
            ev["when"] = f"{numeric[0]} > 0 - {written(MAX_NUMBER)}" if numeric else "turn >= 0"
            ev["repeat"] = draw(st.booleans())
        ev["effects"] = draw(effects(numeric))
        if draw(st.booleans()):
            ev["choices"] = [{"id": f"c{j}", "label": draw(texts()), "effects": draw(effects(numeric)),
                              "cost": {"prestige": draw(st.sampled_from([0, 2, 100]))}} for j in range(2)]
            ev["default_choice"] = "c0"
        events.append(ev)
    data["events"] = events
    data["distractions"] = []
    for i in range(draw(st.integers(0, 2))):
        first, last = sorted([draw(day), draw(day)])
        data["distractions"].append({"id": f"d{i}", "name": draw(texts()), "start": first, "end": last,
                                     "attention": draw(st.integers(0, 10)),
                                     "budget_per_turn": draw(st.sampled_from([0, 1000]))})
    if draw(st.booleans()):
        data["proposals"] = [{"id": "talks", "name": draw(texts()), "text": draw(texts()), "pair": PAIR,
                              "acceptance": draw(st.sampled_from([0.0, 1.0, 0.4])),
                              "on_accept": draw(effects(numeric)), "on_reject": draw(effects(numeric))}]
    if draw(st.booleans()):
        data["endings"].insert(0, {"id": "war", "title": draw(texts()), "rating": "failure", "text": draw(texts()),
                                   "when": f"{PAIR}.rung >= {draw(st.integers(1, 7))}"})
    for p in data["parties"]:
        p["name"] = draw(texts())
    if draw(st.integers(0, 4)) == 4:  # now and then a control character an author should not get through
        event = data["events"][0] if data["events"] else None
        if event is not None and draw(st.booleans()):
            event["text"] = foul(draw, event["text"])
        else:
            data["title"] = foul(draw, data["title"])
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=draw(st.booleans())).encode("utf-8")
