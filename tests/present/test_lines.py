"""The turn report's lines: each value's total over the day, each cause's own share, numbers that add up as
shown, events under their own dates, and hidden changes never put into words."""

from __future__ import annotations

import random
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, build_rules
from game.engine.record import Cause, Change, Message, TurnReport
from game.present.lines import change_turns, largest_remainders, report_days, rung_paths
from game.present.values import BOOL, scale_of, units
from game.present.words import cost_text
from game.scenario.catalogue import resolve, shipped
from game.scenario.loader import load_scenario
from tests.scenarios.shipped import load_shipped
from tests.ui.driver import SAMPLE


def rules():
    return build_rules(load_scenario(resolve(SAMPLE)).scenario)


@cache
def shipped_rules():
    return [build_rules(load_scenario(item.path).scenario) for item in shipped()]


def test_a_cause_shows_its_own_total_and_the_value_its_change_over_the_turn():
    r = rules()
    appeal, recovery = Cause("instrument", "private_appeal", ("karelia",)), Cause("resources", "recovery")
    report = TurnReport(0, "2030-03-04", changes=[
        Change("prestige", 55, 53, appeal),
        Change("prestige", 53, 53.5, recovery),
        Change("prestige", 53.5, 52.5, appeal),
        Change("karelia.hostility", 0.4, 0.3, appeal, hidden=True),
        Change("karelia_lowmark.rung", 2, 3, Cause("dynamics", "ladder", (0, 3))),
    ])
    (day,) = report_days(r, report)
    totals = {t.target: t for t in day.totals}
    assert totals["prestige"].text == "Prestige 55 → 52.5 (−2.5)"
    assert totals["karelia_lowmark.rung"].text == "Escalation between Karelia – Lowmark: up from 'crisis' to " \
                                                  "'confrontation'"
    labels = [c.label for c in day.causes]
    assert labels == [f"{r.instruments['private_appeal'].name} → Karelia", "prestige recovers with time: 0.5 a week",
                      "pressure crossed into 'confrontation'"]
    assert [s.text for s in day.causes[0].shares] == ["Prestige −3"]
    assert [s.text for s in day.causes[1].shares] == ["Prestige +0.5"]


def test_the_reported_case_adds_up_private_message_and_ambassador_each_their_own():
    """Cuban, seed 187109, day 5: a private message to the USSR, an ambassador to the US and briefings."""
    _, r = load_shipped("cuban_missile_crisis_1962")
    game = Game(r, 187109)
    for _ in range(4):
        game.step([Action("wait")])
    report = game.step([Action("private_appeal", "ussr"), Action("visit", "usa"), Action("early_warning")])
    day = report_days(r, report)[0]
    prestige = {label: s.n for label, s in day.shares_of("prestige")}
    message = next(label for label in prestige if label.startswith(r.instruments["private_appeal"].name))
    assert prestige[message] * 0.1 <= -r.instruments["private_appeal"].cost.prestige
    total = next(t for t in day.totals if t.target == "prestige")
    assert sum(prestige.values()) == total.n


def test_a_cause_that_only_moved_hidden_values_is_not_shown_at_all():
    report = TurnReport(0, "2030-03-04", changes=[
        Change("lowmark.trust", 0.6, 0.5, Cause("event", "x"), hidden=True),
        Change("karelia.intention", 0, 1, Cause("decision", "karelia", ("aims",))),
    ])
    (day,) = report_days(rules(), report)
    assert day.causes == () and day.totals == ()


def test_money_support_switches_and_whole_counters_read_as_people_write_them():
    r = rules()
    cause = Cause("event", "farmers_march")
    report = TurnReport(0, "2030-03-04", changes=[
        Change("budget", 12, 10.5, cause), Change("council.usa", 0.6, 0.65, cause),
        Change("water_deal", 0, 1, cause), Change("envoys", 2, 3, cause)])
    (day,) = report_days(r, report)
    assert [t.text for t in day.totals] == ["Budget $12.0m → $10.5m (−$1.5m)",
                                            "Council support from United States 60% → 65% (+5 pts)",
                                            "Water deal: no → yes",
                                            "Envoys 2 → 3 (+1)"]
    assert cost_text(r.instruments["special_envoy"].cost, True) == "3 prestige · $1m · 1 envoy · 1 attention"


def test_an_integer_variable_reads_as_a_whole_number_under_its_glossary_name():
    _, r = load_shipped("cuban_missile_crisis_1962")
    report = TurnReport(5, "1962-10-21", changes=[Change("defcon", 5.0, 3.0, Cause("event", "quarantine_speech"))])
    (day,) = report_days(r, report)
    assert day.totals[0].text == "DEFCON 5 → 3 (−2)"


