"""Instruments: delays, maturity, Council votes, coordination and intensity shape their effects."""

from __future__ import annotations

from game.engine import Action, Game, instruments
from game.engine.context import Ctx
from game.engine.record import TurnReport

from .conftest import duel, play

SEEDS = range(300)


def _success_rate(rules, action: Action, code: str) -> float:
    hits = 0
    for seed in SEEDS:
        game = Game(rules, seed)
        game.step([action])
        report = game.step()
        hits += any(m.code == code for m in report.messages)
    return hits / len(SEEDS)


def test_track_two_does_nothing_before_it_matures():
    rules = duel()
    delay = rules.instruments["track_two"].delay
    with_channel = Game(rules, 5)
    without = Game(rules, 5)
    with_channel.step([Action("track_two", "east_west")])
    without.step([])
    for _ in range(delay - 1):
        r = with_channel.step()
        without.step()
        assert not [c for c in r.changes if c.cause.id == "track_two"]
    assert [p.pressure for p in with_channel.state.pairs] == [p.pressure for p in without.state.pairs]
    assert [p.grievance for p in with_channel.state.parties] == [p.grievance for p in without.state.parties]
    matured = with_channel.step()
    assert [c for c in matured.changes if c.cause.id == "track_two" and c.target.endswith("grievance")]


def test_track_two_upgrades_official_mediation_once_matured():
    rules = duel()
    game = Game(rules, 1)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    assert instruments.track_one_bonus(ctx, 0) == 1.0
    game.step([Action("track_two", "east_west")])
    for _ in range(rules.instruments["track_two"].delay):
        game.step()
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    assert instruments.track_one_bonus(ctx, 0) > 1.0


def test_article_99_is_vetoed_by_a_hostile_council_and_costs_prestige():
    rules = duel(council=[{"id": "p1", "name": "First", "support": 0.0, "party": "east"}])
    vetoed = 0
    for seed in range(50):
        game = Game(rules, seed)
        before = game.state.office.prestige
        report = game.step([Action("article_99", "east_west")])
        if any(m.code == "veto" for m in report.messages):
            vetoed += 1
            assert game.state.office.prestige < before
    assert vetoed >= 40


def test_article_99_passes_with_a_supportive_council():
    rules = duel(council=[{"id": "p1", "name": "First", "support": 1.0}])
    for seed in range(30):
        report = Game(rules, seed).step([Action("article_99", "east_west")])
        assert any(m.code == "adopted" for m in report.messages)


def test_article_99_on_a_quiet_crisis_looks_alarmist():
    rules = duel(pair={"pressure": 0.5})
    report = Game(rules, 0).step([Action("article_99", "east_west")])
    assert any(m.code == "no_threat_yet" for m in report.messages)


def test_low_coordination_weakens_instruments():
    low = duel(sg={"coordination": 0.05})
    high = duel(sg={"coordination": 0.95})
    action = Action("good_offices", "east_west")
    accepted = "good_offices_accepted"
    assert _success_rate(low, action, accepted) < _success_rate(high, action, accepted) - 0.1


def test_low_coordination_sends_contradictory_signals():
    rules = duel(sg={"coordination": 0.0})
    mixed = sum(
        any(
            m.code == "mixed_signals"
            for r in play(rules, seed, 3, [Action("good_offices", "east_west")]).reports
            for m in r.messages
        )
        for seed in range(40)
    )
    assert mixed > 5


def test_mediation_weakens_as_intensity_rises():
    rules = duel()
    game = Game(rules, 0)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    factors = []
    for rung in (1, 3, 5):
        game.state.pairs[0].rung = rung
        factors.append(instruments.mediation_factor(ctx, 0))
    assert factors[0] > factors[1] > factors[2]
    calm, hot = duel(pair={"pressure": 1.5}), duel(pair={"pressure": 5.5})
    action = Action("good_offices", "east_west")
    assert _success_rate(calm, action, "good_offices_accepted") > _success_rate(hot, action, "good_offices_accepted")


def test_mediation_weakens_between_unequal_parties():
    rules = duel()
    game = Game(rules, 0)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    equal = instruments.mediation_factor(ctx, 0)
    game.state.parties[0].power, game.state.parties[1].power = 0.9, 0.1
    assert instruments.mediation_factor(ctx, 0) < equal


def test_public_appeal_raises_audience_costs_and_private_appeal_does_not():
    rules = duel()
    public = Game(rules, 2)
    public.step([Action("public_appeal", "east_west")])
    private = Game(rules, 2)
    private.step([Action("private_appeal", "east")])
    assert min(p.audience_cost for p in public.state.parties) > 0
    assert all(c.cause.id != "private_appeal" for c in private.reports[-1].changes if "audience_cost" in c.target)


def test_good_offices_reveal_intentions_and_appeals_do_not():
    rules = duel()
    game = Game(rules, 4)
    game.step([Action("private_appeal", "east")])
    assert all(p.intention is None for p in game.observation().parties)
    game.step([Action("good_offices", "east_west")])
    game.step()
    assert all(p.intention is not None for p in game.observation().parties)


def test_an_envoy_is_tied_up_for_the_mission():
    rules = duel(sg={"envoys": 1})
    game = Game(rules, 0)
    game.step([Action("special_envoy", "east_west")])
    assert game.observation().office.envoys_free == 0
    assert game.why_illegal(Action("special_envoy", "east_west")).code in ("needs_envoys", "under_way")


def test_repeating_an_instrument_on_the_same_target_wears_it_out():
    rules = duel()
    game = Game(rules, 0)
    for _ in range(3):
        game.step([Action("private_appeal", "east")])
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    from game.engine.state import Initiative

    repeated = Initiative("private_appeal", "private_appeal", 0, game.turn, game.turn, game.turn, 0, 1)
    elsewhere = Initiative("private_appeal", "private_appeal", 1, game.turn, game.turn, game.turn, 0, 1)
    assert instruments.fatigue(ctx, repeated) < 0.5
    assert instruments.fatigue(ctx, elsewhere) == 1.0
