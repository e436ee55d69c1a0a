"""Chances: each written once, drawn against by the engine, and given with their reasons — as the player could
know them — when a move fails."""

from __future__ import annotations

from game.engine import Action, Game, chances
from game.engine.intel import believed_state, estimates

from .conftest import duel

TALKS = {"id": "talks", "name": "Talks", "text": "Both sides talk.", "pair": "east_west", "cost": {"prestige": 3},
         "acceptance": 0.3, "modes": ["private", "public"], "on_accept": ["east_west.pressure -= 1"]}


def _first(report, code):
    return next((m for m in report.messages if m.code == code), None)


def test_a_chance_is_the_clipped_product_of_its_terms():
    rules = duel(proposals=[TALKS])
    state = Game(rules, 0).state
    chance = chances.proposal(rules, state, rules.proposals["talks"], "private")
    product = 1.0
    for term in chance.terms:
        product *= term.weight
    assert chance.value == max(chances.PROPOSAL_LOW, min(chances.HIGH, product))


def test_a_refusal_carries_its_reasons_on_the_estimates_the_player_had():
    rules = duel(proposals=[TALKS], sg={"intelligence": 0.1})
    refused = 0
    for seed in range(40):
        game = Game(rules, seed)
        game.step()
        seen = estimates(game.state, rules)
        report = game.step([Action("talks", None, "private")])
        msg = _first(report, "proposal_rejected")
        if msg is None:
            continue
        refused += 1
        assert msg.reasons is not None and msg.reasons.kind == "accepted"
        openness = next(t for t in msg.reasons.terms if t.code == "openness")
        for i, trust, receptivity in openness.args:
            assert trust == seen[i * 5 + 2].value and receptivity == seen[i * 5 + 4].value
    assert refused > 10


def test_reasons_are_the_formula_on_the_believed_world():
    rules = duel(proposals=[TALKS])
    game = Game(rules, 3)
    game.step()
    world = believed_state(game.state, rules, game.filter)
    assert world.parties[0].trust == game.observation().parties[0].estimates["trust"].value
    assert world.office == game.state.office and world.pairs[0].rung == game.state.pairs[0].rung
    assert chances.proposal(rules, world, rules.proposals["talks"], "private").value > 0


def test_rebuffs_brush_offs_and_vetoes_say_why():
    rules = duel(council=[{"id": "p1", "name": "First", "support": 0.1, "party": "east", "permanent": True}],
                 party={"trust": 0.1, "receptivity": 0.1})
    codes = set()
    for seed in range(30):
        game = Game(rules, seed)
        game.step([Action("good_offices", "east_west"), Action("private_appeal", "west"),
                   Action("article_99", "east_west")])
        report = game.step()
        for msg in game.reports[-2].messages + report.messages:
            if msg.code in ("good_offices_rebuffed", "appeal_brushed_off", "veto"):
                assert msg.reasons is not None and msg.reasons.terms
                codes.add(msg.code)
    assert codes == {"good_offices_rebuffed", "appeal_brushed_off", "veto"}


def test_a_rebuff_does_not_tell_which_side_lost_trust():
    rules = duel(party={"trust": 0.1, "receptivity": 0.1})
    for seed in range(20):
        game = Game(rules, seed)
        game.step([Action("good_offices", "east_west")])
        game.step()
        if _first(game.reports[-1], "good_offices_rebuffed"):
            touched = game.state.intel[-1].touched
            assert touched.count(2) == touched.count(7)  # east.trust and west.trust, touched alike
            return
    raise AssertionError("no rebuff in 20 games")


def test_batch_games_build_no_reasons_and_play_the_same():
    rules = duel(proposals=[TALKS])
    recorded, batch = Game(rules, 9), Game(rules, 9, record=False)
    for game in (recorded, batch):
        game.step([Action("talks", None, "public")])
        game.step()
    assert recorded.state == batch.state
