"""Format 5 keeps the answers a delegations class's party teams gave to the proposals and appeals put to them: a
save round-trips and replays them exactly, a format-4 file (without answers) still loads and plays on, and a
damaged or edited answer gets one line."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game
from game.saves import VERSION, SaveError, from_json, load_save, resume, state_to_dict, to_json
from game.saves.store import save_data

from .conftest import play_some

PROPOSAL = Action("shared_filling", None, "private")


def answered(rules) -> Game:
    """The sample game with a proposal floated on its third turn: Karelia's team accepts it, Lowmark's refuses;
    then Lowmark's team hears a private appeal."""
    game = play_some(rules, turns=2)
    game.step([PROPOSAL], None, {"lowmark": "hold"},
              [("karelia", "shared_filling", "accept"), ("lowmark", "shared_filling", "refuse")])
    game.step([Action("private_appeal", "lowmark")], None, None, [("lowmark", "private_appeal", "heard")])
    return game


def _write(game, sample, tmp_path) -> tuple:
    _, digest, path = sample
    out = tmp_path / "game.json"
    out.write_text(to_json(save_data(game, scenario_path=path, digest=digest)))
    return out, json.loads(out.read_text())


def test_a_save_keeps_the_answers_and_replays_them_exactly(sample, tmp_path):
    rules, digest, _ = sample
    game = answered(rules)
    path, data = _write(game, sample, tmp_path)
    assert data["version"] == VERSION == 5
    assert data["inputs"][2]["answers"] == [{"party": "karelia", "to": "shared_filling", "answer": "accept"},
                                            {"party": "lowmark", "to": "shared_filling", "answer": "refuse"}]
    assert "answers" not in data["inputs"][0]  # written only when a team answered
    save = load_save(path)
    assert [i.answers for i in save.inputs] == [i.answers for i in game.inputs]
    again = resume(save, rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert "shared_filling" not in again.state.accepted  # Lowmark's team refused it


def test_a_format_4_save_without_answers_loads_and_plays_on(sample, tmp_path):
    rules, digest, _ = sample
    game = play_some(rules)
    path, data = _write(game, sample, tmp_path)
    data["version"] = 4
    path.write_text(json.dumps(data))
    save = load_save(path)
    assert save.version == 4 and all(i.answers == () for i in save.inputs)
    again = resume(save, rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    again.step()


def test_a_format_4_file_with_answers_is_refused_in_one_line(sample, tmp_path):
    path, data = _write(answered(sample[0]), sample, tmp_path)
    data["version"] = 4
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        load_save(path)
    assert exc.value.message == f"{path}: the save file is damaged: 'inputs[2].answers' is not part of a save file"


@pytest.mark.parametrize("answer, problem", [
    ({"party": "karelia", "to": "shared_filling", "answer": "perhaps"}, "'inputs[2].answers[0].answer' has a value "
                                                                         "this version does not know"),
    ({"party": "karelia", "to": "shared_filling"}, "'inputs[2].answers[0].answer' is missing"),
    ({"party": "", "to": "shared_filling", "answer": "accept"}, "'inputs[2].answers[0].party' is empty"),
    ("accept", "'inputs[2].answers[0]' should be a mapping"),
])
def test_a_corrupt_answer_gets_one_line(sample, tmp_path, answer, problem):
    path, data = _write(answered(sample[0]), sample, tmp_path)
    data["inputs"][2]["answers"][0] = answer
    with pytest.raises(SaveError) as exc:
        from_json(json.dumps(data), "game.json")
    assert exc.value.message == f"game.json: the save file is damaged: {problem}"


def test_an_answer_edited_to_a_party_not_asked_is_caught_on_replay(sample, tmp_path):
    rules, digest, _ = sample
    path, data = _write(answered(rules), sample, tmp_path)
    data["inputs"][3]["answers"][0]["party"] = "karelia"  # the appeal went to Lowmark
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        resume(load_save(path), rules, digest)
    assert exc.value.message.startswith("the save is inconsistent with its scenario")
    assert exc.value.refusal.code == "not_asked"


def test_an_answer_edited_the_other_way_is_caught(sample, tmp_path):
    rules, digest, _ = sample
    path, data = _write(answered(rules), sample, tmp_path)
    data["inputs"][2]["answers"][1]["answer"] = "accept"  # both accept: the replay is another game
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="inconsistent with its scenario"):
        resume(load_save(path), rules, digest)
