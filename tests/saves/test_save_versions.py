"""Format 2: each game has its own id and autosave, a finished game's save is never written over, the orders and
answers of the current turn survive a load, and format-1 files still load, replay and play on."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game, TurnInput
from game.saves import (
    VERSION,
    SaveError,
    autosave,
    from_json,
    load_save,
    restore_draft,
    resume,
    save_game,
    state_to_dict,
)
from game.saves.store import autosave_name, save_data

from .conftest import as_format_1, play_some


def _text(game, sample, **extra) -> str:
    from game.saves import to_json

    _, digest, path = sample
    return to_json(save_data(game, scenario_path=path, digest=digest, **extra))


# ---- format 1 still reads ----------------------------------------------------------------------------------------


def test_a_format_1_save_loads_replays_and_plays_on(sample, tmp_path):
    rules, digest, path = sample
    game = play_some(rules, turns=4)
    old = tmp_path / "old.json"
    old.write_text(as_format_1(_text(game, sample, player="Ana"), rules))
    before = old.read_bytes()
    save = load_save(old)
    assert save.version == 1 and save.game_id and save.draft is None
    again = resume(save, rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert load_save(old).game_id == save.game_id  # the same id every time it is read
    again.step()
    saved = autosave(again, tmp_path, "Ana", scenario_path=path, digest=digest, game_id=save.game_id)
    assert saved.name == autosave_name("sample_river_dispute", save.game_id)
    assert json.loads(saved.read_text())["version"] == VERSION
    assert old.read_bytes() == before


def test_a_format_1_save_edited_is_still_caught(sample, tmp_path):
    rules, digest, _ = sample
    data = json.loads(as_format_1(_text(play_some(rules), sample), rules))
    data["snapshot"]["office"]["prestige"] = 99.0
    with pytest.raises(SaveError, match="inconsistent with its scenario"):
        resume(from_json(json.dumps(data), "old.json"), rules, digest)


def test_format_2_keeps_launch_bookkeeping_not_every_launch(sample):
    rules, _, _ = sample
    snapshot = json.loads(_text(play_some(rules), sample))["snapshot"]
    assert "launches" not in snapshot
    assert snapshot["last_launch"]["private_appeal"] == 3
    assert {"action": "private_appeal", "target": 1, "turns": [3]} in snapshot["recent_launches"]
    assert all("fatigue" in ini for ini in snapshot["initiatives"])


# ---- one save line per game --------------------------------------------------------------------------------------


def test_finishing_one_game_and_continuing_another_keeps_both(sample, tmp_path):
    rules, digest, path = sample
    finished, other = Game(rules, 1), Game(rules, 2)
    while not finished.done:
        finished.step()
    kept = autosave(finished, tmp_path, scenario_path=path, digest=digest, game_id="f1")
    before = kept.read_bytes()
    for _ in range(3):
        other.step()
        autosave(other, tmp_path, scenario_path=path, digest=digest, game_id="o2")
    assert kept.read_bytes() == before
    assert len(list(tmp_path.glob("autosave-*.json"))) == 2


def test_a_finished_games_save_is_never_written_over(sample, tmp_path):
    rules, digest, path = sample
    finished = Game(rules, 1)
    while not finished.done:
        finished.step()
    slot = save_game(finished, tmp_path, "slot", scenario_path=path, digest=digest, game_id="f1")
    before = slot.read_bytes()
    with pytest.raises(SaveError) as info:
        save_game(Game(rules, 2), tmp_path, "slot", scenario_path=path, digest=digest, game_id="o2")
    assert "holds a finished game" in info.value.message and "\n" not in info.value.message
    assert save_game(finished, tmp_path, "slot", scenario_path=path, digest=digest, game_id="f1") == slot
    assert slot.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]


def test_an_unfinished_games_save_may_be_replaced(sample, tmp_path):
    rules, digest, path = sample
    save_game(Game(rules, 1), tmp_path, "slot", scenario_path=path, digest=digest, game_id="a1")
    slot = save_game(Game(rules, 2), tmp_path, "slot", scenario_path=path, digest=digest, game_id="b2")
    assert load_save(slot).game_id == "b2"


# ---- the current turn's orders and answers -------------------------------------------------------------------------


def _game_with_a_decision(rules):
    """A game with an event awaiting the player's answer (the sample's farmers march comes soon)."""
    game = Game(rules, 3)
    while not game.pending() and not game.done:
        game.step()
    assert game.pending(), "the sample scenario should offer a decision early on"
    return game


def test_queued_orders_and_answers_survive_a_load(sample, tmp_path):
    rules, digest, path = sample
    game = _game_with_a_decision(rules)
    key, _, options = game.pending()[0]
    answers = {key: options[-1][0]}
    orders = [a for a in game.legal_actions() if a.use == "early_warning"][:1]
    assert orders
    saved = save_game(game, tmp_path, "mid-turn", scenario_path=path, digest=digest,
                      draft=TurnInput(tuple(orders), tuple(answers.items())))
    data = load_save(saved)
    assert restore_draft(data.draft, resume(data, rules, digest)) == (orders, answers)


def test_a_draft_that_no_longer_fits_is_left_out_not_refused(sample, tmp_path):
    rules, digest, path = sample
    game = _game_with_a_decision(rules)
    draft = TurnInput((Action("no_such_move"), Action("early_warning")), (("no_such_event", "x"),))
    saved = save_game(game, tmp_path, "odd", scenario_path=path, digest=digest, draft=draft)
    data = load_save(saved)
    assert restore_draft(data.draft, resume(data, rules, digest)) == ([Action("early_warning")], {})


def test_an_empty_draft_is_not_written(sample):
    rules, _, _ = sample
    text = _text(Game(rules, 1), sample, draft=TurnInput((), ()))
    assert "draft" not in json.loads(text)
