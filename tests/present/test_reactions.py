"""Each party's one line of reaction after a turn: its situation comes from the turn's causes and news, the
line from the scenario's own `reactions` (taken in turn) or the game's defaults, with a tone of news."""

from __future__ import annotations

import pytest
import yaml

from game.engine import Action, Game, build_rules
from game.engine.record import INSTRUMENT, Cause, Change, Message, TurnReport
from game.present.reactions import SITUATIONS, default_line, reactions, situation
from game.scenario.model import Scenario

from ..engine.conftest import FIXTURE, duel

DEAL = {"id": "deal", "name": "A deal", "text": "Split it.", "pair": "east_west"}


def _rules(**party_changes):
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["proposals"] = [DEAL]
    data["parties"][0].update(party_changes)
    return build_rules(Scenario.model_validate(data))


def _report(**kw) -> TurnReport:
    rep = TurnReport(turn=0, date="2000-01-01")
    rep.messages.extend(kw.get("messages", ()))
    rep.changes.extend(kw.get("changes", ()))
    rep.decisions.update(kw.get("decisions", {}))
    return rep


def test_acceptance_outranks_everything_else():
    rules = _rules()
    rep = _report(messages=[Message("result", "proposal_accepted", ("deal",))], decisions={"east": "escalate"})
    assert situation(rules, rep, 0, [Action("deal", None, "public")]) == "accepted"


def test_a_rebuff_names_the_party_it_concerns():
    rules = _rules()
    rep = _report(messages=[Message("result", "appeal_brushed_off", (1,))])
    assert situation(rules, rep, 1) == "rebuffed"
    assert situation(rules, rep, 0) == "quiet"


def test_a_public_move_on_a_dispute_presses_both_its_parties_and_a_private_one_approaches_one():
    rules = _rules()
    rep = _report()
    assert situation(rules, rep, 0, [Action("public_appeal", "east_west")]) == "pressed_publicly"
    assert situation(rules, rep, 1, [Action("public_appeal", "east_west")]) == "pressed_publicly"
    assert situation(rules, rep, 0, [Action("private_appeal", "east")]) == "approached"
    assert situation(rules, rep, 1, [Action("private_appeal", "east")]) == "quiet"


def test_an_initiative_still_acting_counts_as_an_approach():
    rules = _rules()
    acting = Change("west.trust", 0.5, 0.55, Cause(INSTRUMENT, "good_offices", ("east_west",)), True)
    assert situation(rules, _report(changes=[acting]), 1) == "approached"


def test_untouched_parties_react_by_what_they_decided():
    rules = _rules()
    rep = _report(decisions={"east": "escalate", "west": "step_back"})
    assert (situation(rules, rep, 0), situation(rules, rep, 1)) == ("escalated", "stepped_back")


def test_every_situation_has_a_default_line_naming_the_leader():
    for s in SITUATIONS:
        for decision in ("escalate", "hold", "step_back"):
            for warm in (True, False):
                line = default_line("Kennedy", s, decision, warm)
                assert line.startswith("Kennedy ") and line.endswith(".")


def test_the_scenarios_own_lines_are_taken_in_turn():
    rules = _rules(reactions={"pressed_publicly": ["First line.", "Second line."]}, leader="A. Leader")
    game = Game(rules, 1)
    said = []
    for _ in range(3):
        game.step([Action("public_appeal", "east_west")] if game.why_illegal(
            Action("public_appeal", "east_west")) is None else [])
        mine = next(r for r in reactions(game) if r.party == "east")
        if mine.situation == "pressed_publicly":
            said.append(mine.text)
    assert said[:2] == ["First line.", "Second line."]
    west = next(r for r in reactions(game) if r.party == "west")
    assert west.text.startswith("West ")  # no leader, no lines of its own: the default with its name