def test_a_change_too_small_to_read_is_left_out_and_half_points_of_prestige_show():
    r = rules()
    cause = Cause("resources", "recovery")
    report = TurnReport(0, "2030-03-04", changes=[Change("visibility", 0.331, 0.333, cause),
                                                  Change("prestige", 54.0, 54.5, cause)])
    (day,) = report_days(r, report)
    assert [t.text for t in day.totals] == ["Prestige 54 → 54.5 (+0.5)"]


def test_shares_are_rounded_to_add_up_to_the_rounded_total():
    assert largest_remainders([0.6, 0.6, 0.6], 2) == [1, 1, 0]
    assert largest_remainders([-2.5, 0.5], -2) == [-2, 0] or largest_remainders([-2.5, 0.5], -2) == [-3, 1]
    assert sum(largest_remainders([0.4, 0.4, 0.4], 0)) == 0
    assert largest_remainders([], 0) == []


def test_events_of_the_next_date_are_split_from_the_turn_they_were_recorded_in():
    r = rules()
    march = Cause("event", "farmers_march")
    report = TurnReport(1, "2030-03-11", changes=[
        Change("prestige", 55, 54, Cause("instrument", "private_appeal", ("karelia",))),
        Change("prestige", 54, 52, march)],
        messages=[Message("result", "appeal_brushed_off", (0,), None, 1),
                  Message("news", "event", ("farmers_march",), march, 2)], events=["farmers_march"])
    assert change_turns(report) == [1, 2]
    days = report_days(r, report)
    assert [d.turn for d in days] == [1, 2]
    assert days[0].events == () and days[1].events == ("farmers_march",) and days[1].opening
    assert [t.text for t in days[0].totals] == ["Prestige 55 → 54 (−1)"]
    assert [t.text for t in days[1].totals] == ["Prestige 54 → 52 (−2)"]
    assert days[0].heading == "Week 2 · 11 March 2030" and days[1].heading == "Week 3 · 18 March 2030"


def test_rung_paths_follow_the_reports_turn_by_turn():
    r = rules()
    game = Game(r, 3)
    start = [p.rung for p in game.state.pairs]
    for _ in range(4):
        game.step([Action("wait")])
    paths = rung_paths(r, game.reports, start)
    assert len(paths[0]) == 5 and paths[0][0] == start[0] and paths[0][-1] == game.state.pairs[0].rung


def _play(rules, seed: int, rng: random.Random) -> Game:
    game = Game(rules, seed)
    while not game.done:
        choices: dict[str, str] = {}
        for key, _, options in game.pending():
            pick = rng.choice(options)[0]
            if rng.random() < 0.7 and game.why_not_choice(key, pick, choices) is None:  # an answer it can pay for
                choices[key] = pick
        orders: list[Action] = []
        for action in rng.sample(game.legal_actions(), k=min(3, len(game.legal_actions()))):
            if rng.random() < 0.5 and game.why_illegal(action, orders, choices) is None:
                orders.append(action)
        game.step(orders, choices)
    return game


def _check_day_adds_up(rules, report: TurnReport) -> None:
    turns = change_turns(report)
    for day in report_days(rules, report):
        changes = [c for c, t in zip(report.changes, turns, strict=True)
                   if t == day.turn and not c.hidden and not c.target.endswith(".intention")]
        for total in day.totals:
            steps = [c for c in changes if c.target == total.target]
            assert steps, total
            assert (total.before, total.after) == (steps[0].before, steps[-1].after)
            if total.scale is BOOL:
                continue
            scale = total.scale
            assert total.n == units(total.after, scale.step) - units(total.before, scale.step), total
            shares = day.shares_of(total.target)
            assert sum(s.n for _, s in shares) == total.n, (total.text, [s.text for _, s in shares])
        for cause in day.causes:
            for share in cause.shares:
                exact = sum(c.after - c.before for c in changes if c.cause == cause.cause and c.target == share.target)
                scale = scale_of(rules, share.target, *(v for c in changes if c.target == share.target
                                                        for v in (c.before, c.after)))
                if scale is not BOOL:
                    assert abs(share.n - exact / scale.step) < 1 + 1e-6, (cause.label, share.text, exact)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(list(shipped())) - 1), st.integers(0, 10**6))
def test_every_line_of_random_turns_adds_up_to_what_its_cause_did_and_to_the_total(index, seed):
    rules = shipped_rules()[index]
    game = _play(rules, seed, random.Random(seed))
    for report in game.reports:
        _check_day_adds_up(rules, report)
