"""Format 4 keeps world opinion in the snapshot; a format-3 file (without it) still loads, replays and plays on,
and an edited opinion is caught like any other edit."""

from __future__ import annotations

import json

import pytest

from game.saves import VERSION, SaveError, load_save, resume, state_to_dict, to_json
from game.saves.store import save_data

from .conftest import play_some


def _write(game, sample, tmp_path) -> tuple:
    _, digest, path = sample
    out = tmp_path / "game.json"
    out.write_text(to_json(save_data(game, scenario_path=path, digest=digest)))
    return out, json.loads(out.read_text())


def test_a_save_keeps_one_opinion_value_per_audience(sample, tmp_path):
    game = play_some(sample[0])
    _, data = _write(game, sample, tmp_path)
    assert data["version"] == VERSION >= 4
    assert data["snapshot"]["opinion"] == game.state.opinion and len(game.state.opinion) == 3


def test_a_format_3_save_without_opinion_resumes_with_it_rebuilt(sample, tmp_path):
    rules, digest, _ = sample
    game = play_some(rules)
    path, data = _write(game, sample, tmp_path)
    data["version"] = 3
    del data["snapshot"]["opinion"]
    path.write_text(json.dumps(data))
    again = resume(load_save(path), rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    again.step()
    assert len(again.state.opinion) == 3


def test_a_format_3_file_with_opinion_is_refused_in_one_line(sample, tmp_path):
    path, data = _write(play_some(sample[0]), sample, tmp_path)
    data["version"] = 3
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        load_save(path)
    assert "'snapshot.opinion' is not part of a save file" in exc.value.message


def test_an_edited_opinion_is_caught(sample, tmp_path):
    rules, digest, _ = sample
    path, data = _write(play_some(rules), sample, tmp_path)
    data["snapshot"]["opinion"][1] = 0.99
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        resume(load_save(path), rules, digest)
    assert exc.value.message.startswith("the save is inconsistent with its scenario")


@pytest.mark.parametrize("value", [[0.5, 0.5], [0.5, "x", 0.5]])
def test_a_malformed_opinion_is_refused_in_one_line(sample, tmp_path, value):
    path, data = _write(play_some(sample[0]), sample, tmp_path)
    data["snapshot"]["opinion"] = value
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        load_save(path)
    assert "snapshot.opinion" in exc.value.message and "\n" not in exc.value.message
