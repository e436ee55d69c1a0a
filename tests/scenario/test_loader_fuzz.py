"""Property test: whatever is done to a valid scenario file, the loader answers with a LoadResult, never a crash.

Mutations start from tests/fixtures/minimal.yaml: on the data (delete keys, replace values with random scalars,
lists, mappings, huge numbers, duplicate nodes) and on the raw text and bytes (insert, delete, truncate).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from game.scenario.calendar import turn_count
from game.scenario.limits import MAX_NUMBER, MAX_TURNS, forbidden_character
from game.scenario.loader import LoadResult, load_scenario_bytes
from game.scenario.model import Scenario
from tests.fuzzing import fuzz

MINIMAL_BYTES = (Path(__file__).resolve().parent.parent / "fixtures" / "minimal.yaml").read_bytes()
MINIMAL_DATA = yaml.safe_load(MINIMAL_BYTES)


@pytest.fixture(scope="module", autouse=True)
def checks_available():
    """Use the real semantic checks when checks.py exists; until then a stub that finds nothing."""
    if importlib.util.find_spec("game.scenario.checks") is not None:
        yield
        return
    module = types.ModuleType("game.scenario.checks")
    module.run_checks = lambda scenario: []
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "game.scenario.checks", module)
        yield


def assert_well_formed(result: Any) -> None:
    """The loader's contract on any input: a LoadResult, a scenario or an error, every diagnostic located."""
    assert isinstance(result, LoadResult)
    event("accepted" if result.scenario is not None else "rejected")
    has_error = any(d.severity == "error" for d in result.diagnostics)
    if result.scenario is not None:
        assert isinstance(result.scenario, Scenario)
        assert not has_error
        assert_playable(result.scenario)
    else:
        assert has_error
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert diagnostic.message.strip()
        assert "\n" not in str(diagnostic)
    assert [(d.line, d.col) for d in result.diagnostics] == sorted((d.line, d.col) for d in result.diagnostics)


def assert_playable(scenario: Scenario) -> None:
    """What `validate` promises of an accepted file: a calendar within the turn limit, finite numbers, and texts
    without control characters (other than tab and line break)."""
    assert turn_count(scenario.calendar) <= MAX_TURNS
    assert all(isinstance(v, bool) or abs(v) <= MAX_NUMBER for v in scenario.variables.values())
    todo = [scenario.model_dump()]
    while todo:
        node = todo.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(key, str):
                assert forbidden_character(key) is None
            if isinstance(value, str):
                assert forbidden_character(value) is None, repr(value)
            elif isinstance(value, dict | list):
                todo.append(value)


# ---- random values --------------------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["NO", "off", "yes", "12:30", "1e3", "0x1F", "~", "", "<<", "&a", "*a", "!!str", "good_offices"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["x" * 250, "y" * 21000, 10**400]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12) | st.booleans(), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into a plain-data tree (the fixture is small, so recursion is fine here)."""
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths(child, prefix + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths(child, prefix + (index,))
    return found


def at(root: Any, path: tuple) -> Any:
    for part in path:
        root = root[part]
    return root


def mutate_data(data: Any, draw: Any) -> Any:
    """Apply one structural change at a random path of `data` (in place)."""
    path = draw(st.sampled_from(paths(data)[1:]))
    parent, last = at(data, path[:-1]), path[-1]
    action = draw(st.sampled_from(["delete", "replace", "duplicate", "add_key"]))
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = draw(values)
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif action == "duplicate":
        parent[draw(st.text(min_size=1, max_size=10))] = parent[last]
    elif isinstance(parent[last], dict):
        parent[last][draw(st.sampled_from(["titel", "id", "hostility", "when", "extra", "<<"]))] = draw(values)
    return data


@st.composite
def mutated_documents(draw: Any) -> bytes:
    """The minimal scenario with a few structural changes, dumped back to YAML."""
    data = yaml.safe_load(MINIMAL_BYTES)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        data = mutate_data(data, draw)
    style = draw(st.sampled_from([None, True, False]))
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=style).encode("utf-8")


YAML_BITS = [
    "\n",
    ": ",
    "- ",
    "  ",
    "\t",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "!!python/",
    "<<: ",
    "---\n",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "\\",
    '"\\0"',
    '"\\e]0;x\\a"',
    '"\\x1b[2J"',
    '"\\u0000"',
    '"\\x85"',
    "\\e",
    "\\0",
]


@st.composite
def edited_bytes(draw: Any) -> bytes:
    """The minimal scenario's bytes with random insertions, deletions and a possible truncation."""
    data = bytearray(MINIMAL_BYTES)
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        offset = draw(st.integers(min_value=0, max_value=len(data)))
        kind = draw(st.sampled_from(["insert_text", "insert_yaml", "insert_bytes", "delete", "truncate", "dup_line"]))
        if kind == "insert_text":
            data[offset:offset] = draw(st.text(max_size=20)).encode("utf-8", "surrogatepass")
        elif kind == "insert_yaml":
            data[offset:offset] = "".join(draw(st.lists(st.sampled_from(YAML_BITS), min_size=1, max_size=6))).encode()
        elif kind == "insert_bytes":
            data[offset:offset] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[offset : offset + draw(st.integers(min_value=1, max_value=40))]
        elif kind == "truncate":
            del data[offset:]
        else:
            start = data.rfind(b"\n", 0, offset) + 1
            end = data.find(b"\n", offset)
            line = bytes(data[start : end + 1 if end >= 0 else len(data)])
            data[start:start] = line
    return bytes(data)


# ---- properties -------------------------------------------------------------------------------------------------


def test_unchanged_fixture_is_valid():
    result = load_scenario_bytes(MINIMAL_BYTES, "minimal.yaml")
    assert result.ok, [str(d) for d in result.diagnostics]


@fuzz(1500)
@given(mutated_documents())
def test_structural_mutations_never_crash(document):
    assert_well_formed(load_scenario_bytes(document, "fuzz.yaml"))


@fuzz(2000)
@given(edited_bytes())
def test_text_edits_never_crash(data):
    assert_well_formed(load_scenario_bytes(data, "fuzz.yaml"))


@fuzz(400)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    assert_well_formed(load_scenario_bytes(data, "fuzz.yaml"))
