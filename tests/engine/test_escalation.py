"""Escalation: Richardson dynamics, the ladder's sticky thresholds, incidents."""

from __future__ import annotations

from game.engine import Game, escalation
from game.engine.context import Ctx
from game.engine.record import TurnReport

from .conftest import duel


def _run_richardson(rules, steps: int) -> list[float]:
    game = Game(rules, 0)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    for _ in range(steps):
        escalation.step_hostility(ctx)
    return [p.hostility for p in game.state.parties]


def test_hostility_runs_away_when_reaction_exceeds_restraint():
    rules = duel(party={"hostility": 0.2, "restraint": 0.2, "grievance": 0.0}, pair={"reaction": [0.5, 0.5]})
    assert _run_richardson(rules, 60) == [1.0, 1.0]


def test_hostility_settles_at_richardson_equilibrium_when_restraint_exceeds_reaction():
    # dx/dt = a·y − m·x + g with a = 0.1, m = 0.4, g = 0.05: x* = g / (m − a) = 1/6.
    rules = duel(party={"hostility": 0.9, "restraint": 0.4, "grievance": 0.05}, pair={"reaction": [0.1, 0.1]})
    for x in _run_richardson(rules, 200):
        assert abs(x - 1 / 6) < 1e-3


def test_negative_grievance_calms_to_zero():
    rules = duel(party={"hostility": 0.5, "restraint": 0.3, "grievance": -0.2}, pair={"reaction": [0.1, 0.1]})
    assert _run_richardson(rules, 100) == [0.0, 0.0]


THRESHOLDS = (False, False, False, False, True, True, True, True)


def test_rung_follows_pressure_below_thresholds():
    assert escalation.rung_for(2.5, 0, THRESHOLDS, 0.35) == 2
    assert escalation.rung_for(3.99, 2, THRESHOLDS, 0.35) == 3
    assert escalation.rung_for(1.2, 3, THRESHOLDS, 0.35) == 1


def test_crossing_a_threshold_needs_extra_pressure():
    assert escalation.rung_for(4.2, 3, THRESHOLDS, 0.35) == 3
    assert escalation.rung_for(4.4, 3, THRESHOLDS, 0.35) == 4


def test_thresholds_are_sticky_once_crossed():
    # At rung 4 (a threshold), pressure just under 4 does not drop the pair back.
    assert escalation.rung_for(3.8, 4, THRESHOLDS, 0.35) == 4
    assert escalation.rung_for(3.6, 4, THRESHOLDS, 0.35) == 3


def test_same_pressure_maps_to_different_rungs_depending_on_the_way_it_came():
    assert escalation.rung_for(4.2, 3, THRESHOLDS, 0.35) != escalation.rung_for(4.2, 4, THRESHOLDS, 0.35)


def test_incidents_grow_likelier_with_each_rung():
    rules = duel()
    game = Game(rules, 0)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    chances = []
    for rung in range(0, 7):
        game.state.pairs[0].rung = rung
        chances.append(escalation.incident_chance(ctx, 0))
    assert chances == sorted(chances) and chances[0] < chances[-1]


def test_preventive_deployment_makes_incidents_rarer():
    rules = duel()
    game = Game(rules, 0)
    ctx = Ctx(rules, game.state, game.dice, TurnReport(0, "x"))
    without = escalation.incident_chance(ctx, 0)
    game.state.pairs[0].deployment_left = 3
    assert escalation.incident_chance(ctx, 0) < without


def test_a_pair_has_no_random_incidents_before_its_incidents_from_date():
    rules = duel(pair={"incidents_from": "2000-01-08"}, tuning={"incident_rate": 0.2})
    game = Game(rules, 0)
    for _ in range(rules.turns):
        if game.done:
            break
        game.step()
    turns = [r.turn for r in game.reports if any(m.code == "incident" for m in r.messages)]
    assert turns, "with a high incident rate some incident must happen from 8 January on"
    assert min(turns) >= 7, f"an incident before 8 January (turn 7): turns {turns}"


def test_incidents_from_silences_only_the_days_before_it():
    quiet, loud = duel(pair={"incidents_from": "2000-01-04"}), duel()
    a, b = Game(quiet, 5), Game(loud, 5)
    a.state.turn = b.state.turn = 5
    ctx_a = Ctx(quiet, a.state, a.dice, TurnReport(5, "x"))
    ctx_b = Ctx(loud, b.state, b.dice, TurnReport(5, "x"))
    assert escalation.incident_chance(ctx_a, 0) == escalation.incident_chance(ctx_b, 0) > 0
    a.state.turn = b.state.turn = 2
    ctx_a = Ctx(quiet, a.state, a.dice, TurnReport(2, "x"))
    ctx_b = Ctx(loud, b.state, b.dice, TurnReport(2, "x"))
    assert escalation.incident_chance(ctx_a, 0) == 0.0 < escalation.incident_chance(ctx_b, 0)


def _visibility_and_opinion(rules, turns: int) -> list[tuple[float, tuple[float, ...]]]:
    game = Game(rules, 3)
    out = []
    for _ in range(turns):
        game.step()
        out.append((game.state.office.visibility, tuple(game.state.opinion)))
    return out


def test_while_a_crisis_is_secret_the_worlds_attention_and_opinion_follow_the_rung_it_sees():
    open_crisis = duel(pair={"pressure": 4.5})
    secret = duel(pair={"pressure": 4.5, "secret": {"until": "2000-01-04", "rung": 0, "public": "2000-01-06"}})
    a, b = _visibility_and_opinion(open_crisis, 7), _visibility_and_opinion(secret, 7)
    assert b[0][0] < a[0][0], "a secret brink draws less of the world's attention than an open one"
    game = Game(secret, 3)
    for _ in range(4):
        game.step()
    assert not any(c.cause.id == "opinion_ladder" for r in game.reports for c in r.changes)
    game.step()  # 5 January: the world learns on the 6th
    game.step()  # the 6th: the jump from the rung it saw is a climb it sees
    climbs = [c for c in game.reports[-1].changes if c.cause.id == "opinion_ladder"]
    assert climbs and all(c.after < c.before for c in climbs)
    assert climbs[0].cause.args[1] == 0 and climbs[0].cause.args[2] == game.state.pairs[0].rung


def test_without_a_secret_the_world_sees_the_real_rung_from_the_first_turn():
    rules = duel()
    assert [rules.world_rung(0, t, 3) for t in (-1, 0, 5)] == [3, 3, 3]
