"""The shipped Kashmir scenario (the Second Kashmir War, August 1965 - January 1966): the issue's facts, the
mechanics its notes promise, and its balance against doing nothing."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json

import pytest

from game.cli.info import run_info
from game.engine import Action, Game
from game.sim.batch import run_batch

from .shipped import load_shipped, path_of, state_on

PATH = path_of("kashmir_1965")


@pytest.fixture(scope="module")
def loaded():
    return load_shipped("kashmir_1965")


def _event(scenario, key):
    return next(ev for ev in scenario.events if ev.id == key)


def _rule(rules, key):
    return next(ev for ev in rules.events if ev.key == key)


def _party(rules, state, pid):
    return state.parties[rules.party_ids.index(pid)]



def test_info_gives_24_weekly_turns_from_gibraltar_to_tashkent():
    out, err = io.StringIO(), io.StringIO()
    assert run_info("kashmir_1965", True, out, err) == 0
    info = json.loads(out.getvalue())
    assert (info["start"], info["end"], info["turns"], info["turn_unit"]) == ("1965-08-02", "1966-01-10", 24, "week")


def test_turns_are_a_week_apart(loaded):
    _, rules = loaded
    assert all((b - a).days == 7 for a, b in itertools.pairwise(rules.dates))


def test_cites_the_councils_resolutions_thants_statements_and_the_mission_sources(loaded):
    scenario, _ = loaded
    ids = {s.id for s in scenario.sources}
    assert {"res209", "res210", "res211", "res214", "res215"} <= ids
    assert {"kash131", "sc1239", "frus_xxv", "canada_unipom"} <= ids



def test_the_historical_beats_fall_on_their_dates(loaded):
    scenario, _ = loaded
    beats = {
        "gibraltar": dt.date(1965, 8, 5),
        "haji_pir": dt.date(1965, 8, 28),
        "grand_slam": dt.date(1965, 9, 1),
        "res_209": dt.date(1965, 9, 4),
        "lahore_front": dt.date(1965, 9, 6),
        "res_210": dt.date(1965, 9, 6),
        "arms_embargo": dt.date(1965, 9, 8),
        "china_ultimatum": dt.date(1965, 9, 16),
        "kosygin_letter": dt.date(1965, 9, 18),
        "res_211": dt.date(1965, 9, 20),
        "res_214": dt.date(1965, 9, 27),
        "un_authority": dt.date(1965, 10, 25),
        "res_215": dt.date(1965, 11, 5),
        "tashkent_declaration": dt.date(1966, 1, 10),
    }
    assert {key: _event(scenario, key).date for key in beats} == beats


def test_the_parties_pairs_and_the_council_of_1965(loaded):
    scenario, _ = loaded
    assert {p.id for p in scenario.parties} == {"india", "pakistan", "china", "ussr"}
    assert {tuple(p.between) for p in scenario.pairs} == {("india", "pakistan"), ("india", "china")}
    permanent = {m.name for m in scenario.council if m.permanent}
    assert len(permanent) == 5 and "China (Republic of China)" in permanent
    assert not any(m.party == "china" for m in scenario.council), "Peking had no seat in 1965"


def test_the_soviet_union_mediates_between_india_and_pakistan_and_decides_nothing(loaded):
    scenario, rules = loaded
    ussr = next(p for p in scenario.parties if p.id == "ussr")
    assert ussr.role == "mediator" and list(ussr.mediates) == ["india_pakistan"]
    assert not any("ussr" in pair.between for pair in scenario.pairs)
    game = Game(rules, 3)
    for _ in range(6):
        game.step()
    assert all("ussr" not in report.decisions for report in game.reports)


def test_backing_kosygins_offer_earns_moscows_trust_and_insisting_on_the_un_loses_it(loaded):
    _, rules = loaded
    trust = {}
    for answer in ("welcome_offer", "insist_un"):
        game = Game(rules, 5)
        while "kosygin_letter" not in {key for key, _, _ in game.pending()}:
            game.step()
        before = game.state.parties[rules.party_ids.index("ussr")].trust
        game.step(choices={"kosygin_letter": answer})
        trust[answer] = game.state.parties[rules.party_ids.index("ussr")].trust - before
    assert trust["welcome_offer"] > 0.1 and trust["insist_un"] < -0.05


def test_the_article_99_instrument_does_not_table_resolutions(loaded):
    scenario, rules = loaded
    referral = next(i for i in scenario.instruments if i.use == "article_99")
    assert "cannot table" in referral.description
    assert rules.instruments[referral.id or referral.use].kind == "article_99"


def test_unipom_can_deploy_only_once_the_guns_are_silent(loaded):
    _, rules = loaded
    requires = rules.instruments["preventive_deployment"].requires
    state = state_on(rules, dt.date(1965, 9, 27))
    state.variables["ceasefire"] = False
    assert not requires(state)
    state.variables["ceasefire"] = True
    assert requires(state)


def test_grand_slam_needs_a_pakistan_still_set_on_war(loaded):
    _, rules = loaded
    slam = _rule(rules, "grand_slam")
    state = state_on(rules, dt.date(1965, 9, 1))
    _party(rules, state, "pakistan").hostility = 0.15
    assert not slam.when(state)
    _party(rules, state, "pakistan").hostility = 0.5
    assert slam.when(state) and slam.chance(state) > 0.9


def test_the_ceasefire_grows_likelier_with_the_weeks_of_war_and_less_likely_with_hostility(loaded):
    _, rules = loaded
    silent = _rule(rules, "guns_fall_silent")
    state = state_on(rules, dt.date(1965, 9, 27))
    for pid in ("india", "pakistan"):
        _party(rules, state, pid).hostility = 0.6
    state.variables["war_weeks"] = 0
    early = silent.chance(state)
    state.variables["war_weeks"] = 3
    later = silent.chance(state)
    for pid in ("india", "pakistan"):
        _party(rules, state, pid).hostility = 0.9
    angrier = silent.chance(state)
    assert angrier < later and early < later


def test_tashkent_is_likelier_when_the_secretary_general_backed_the_soviet_offer(loaded):
    _, rules = loaded
    declaration = _rule(rules, "tashkent_declaration")
    state = state_on(rules, dt.date(1966, 1, 10))
    state.variables["tashkent_backed"] = False
    alone = declaration.chance(state)
    state.variables["tashkent_backed"] = True
    assert declaration.chance(state) > alone


def test_peking_does_not_answer_the_secretary_general(loaded):
    _, rules = loaded
    game = Game(rules, 5)
    game.step([Action("visit", "china")])
    assert _party(rules, game.state, "china").trust <= 0.1


def test_the_historical_policy_visits_both_capitals_and_answers_the_events(loaded):
    scenario, _ = loaded
    visits = [a.target for step in scenario.historical_policy for a in step.actions if a.use == "visit"]
    assert visits == ["pakistan", "india"]
    taken = {event: choice for step in scenario.historical_policy for event, choice in step.choices.items()}
    assert taken["nimmo_reports"] == "quiet_consultations"
    assert taken["china_ultimatum"] == "ask_council_order"


def test_teaching_material_and_endings(loaded):
    scenario, _ = loaded
    assert len(scenario.discussion) >= 4
    terms = {g.term for g in scenario.glossary}
    assert {"Good offices", "Article 99", "UNMOGIP", "UNIPOM", "Tashkent Declaration"} <= terms
    assert all(note.source for note in scenario.historical_notes)
    assert {e.rating for e in scenario.endings} == {"success", "partial", "failure"}
    assert "could not be" in scenario.notes and "disagree" in scenario.notes


def test_what_u_thant_did_beats_doing_nothing():
    history = run_batch(PATH, "historical", 200, seed=11)
    nothing = run_batch(PATH, "passive", 200, seed=11)
    assert history.success_rate >= nothing.success_rate + 0.2
    assert history.failure_rate < nothing.failure_rate - 0.5
    assert nothing.failure_rate < 1.0
