"""The limits of the format, enforced by `validate` with a located error: a file that validates also plays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from game.scenario.calendar import turn_count
from game.scenario.limits import ALLOWED_CONTROLS, MAX_NUMBER, MAX_TURNS, forbidden_character
from game.scenario.loader import load_scenario_bytes

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal.yaml"


def _with(text: str) -> bytes:
    return MINIMAL.read_bytes() + text.encode("utf-8")


def _errors(data: bytes) -> list:
    result = load_scenario_bytes(data, "x.yaml")
    return [d for d in result.diagnostics if d.severity == "error"]


def _calendar(start: str, end: str, unit: str) -> bytes:
    data = yaml.safe_load(MINIMAL.read_bytes())
    data["calendar"] = {"start": dt.date.fromisoformat(start), "end": dt.date.fromisoformat(end), "turn_unit": unit}
    return yaml.safe_dump(data, sort_keys=False).encode("utf-8")


# ---- the calendar -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end", "unit", "turns"), [
    ("0001-01-01", "9999-12-31", "month", 119_988),
    ("0001-01-01", "9999-12-31", "day", 3_652_059),
    ("2030-01-01", "2049-03-02", "week", 1_001),
])
def test_a_calendar_over_the_turn_limit_is_refused_at_its_end(start, end, unit, turns):
    errors = _errors(_calendar(start, end, unit))
    assert len(errors) == 1
    error = errors[0]
    assert f"the calendar has {turns:,} turns of one {unit}; a scenario may have at most {MAX_TURNS:,}" in error.message
    text = _calendar(start, end, unit).decode()
    line = text.splitlines()[error.line - 1]
    assert line.strip().startswith("end:") and error.col == line.index(end) + 1


def test_the_last_date_that_fits_is_named_and_fits():
    errors = _errors(_calendar("2030-01-01", "2040-01-01", "day"))
    last = errors[0].message.split("end it by ")[1].split(" ")[0]
    assert not _errors(_calendar("2030-01-01", last, "day"))
    from game.scenario.model import Calendar

    assert turn_count(Calendar(start=dt.date(2030, 1, 1), end=dt.date.fromisoformat(last), turn_unit="day")) == \
        MAX_TURNS


@pytest.mark.parametrize(("start", "end", "unit"), [
    ("9999-12-01", "9999-12-31", "day"), ("0001-01-01", "0001-01-31", "week"), ("9990-01-01", "9999-12-01", "month"),
])
def test_calendars_at_the_edges_of_the_representable_dates_validate(start, end, unit):
    assert not _errors(_calendar(start, end, unit))


# ---- numbers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1e16", "-1.0e+16"])
def test_a_variable_must_be_a_finite_number_within_the_limit(value):
    errors = _errors(_with(f"variables:\n  tension: {value}\n"))
    assert len(errors) == 1
    assert (errors[0].line, errors[0].col) == (len(MINIMAL.read_text().splitlines()) + 2, 12)
    assert f"must be a number from -1e+15 to 1e+15, e.g. 0; got `{value}`" in errors[0].message


@pytest.mark.parametrize("value", [str(MAX_NUMBER), "-1000000000000000", "0.5", "true"])
def test_variables_at_the_limit_validate(value):
    assert not _errors(_with(f"variables:\n  tension: {value}\n"))


# ---- characters ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\x1b", "\\u001B", "\\U0000001b", "\\a", "\\b", "\\r", "\\v",
                                    "\\f", "\\x7f", "\\x9b", "\\N"])
def test_a_control_character_written_as_an_escape_is_refused_where_it_is(escape):
    text = MINIMAL.read_text().replace('title: "A Minimal Dispute"', f'title: "A Minimal{escape} Dispute"')
    errors = _errors(text.encode("utf-8"))
    assert len(errors) == 1
    line = text.splitlines()[errors[0].line - 1]
    assert line.startswith("title:") and line[errors[0].col - 1:].startswith(escape)
    assert "control character" in errors[0].message and "tab and line break" in errors[0].message


@pytest.mark.parametrize("field", ["id: \"x\\0\"", "authors: [\"\\e[2J\"]", "licence: \"\\x00\""])
def test_every_text_field_is_checked(field):
    key = field.split(":")[0]
    text = "\n".join(field if line.startswith(f"{key}:") else line for line in MINIMAL.read_text().splitlines())
    assert any("control character" in e.message for e in _errors(text.encode("utf-8")))


def test_tabs_and_line_breaks_are_the_control_characters_text_may_hold():
    assert ALLOWED_CONTROLS == "\t\n"
    text = MINIMAL.read_text().replace('title: "A Minimal Dispute"', 'title: "A\\tMinimal\\nDispute"')
    assert not _errors(text.encode("utf-8"))
    assert all(forbidden_character(chr(c)) is not None for c in [*range(0, 9), *range(11, 32), *range(127, 160)])
    assert forbidden_character("\ud800") is not None and forbidden_character("é€ 中文 \u00a0\u200d") is None
