"""A facilitated game's save: the interventions, the class's votes and the session code are written, read back and
replayed; a save without them is written exactly as before, so older readers and version-1 files still agree."""

from __future__ import annotations

import json

import pytest

from game.engine import Intervention, Vote
from game.saves import VERSION, SaveError, from_json, load_save, resume, save_game, state_to_dict, to_json
from game.saves.store import save_data

from .conftest import play_some

VOTE = Vote(1, (("good_offices karelia_lowmark", 12), ("wait", 3)), "good_offices karelia_lowmark")


def facilitated(rules):
    game = play_some(rules, turns=1)
    game.intervene(Intervention(1, "override", "lowmark", "step_back", "to see what happens"))
    game.intervene(Intervention(1, "inject", "farmers_march"))
    game.step()
    return game


def test_interventions_votes_and_the_session_code_round_trip(sample, tmp_path):
    rules, digest, path = sample
    game = facilitated(rules)
    saved = save_game(game, tmp_path, "class", "Ana", scenario_path=path, digest=digest, session="RIVE-0K3M",
                      votes=[VOTE])
    data = load_save(saved)
    assert data.interventions == game.interventions and data.votes == [VOTE] and data.session == "RIVE-0K3M"
    assert json.loads(saved.read_text())["version"] == VERSION
    again = resume(data, rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.interventions == game.interventions


def test_a_save_without_interventions_has_no_new_fields(sample):
    rules, digest, path = sample
    written = json.loads(to_json(save_data(play_some(rules), scenario_path=path, digest=digest)))
    assert not {"interventions", "votes", "session"} & set(written)
    assert from_json(json.dumps(written), "old.json").interventions == []


def test_a_save_whose_interventions_are_removed_no_longer_replays(sample, tmp_path):
    rules, digest, path = sample
    saved = save_game(facilitated(rules), tmp_path, "class", scenario_path=path, digest=digest)
    data = json.loads(saved.read_text())
    del data["interventions"]
    saved.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="inconsistent with its scenario"):
        resume(load_save(saved), rules, digest)


def test_a_bad_intervention_kind_is_one_plain_line(sample, tmp_path):
    rules, digest, path = sample
    saved = save_game(facilitated(rules), tmp_path, "class", scenario_path=path, digest=digest)
    data = json.loads(saved.read_text())
    data["interventions"][0]["kind"] = "rewind"
    with pytest.raises(SaveError) as info:
        from_json(json.dumps(data), "class.json")
    assert info.value.message == ("class.json: the save file is damaged: 'interventions[0].kind' has a value this "
                                  "version does not know")


def test_decisions_taken_in_the_parties_seats_round_trip_and_replay(sample, tmp_path):
    rules, digest, path = sample
    game = play_some(rules, turns=1)
    game.step([], None, {"lowmark": "step_back", rules.party_ids[0]: "escalate"})
    game.step()
    saved = save_game(game, tmp_path, "class", "Delegations", scenario_path=path, digest=digest)
    turns = json.loads(saved.read_text())["inputs"]
    assert "decisions" not in turns[0] and "decisions" not in turns[2]
    assert turns[1]["decisions"] == dict(game.inputs[1].decisions)
    data = load_save(saved)
    assert data.inputs == game.inputs
    assert state_to_dict(resume(data, rules, digest).state) == state_to_dict(game.state)
