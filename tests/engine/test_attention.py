"""Attention: emergencies elsewhere leave fewer initiatives for a quiet crisis."""

from __future__ import annotations

from game.engine import Action, Game

from .conftest import duel

QUAKE = [{"id": "quake", "name": "An earthquake elsewhere", "start": "2000-01-01", "end": "2000-01-05", "attention": 2}]


def test_a_visible_emergency_leaves_fewer_initiatives():
    calm = Game(duel(), 0).observation()
    busy = Game(duel(distractions=QUAKE), 0).observation()
    assert busy.office.attention == calm.office.attention - 2
    assert busy.distractions == ("An earthquake elsewhere",)


def test_no_new_initiative_when_attention_is_exhausted():
    game = Game(duel(distractions=QUAKE, sg={"attention": 3}), 0)
    game.step([Action("private_appeal", "east")])
    assert game.observation().office.attention_free == 1
    game = Game(duel(distractions=QUAKE, sg={"attention": 3}), 0)
    reason = game.why_illegal(Action("visit", "west"), [Action("private_appeal", "east")])
    assert reason is not None and reason.code == "no_attention" and reason.args == (1, 2)


def test_attention_returns_when_the_emergency_passes():
    game = Game(duel(distractions=QUAKE), 0)
    for _ in range(6):
        game.step()
    assert game.observation().office.attention == 3
    assert game.observation().distractions == ()


def test_instruments_that_need_no_attention_stay_available():
    game = Game(duel(distractions=QUAKE, sg={"attention": 2}), 0)
    assert game.observation().office.attention == 0
    legal = {a.use for a in game.legal_actions()}
    assert {"early_warning", "track_two", "wait"} <= legal
    assert "good_offices" not in legal
