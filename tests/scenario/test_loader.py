"""Tests for the scenario loader: every problem of a file becomes one located, plain-language diagnostic."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import types
from pathlib import Path

import pytest

from game.scenario.diagnostics import Diagnostic, Problem
from game.scenario.loader import LoadResult, load_scenario, load_scenario_bytes
from game.scenario.model import Scenario
from game.scenario.yamlload import MAX_BYTES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINIMAL = FIXTURES / "minimal.yaml"
HOSTILE = sorted((FIXTURES / "hostile").glob("*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
PWNED = Path("/tmp/good_offices_pwned")
ONE_LINE = re.compile(r"^(?P<file>[^\n]+):(?P<line>\d+):(?P<col>\d+): error: [^\n]+$")


@pytest.fixture
def checks(monkeypatch):
    """Stand in for checks.run_checks (being written elsewhere): returns the problems a test puts in the list."""
    problems: list[Problem] = []
    module = types.ModuleType("game.scenario.checks")
    module.run_checks = lambda scenario: list(problems)
    monkeypatch.setitem(sys.modules, "game.scenario.checks", module)
    return problems


def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def load_text(text: str, name: str = "s.yaml") -> LoadResult:
    return load_scenario_bytes(text.encode("utf-8"), name)


def errors(result: LoadResult) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.severity == "error"]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# ---- the happy path -----------------------------------------------------------------------------------------


def test_minimal_fixture_loads(checks):
    result = load_scenario(MINIMAL)
    assert result.ok, [str(d) for d in result.diagnostics]
    assert isinstance(result.scenario, Scenario)
    assert result.diagnostics == []
    assert result.path == str(MINIMAL)
    assert result.digest == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()


def test_minimal_fixture_passes_the_real_checks():
    result = load_scenario(MINIMAL)
    assert result.ok, [str(d) for d in result.diagnostics]


def test_load_scenario_accepts_pathlike_and_str(checks):
    assert load_scenario(str(MINIMAL)).ok
    assert load_scenario(MINIMAL).ok


# ---- invalid fixtures: each documents its expected diagnostic on its first line ------------------------------


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_invalid_fixture_reports_expected_line_and_col(path, checks):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# expect: (\d+):(\d+): (.+)", first)
    assert match, f"{path.name} must start with '# expect: LINE:COL: message'"
    line, col, words = int(match[1]), int(match[2]), match[3]
    result = load_scenario(path)
    assert not result.ok
    assert result.scenario is None
    found = errors(result)
    assert len(found) == 1, [str(d) for d in found]
    assert (found[0].line, found[0].col) == (line, col), str(found[0])
    assert words in found[0].message
    assert str(found[0]).startswith(f"{path}:{line}:{col}: error: ")


def test_invalid_fixtures_exist():
    names = {p.name for p in INVALID}
    assert {"unknown_field.yaml", "norway_no.yaml", "time_title.yaml", "missing_field.yaml"} <= names
    assert {"wrong_type.yaml", "out_of_range.yaml"} <= names


# ---- hostile fixtures -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", HOSTILE, ids=[p.name for p in HOSTILE])
def test_hostile_fixture_gives_one_clear_error(path, checks):
    PWNED.unlink(missing_ok=True)
    result = load_scenario(path)
    assert isinstance(result, LoadResult)
    assert not result.ok
    assert result.scenario is None
    assert len(result.diagnostics) == 1
    text = str(result.diagnostics[0])
    match = ONE_LINE.match(text)
    assert match, text
    assert match["file"] == str(path)
    assert int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert not PWNED.exists()


def test_hostile_fixtures_are_all_there():
    names = {p.name for p in HOSTILE}
    expected = {"python_tag", "alias_bomb", "deep_nesting", "binary", "latin1", "empty", "duplicate_keys"}
    assert {n + ".yaml" for n in expected | {"top_level_list"}} <= names


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("python_tag.yaml", "tag '!!python/object/apply:os.system' is not allowed"),
        ("alias_bomb.yaml", "200,000 values"),
        ("deep_nesting.yaml", "nested more than 64 levels"),
        ("binary.yaml", "binary"),
        ("latin1.yaml", "the file is not UTF-8 text; save it as UTF-8"),
        ("empty.yaml", "the file is empty"),
        ("duplicate_keys.yaml", "duplicate key 'id' (first at line 2)"),
        ("top_level_list.yaml", "must be a mapping of fields like `id:`, `title:`"),
    ],
)
def test_hostile_messages(name, words, checks):
    result = load_scenario(FIXTURES / "hostile" / name)
    assert words in result.diagnostics[0].message


def test_latin1_points_at_first_bad_byte(checks):
    diagnostic = load_scenario(FIXTURES / "hostile" / "latin1.yaml").diagnostics[0]
    assert (diagnostic.line, diagnostic.col) == (3, 11)


def test_generated_deep_mappings_are_refused(checks):
    result = load_scenario_bytes(b"{a: " * 20000, "deep.yaml")
    assert not result.ok
    assert "nested" in result.diagnostics[0].message


# ---- unreadable paths -----------------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    result = load_scenario(path)
    assert not result.ok and result.digest == ""
    assert str(result.diagnostics[0]).startswith(f"{path}:1:1: error: there is no file here")


def test_directory(tmp_path):
    result = load_scenario(tmp_path)
    assert [(d.line, d.col) for d in result.diagnostics] == [(1, 1)]
    assert "folder" in result.diagnostics[0].message


def test_file_too_big_is_not_read(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES * 50)
    result = load_scenario(path)
    assert "too big" in result.diagnostics[0].message
    assert result.digest == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_file_is_not_read(tmp_path):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    result = load_scenario(path)
    assert "not a regular file" in result.diagnostics[0].message


# ---- pydantic errors -> diagnostics ---------------------------------------------------------------------------


def test_all_problems_are_reported_in_one_run_in_file_order(checks):
    text = minimal_text().replace("title: ", "titel: ", 1).replace("hostility: 0.4", "hostility: 3")
    text = text.replace("turn_unit: week", "turn_unit: weeks")
    result = load_text(text)
    messages = [d.message for d in result.diagnostics]
    assert len(messages) == 4, messages
    assert [d.line for d in result.diagnostics] == sorted(d.line for d in result.diagnostics)
    assert any("did you mean 'title'" in m for m in messages)
    assert any("missing required field 'title'" in m for m in messages)
    assert any("did you mean 'week'" in m for m in messages)
    assert any("from 0 to 1, e.g. 0.4; got `3`" in m for m in messages)


def test_unknown_nested_field_names_the_model_fields(checks):
    text = minimal_text().replace("    hostility: 0.4\n", "    hostility: 0.4\n    hostilty: 0.2\n")
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.message == "unknown field 'hostilty' in parties #1 (north) — did you mean 'hostility'?"
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "hostilty"), 5)


def test_an_unknown_field_spelt_like_pydantics_key_marker_is_an_unknown_field(checks):
    # found by the long fuzzing run: a top-level `'[key]': x` crashed the message builder
    text = minimal_text() + "'[key]': minimal\n"
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.message.startswith("unknown field '[key]' in the scenario"), diagnostic.message
    assert diagnostic.line == line_of(text, "'[key]'")


def test_unknown_field_without_close_match_lists_fields(checks):
    text = minimal_text() + "zzz: 1\n"
    [diagnostic] = load_text(text).diagnostics
    assert "expected one of" in diagnostic.message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("NO", '`NO` was read as the boolean false (YAML 1.1 reads yes/no/on/off as true/false) — quote it: "NO"'),
        ("off", "`off` was read as the boolean false"),
        ("yes", "`yes` was read as the boolean true"),
        ("12:30", '`12:30` was read as the number 750 (YAML reads h:m as base-60) — quote it: "12:30"'),
        ("1.0e+3", "`1.0e+3` was read as the number 1000"),
        ("1962-10-16", "`1962-10-16` was read as a date"),
        ("007", "`007` was read as the number 7 (YAML 1.1 reads a leading 0 as octal)"),
        ("null", "`null` was read as null"),
    ],
)
def test_yaml_traps_are_explained_where_text_is_expected(value, words, checks):
    text = minimal_text().replace("name: Southland", f"name: {value}")
    [diagnostic] = load_text(text).diagnostics
    assert words in diagnostic.message
    assert (diagnostic.line, diagnostic.col) == (line_of(text, f"name: {value}"), 11)


def test_quoted_trap_words_are_fine(checks):
    assert load_text(minimal_text().replace("name: Southland", 'name: "NO"')).ok


def test_trap_in_a_list_item(checks):
    text = minimal_text().replace('authors: ["Good Offices tests"]', "authors: [NO]")
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.message.startswith("`NO` was read as the boolean false")
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "authors"), 11)


def test_trap_in_a_key(checks):
    text = minimal_text() + "variables:\n  on: 1\n"
    [diagnostic] = load_text(text).diagnostics
    assert "`on` was read as the boolean true" in diagnostic.message
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "  on:"), 3)


def test_boolean_in_a_number_field_is_a_warning(checks):
    result = load_text(minimal_text().replace("hostility: 0.4", "hostility: yes"))
    assert result.ok and result.scenario is not None
    [warning] = result.diagnostics
    assert warning.severity == "warning" and "counts as 1" in warning.message


def test_empty_value_points_at_the_key(checks):
    text = minimal_text().replace('summary: "Two neighbours quarrel; the Secretary-General can help."', "summary:")
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "summary:"), 1)
    assert "'summary' is empty" in diagnostic.message


def test_missing_field_points_at_parent_key(checks):
    text = minimal_text().replace('    text: "The quarrel cools."\n', "")
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.message.startswith("missing required field 'text' in endings #1 (calm)")
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "- id: calm"), 5)


def test_missing_top_level_field(checks):
    text = minimal_text().replace("licence: CC-BY-4.0\n", "")
    [diagnostic] = load_text(text).diagnostics
    assert diagnostic.message.startswith("missing required field 'licence' in the scenario")


def test_model_validator_error_is_located_at_the_model(checks):
    text = minimal_text().replace("end: 2030-01-29", "end: 2029-01-29")
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "calendar:"), 1)
    assert diagnostic.message.startswith("the calendar ends before it starts")


def test_union_branches_become_one_diagnostic(checks):
    event = "events:\n  - id: e\n    title: t\n    text: x\n    chance: {p: 1}\n"
    [diagnostic] = load_text(minimal_text() + event).diagnostics
    assert diagnostic.message.startswith("'chance' must be a number or text; got a mapping — e.g. `0.2`")
    assert "constrained" not in diagnostic.message


def test_union_constraint_error_wins(checks):
    event = "events:\n  - id: e\n    title: t\n    text: x\n    chance: 5\n"
    [diagnostic] = load_text(minimal_text() + event).diagnostics
    assert diagnostic.message == "'chance' must be a number from 0 to 1, e.g. 0.2; got `5`"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("hostility: 0.4", "hostility: 0,4", "use a dot for decimals"),
        ("id: north\n", "id: North\n", "is not a valid id: ids use lower-case letters"),
        ("turn_unit: week", "turn_unit: fortnight", "must be one of 'day', 'week', 'month'; got `fortnight`"),
        ("start: 2030-01-01", "start: 1 January 2030", "must be a date written YYYY-MM-DD"),
        ("start: 2030-01-01", "start: 2030-01-01 12:00:00", "without a time of day"),
        ("calendar:\n", "calendar: [1]\nunused:\n", "must be a mapping of fields"),
        ("parties:\n", "parties: lots\nunused:\n", "must be a list; got `lots` — write one item per line starting"),
        ('authors: ["Good Offices tests"]', "authors: []", "'authors' needs at least 1 item; it has 0"),
        ("between: [north, south]", "between: [north, south, west]", "at most 2 items; it has 3"),
        ('title: "A Minimal Dispute"', 'title: ""', "'title' must not be empty"),
        ('title: "A Minimal Dispute"', f'title: "{"x" * 201}"', "'title' is too long (201 characters; at most 200)"),
        ("at_end: true", 'at_end: "yes"', "must be true or false (without quotes)"),
        ("rating: success", "rating: yes", "'rating' must be one of 'success', 'partial', 'failure'; got `yes`"),
        ("id: minimal", "format: 2\nid: minimal", "'format' must be 1; got `2`"),
        ('name: "The Secretary-General"', 'name: "SG"\n  envoys: 2.5', "'envoys' must be a whole number from 0 to 20"),
        ("between: [north, south]", "between: [north, [x]]", "item 2 of 'between' must be text; got a list"),
    ],
)
def test_plain_messages(old, new, words, checks):
    text = minimal_text().replace(old, new, 1)
    result = load_text(text)
    assert not result.ok
    assert any(words in d.message for d in result.diagnostics), [str(d) for d in result.diagnostics]
    for diagnostic in result.diagnostics:
        assert "Input should" not in diagnostic.message
        assert "[key]" not in diagnostic.message


def test_diagnostic_format_uses_the_given_filename(checks):
    result = load_scenario_bytes(minimal_text().replace("title:", "titel:", 1).encode(), "my/file.yaml")
    assert all(str(d).startswith("my/file.yaml:") for d in result.diagnostics)
    assert result.path == "my/file.yaml"


# ---- problems from the semantic checks ---------------------------------------------------------------------


def test_problem_at_a_value(checks):
    text = minimal_text()
    checks.append(Problem(("parties", 1, "hostility"), "error", "too hostile"))
    result = load_text(text)
    assert not result.ok and result.scenario is None
    [diagnostic] = result.diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "hostility: 0.5"), 16)
    assert str(diagnostic) == f"s.yaml:{diagnostic.line}:16: error: too hostile"


def test_problem_at_a_key(checks):
    text = minimal_text()
    checks.append(Problem(("pairs", 0, "pressure"), "error", "bad key", key=True))
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "pressure"), 5)


def test_problem_offset_in_plain_and_quoted_scalars(checks):
    text = minimal_text()
    checks.append(Problem(("parties", 0, "name"), "error", "plain", offset=3))
    checks.append(Problem(("title",), "error", "quoted", offset=2))
    result = load_text(text)
    by_message = {d.message: (d.line, d.col) for d in result.diagnostics}
    assert by_message["plain"] == (line_of(text, "Northland"), 11 + 3)
    assert by_message["quoted"] == (line_of(text, "title:"), 8 + 1 + 2)


def test_problem_offset_in_block_scalar_points_at_value(checks):
    text = minimal_text().replace('  aims: "Keep the peace."', "  aims: |\n    Keep the peace.\n    And more.")
    checks.append(Problem(("briefing", "aims"), "error", "block", offset=5))
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "aims:"), 9)


def test_problem_at_a_defaulted_field_falls_back_to_nearest_ancestor(checks):
    text = minimal_text()
    checks.append(Problem(("instruments", 0, "id"), "error", "ancestor", offset=4))
    [diagnostic] = load_text(text).diagnostics
    assert (diagnostic.line, diagnostic.col) == (line_of(text, "use: good_offices"), 5)


def test_warnings_keep_the_scenario_and_are_sorted(checks):
    checks.append(Problem(("endings", 0), "warning", "late"))
    checks.append(Problem(("title",), "warning", "early"))
    result = load_text(minimal_text())
    assert result.ok and isinstance(result.scenario, Scenario)
    assert [d.message for d in result.diagnostics] == ["early", "late"]


def test_pydantic_errors_skip_the_checks(checks):
    checks.append(Problem(("title",), "error", "should not appear"))
    result = load_text(minimal_text().replace("hostility: 0.4", "hostility: 2"))
    assert all(d.message != "should not appear" for d in result.diagnostics)


def test_aliases_and_merges_keep_usable_marks(checks):
    text = (
        minimal_text()
        .replace(
            "  - id: north\n    name: Northland\n    hostility: 0.4\n",
            "  - &base\n    id: north\n    name: Northland\n    hostility: 0.4\n",
        )
        .replace(
            "  - id: south\n    name: Southland\n    hostility: 0.5\n",
            "  - <<: *base\n    id: south\n    name: Southland\n    hostility: 0.5\n    trust: 7\n",
        )
    )
    [diagnostic] = load_text(text).diagnostics
    assert "'trust' must be a number from 0 to 1" in diagnostic.message
    assert diagnostic.line == line_of(text, "trust: 7")