def test_no_reaction_before_the_first_turn_and_one_per_party_after():
    rules = duel()
    game = Game(rules, 2)
    assert reactions(game) == []
    game.step()
    said = reactions(game)
    assert [r.party for r in said] == rules.party_ids
    assert all(r.tone in ("success", "failure", "danger", "calm", "warning", "news") for r in said)


def test_reactions_follow_the_report_asked_about():
    rules = duel()
    game = Game(rules, 2)
    game.step([Action("public_appeal", "east_west")])
    game.step()
    first = reactions(game, game.reports[1])
    assert all(r.situation == "pressed_publicly" for r in first)


def _shipped():
    from game.scenario.catalogue import shipped
    from game.scenario.loader import load_scenario

    return [load_scenario(item.path).scenario for item in shipped()]


@pytest.mark.parametrize("scenario", _shipped(), ids=lambda s: s.id)
def test_every_party_of_every_shipped_scenario_reacts_in_a_sentence(scenario):
    import random

    rules = build_rules(scenario)
    game = Game(rules, 5)
    pick = random.Random(scenario.id)
    from game.present.leaders import short_name

    own = {p.id: p.reactions for p in scenario.parties if p.reactions is not None}
    who = {p.id: short_name(p.leader) if p.leader else p.name for p in scenario.parties}
    while not game.done:
        answers = {k: o[0][0] for k, _, o in game.pending()}
        if game.committed((), answers)[0] > game.state.office.prestige:
            answers = {}  # the first answers cost more than the office has: the defaults, then
        legal = [a for a in game.legal_actions() if game.why_illegal(a, [], answers) is None]
        game.step([pick.choice(legal)] if legal else [], answers)
        for r in reactions(game):
            assert r.situation in SITUATIONS and r.text[-1] in ".!?'\"" and r.text[:1].isupper(), r
            day = rules.dates[game.reports[-1].turn]
            lines = [x if isinstance(x, str) else x.text for x in getattr(own.get(r.party), r.situation, None) or ()
                     if isinstance(x, str) or x.shown_on(day)]
            if lines:
                assert r.text in lines
            else:
                assert r.text.startswith(who[r.party] + " "), r


def test_a_line_with_dates_is_said_only_within_them():
    """Lines limited by `from`/`until` are taken in turn among those that fit the turn's date; on a date no line
    fits, the game's own line is said."""
    rules = _rules(leader="A. Leader", reactions={"quiet": [
        {"text": "Early line.", "until": "2000-01-02"},
        {"text": "Late line.", "from": "2000-01-04"},
        "Any day."]})
    game = Game(rules, 1)
    said = {}
    for _ in range(6):
        report = game.step([])
        mine = next(r for r in reactions(game) if r.party == "east")
        if mine.situation == "quiet":
            said[report.date] = mine.text
    assert said, "east was never quiet"
    for date, text in said.items():
        if date <= "2000-01-02":
            assert text in ("Early line.", "Any day.")
        elif date < "2000-01-04":
            assert text == "Any day."
        else:
            assert text in ("Late line.", "Any day.")
    nothing = _rules(leader="A. Leader", reactions={"quiet": [{"text": "Later.", "from": "2000-01-19"}]})
    game = Game(nothing, 1)
    game.step([])
    assert next(r for r in reactions(game) if r.party == "east").text != "Later."


def test_in_the_cuban_crisis_nobody_speaks_of_what_has_not_happened_yet():
    from game.scenario.catalogue import resolve
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve("cuban_missile_crisis_1962")).scenario
    rules = build_rules(scenario)
    early = {"missile sites", "threatened", "ships slow down", "invites you to Havana", "ExComm", "Joint Chiefs"}
    for seed in range(12):
        game = Game(rules, seed)
        for _ in range(5):  # 16 to 20 October: the crisis is still secret
            game.step([Action("visit", "usa")] if seed % 2 else [Action("visit", "cuba")])
            for r in reactions(game):
                assert not any(words in r.text for words in early), (game.reports[-1].date, r.text)
