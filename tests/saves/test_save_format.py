"""The save file format: strict reading, and one plain line for each way a file can be wrong."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.saves import MIN_COMPATIBLE, SAVE_FORMAT, VERSION, SaveError, from_json, to_json
from game.saves.format import CORRUPT
from game.saves.store import save_data

from .conftest import play_some


@pytest.fixture(scope="module")
def text(sample) -> str:
    rules, digest, path = sample
    return to_json(save_data(play_some(rules), scenario_path=path, digest=digest, player="Ana"))


def _error(text: str) -> str:
    with pytest.raises(SaveError) as info:
        from_json(text, "game.json")
    message = info.value.message
    assert "\n" not in message and message.startswith("game.json: ")
    assert "Traceback" not in message
    return message


def _edited(text: str, edit) -> str:
    data = json.loads(text)
    edit(data)
    return json.dumps(data)


def test_round_trip(sample, text):
    rules, digest, path = sample
    save = from_json(text, "game.json")
    game = play_some(rules)
    assert save.scenario_id == "sample_river_dispute"
    assert save.scenario_digest == digest and save.scenario_path == path
    assert save.seed == 3 and save.player == "Ana"
    assert save.inputs == game.inputs
    assert save.ending == game.ending
    assert to_json(save) == text


def test_file_header(text):
    data = json.loads(text)
    assert data["format"] == SAVE_FORMAT == "good-offices-save"
    assert data["version"] == VERSION
    assert MIN_COMPATIBLE <= VERSION
    assert text.endswith("\n")


@pytest.mark.parametrize("empty", ["", "   \n", "\n\n"])
def test_empty(empty):
    assert _error(empty).endswith("the save file is empty")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.0, 1.0, exclude_max=True))
def test_truncated_anywhere(text, cut):
    body = text.rstrip()
    point = max(1, int(len(body) * cut))
    message = _error(body[:point])
    assert message.endswith(CORRUPT) or message.endswith("not a Good Offices save file")


def test_truncated_says_so(text):
    assert _error(text[: len(text) // 2]) == f"game.json: {CORRUPT}"


@pytest.mark.parametrize("other", ["[]", "42", '"save"', "null", '{"a": 1}', '{"format": "ink", "version": 1}'])
def test_not_a_save(other):
    assert _error(other) == "game.json: this is not a Good Offices save file"


def test_newer_version(text):
    message = _error(_edited(text, lambda d: d.update(version=VERSION + 1)))
    readable = str(VERSION) if MIN_COMPATIBLE == VERSION else f"{MIN_COMPATIBLE} to {VERSION}"
    assert message == (f"game.json: made by a newer version of Good Offices (save format {VERSION + 1}); this "
                       f"version reads format {readable}; update Good Offices to continue this game")


def test_older_version(text):
    message = _error(_edited(text, lambda d: d.update(version=MIN_COMPATIBLE - 1)))
    assert "older version of Good Offices (save format 0)" in message


@pytest.mark.parametrize("version", ["1", 1.0, True, None])
def test_version_not_a_whole_number(text, version):
    message = _error(_edited(text, lambda d: d.update(version=version)))
    assert "format version is missing or not a whole number" in message


def test_version_missing(text):
    assert "format version is missing" in _error(_edited(text, lambda d: d.pop("version")))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("seed",), "'seed' is missing"),
        (("scenario", "digest"), "'scenario.digest' is missing"),
        (("snapshot", "office", "prestige"), "'snapshot.office.prestige' is missing"),
        (("inputs",), "'inputs' is missing"),
        (("snapshot",), "'snapshot' is missing"),
    ],
)
def test_missing_field(text, path, expected):
    def drop(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    assert _error(_edited(text, drop)) == f"game.json: the save file is damaged: {expected}"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d.update(seed="3"), "'seed' should be a whole number"),
        (lambda d: d.update(seed=3.5), "'seed' should be a whole number"),
        (lambda d: d.update(player=7), "'player' should be text"),
        (lambda d: d.update(inputs={}), "'inputs' should be a list"),
        (lambda d: d["inputs"][0].update(actions="good_offices"), "'inputs[0].actions' should be a list"),
        (lambda d: d["snapshot"]["office"].update(budget="lots"), "'snapshot.office.budget' should be a number"),
        (lambda d: d["snapshot"]["pairs"][0].update(rung=True), "'snapshot.pairs[0].rung' should be a whole number"),
        (lambda d: d["snapshot"].update(chose=[["a"]]), "'snapshot.chose[0]' has too few items"),
        (lambda d: d.update(format_extra=1), "'format_extra' is not part of a save file"),
        (lambda d: d.update(scenario=[]), "'scenario' should be a mapping"),
    ],
)
def test_wrong_types(text, edit, expected):
    assert _error(_edited(text, edit)) == f"game.json: the save file is damaged: {expected}"


def test_snapshot_that_disagrees_with_inputs(text):
    message = _error(_edited(text, lambda d: d["inputs"].pop()))
    assert "its turns and its snapshot do not match" in message


def test_ending_that_disagrees_with_snapshot(text):
    message = _error(_edited(text, lambda d: d.update(ending="war")))
    assert "its ending and its snapshot do not match" in message


@given(junk=st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_arbitrary_text_is_refused_plainly(junk):
    with pytest.raises(SaveError) as info:
        from_json(junk, "x.json")
    assert "\n" not in info.value.message


def test_deep_nesting_is_refused_plainly():
    assert _error("[" * 100_000 + "]" * 100_000) == f"game.json: {CORRUPT}"
    assert _error('{"format": "good-offices-save", "version": 1, "seed": ' + "[" * 100_000) == f"game.json: {CORRUPT}"


def test_huge_number_is_refused_plainly(text):
    huge = text.replace('"seed": 3', '"seed": ' + "9" * 50_000)
    assert _error(huge) == f"game.json: {CORRUPT}"


def test_reading_does_not_change_the_data(text):
    data = json.loads(text)
    before = copy.deepcopy(data)
    from_json(json.dumps(data), "game.json")
    assert data == before
