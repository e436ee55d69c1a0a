"""Every problem the validator reports says where it is and what to do about it (the authoring bar)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.scenario.diagnostics import did_you_mean
from game.scenario.loader import load_scenario, load_scenario_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BROKEN = sorted([*FIXTURES.glob("invalid/*.yaml"), *FIXTURES.glob("invalid_semantic/*.yaml"),
                 *FIXTURES.glob("hostile/*.yaml")])

# What counts as a suggested fix: an instruction (verb first, after ';', '—' or ':'), an example, or the
# list of what is allowed. Each phrase names an action the author can take in the file.
FIX = re.compile(
    r"did you mean|expected one of|must be one of|quote it|e\.g\.|"
    r"[;—:] (?:use|add|remove|write|rename|move|change|give|put|name|declare|save|check|shorten|look for|start|"
    r"delete|define|point|fix|quote)\b"
)


@pytest.mark.parametrize("path", BROKEN, ids=[f"{p.parent.name}/{p.name}" for p in BROKEN])
def test_every_fixture_diagnostic_has_a_location_and_a_suggested_fix(path):
    result = load_scenario(path)
    assert result.diagnostics, f"{path.name} should be rejected"
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+: (error|warning): ", str(diagnostic))
        assert FIX.search(diagnostic.message), f"no suggested fix in: {diagnostic}"


def test_the_fix_pattern_rejects_a_bare_complaint():
    assert not FIX.search("this condition is always false, so the event never fires")
    assert not FIX.search("'hostility' must be a number from 0 to 1; got `3`")


def test_did_you_mean_suggests_the_nearest_name_or_lists_the_valid_ones():
    assert did_you_mean("sooth", ["south", "north"]) == " — did you mean 'south'?"
    assert did_you_mean("zzz", ["south", "north"]) == " — expected one of 'north', 'south'"
    assert did_you_mean("x", []) == ""


MINIMAL = FIXTURES / "minimal.yaml"

# One broken line of the minimal scenario for each kind of type error the loader translates.
BREAKS = [
    ("id: minimal", "format: 2\nid: minimal"),
    ('title: "A Minimal Dispute"', 'title: ""'),
    ("turn_unit: week", "turn_unit: fortnight"),
    ("turn_unit: week", "turn_unit: [week]"),
    ("start: 2030-01-01", "start: 1 January 2030"),
    ("start: 2030-01-01", "start: 2030-01-01 12:00:00"),
    ("calendar:\n", "calendar: [1]\nunused:\n"),
    ("parties:\n", "parties: lots\nunused:\n"),
    ('authors: ["Good Offices tests"]', "authors: []"),
    ("between: [north, south]", "between: [north, south, west]"),
    ("between: [north, south]", "between: [north, north]"),
    ("between: [north, south]", "between: [north, [x]]"),
    ("at_end: true", 'at_end: "yes"'),
    ("rating: success", "rating: win"),
    ("hostility: 0.4", "hostility: 0,4"),
    ("hostility: 0.4", "hostility: high"),
    ("id: north\n", "id: North\n"),
    ("id: north\n", "id: 12\n"),
]


@pytest.mark.parametrize(("old", "new"), BREAKS, ids=[new.split("\n")[0] for _, new in BREAKS])
def test_every_type_error_says_what_to_write(tmp_path, old, new):
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = load_scenario(path)
    assert not result.ok
    for diagnostic in result.diagnostics:
        assert FIX.search(diagnostic.message), f"no suggested fix in: {diagnostic}"


def test_a_wrong_number_names_the_range_and_an_example():
    text = MINIMAL.read_text(encoding="utf-8").replace("hostility: 0.4", "hostility: high", 1)
    [diagnostic] = load_scenario_text(text)
    assert diagnostic.message == "'hostility' must be a number from 0 to 1, e.g. 0.4; got `high`"


def test_an_id_that_yaml_reads_as_a_number_gets_a_valid_id_not_quotes():
    text = MINIMAL.read_text(encoding="utf-8").replace("id: north\n", "id: 12\n", 1)
    [diagnostic] = load_scenario_text(text)
    assert "not a valid id" in diagnostic.message and "e.g. 'x_12'" in diagnostic.message


def load_scenario_text(text: str):
    return load_scenario_bytes(text.encode("utf-8"), "broken.yaml").diagnostics


# Broken conditions an author might write; each message must point at a column and say what to do.
BROKEN_CONDITIONS = [
    "north_south.rung >=",
    "(north_south.rung >= 2",
    "north_south.rung >= 2)",
    "north_south.rung 2",
    "north.hostility > .5",
    "north.hostility > 0.",
    "north.hostility > 0.5.1",
    "north.hostility > $1",
    "max(north.hostility)",
    "clamp(north.hostility, 0)",
    "min(north.hostility south.hostility)",
    "",
    "north.hostilty > 0.5",
    "nort.hostility > 0.5",
]


@pytest.mark.parametrize("condition", BROKEN_CONDITIONS)
def test_every_broken_condition_says_what_to_write(condition):
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "    at_end: true", f"    when: {condition!r}\n    at_end: true", 1
    )
    diagnostics = load_scenario_text(text)
    assert diagnostics, f"{condition!r} should be rejected"
    for diagnostic in diagnostics:
        assert diagnostic.line == 35 and diagnostic.col >= 1
        assert FIX.search(diagnostic.message), f"no suggested fix in: {diagnostic}"
