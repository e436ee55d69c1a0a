"""The odds shown before a move: the engine's own chance, on the player's estimates, with the range they allow."""

from __future__ import annotations

import pytest

from game.engine import Action, Game, chances
from game.engine.checker import fingerprint
from game.sim.odds import OddsBook, chance_of, odds

from ..engine.conftest import duel

TALKS = {"id": "talks", "name": "Talks", "text": "Both sides talk.", "pair": "east_west", "cost": {"prestige": 3},
         "acceptance": 0.5, "modes": ["private", "public"], "on_accept": ["east_west.pressure -= 1"]}


def _rules(**sg):
    return duel(proposals=[TALKS], council=[{"id": "p1", "name": "First", "support": 0.4, "permanent": True}],
                sg={"intelligence": 0.3, **sg})


def _drawn(monkeypatch, name: str) -> list[float]:
    """Record every value the engine draws against through chances.`name`."""
    seen: list[float] = []
    real = getattr(chances, name)

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen.append(getattr(result, "value", result))
        return result

    monkeypatch.setattr(chances, name, spy)
    return seen


@pytest.mark.parametrize(("action", "formula", "measured"), [
    (Action("talks", None, "private"), "proposal", True),
    (Action("talks", None, "public"), "proposal", True),
    (Action("private_appeal", "west"), "brushed_off", False),
    (Action("article_99", "east_west"), "council_passes", True),
])
def test_on_the_true_world_the_odds_are_the_engines_chance(monkeypatch, action, formula, measured):
    rules = _rules()
    for seed in range(5):
        game = Game(rules, seed)
        game.step()
        game.step()
        expected = chance_of(game, action, game.state)  # the true state: estimates equal to the truth
        if formula == "council_passes":
            vetoes = _drawn(monkeypatch, "veto")
            game.step([action])
            passes = 1.0
            for v in vetoes:
                passes *= 1.0 - v
            assert len(vetoes) == 1 and expected.value == pytest.approx(passes, abs=1e-12)
        else:
            drawn = _drawn(monkeypatch, formula)
            game.step([action])
            assert drawn and drawn[0] == expected.value
        monkeypatch.undo()


def test_the_odds_range_narrows_with_better_intelligence():
    def spread(quality: float) -> float:
        total = 0.0
        for seed in range(6):
            game = Game(_rules(intelligence=quality), seed)
            game.step()
            found = odds(game, Action("private_appeal", "east"))
            total += found.high - found.low
        return total

    assert spread(0.0) > spread(0.9)


def test_the_odds_bracket_how_often_it_comes_off():
    """Over many worlds the engine's outcome frequency agrees with the odds it showed."""
    rules = _rules(intelligence=0.6)
    shown = heard = 0.0
    runs = 300
    for seed in range(runs):
        game = Game(rules, seed)
        shown += odds(game, Action("private_appeal", "east"), runs=20).chance
        report = game.step([Action("private_appeal", "east")])
        heard += not any(m.code == "appeal_brushed_off" for m in report.messages)
    assert abs(shown / runs - heard / runs) < 0.08


def test_moves_left_to_no_chance_have_no_odds():
    game = Game(_rules(), 1)
    assert odds(game, Action("early_warning")) is None
    assert odds(game, Action("public_appeal", "east_west")) is None
    assert odds(game, Action("talks", None, "private")).kind == "accepted"
    assert odds(game, Action("visit", "east")).kind == "welcomed"


def test_odds_never_change_the_game_and_read_only_what_the_player_sees():
    one, two = Game(_rules(), 6), Game(_rules(), 6)
    for p in two.state.parties:
        p.intention, p.restraint, p.grievance, p.audience_cost = "settle", 0.9, -0.5, 0.7
    assert one.observation() == two.observation()
    before = fingerprint(one.state)
    book_one, book_two = OddsBook(one), OddsBook(two)
    for action in one.legal_actions():
        assert book_one.odds(action) == book_two.odds(action)
    assert fingerprint(one.state) == before
