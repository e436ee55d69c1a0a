"""How the engine plays the forms for telling a story (tests/fixtures/engine/story.yaml): conditional effects,
words chosen as things happen, scheduled events that give way or wait, intentions set by effects, mediators and
observers, progress tracks, power that depends on the state, in_field, and choice costs it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Action, Game, IllegalAction, build_rules
from game.engine.checker import check_game
from game.engine.context import Ctx
from game.engine.facilitator import Intervention
from game.engine.instruments import mediation_factor, openness
from game.engine.record import PROPOSAL, TurnReport
from game.engine.rules import Rules
from game.engine.state import Initiative
from game.scenario.loader import load_scenario_bytes

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "story.yaml"


def story(*replacements: tuple[str, str]) -> Rules:
    """Rules of the story fixture, with each (old, new) replaced once in its text."""
    text = STORY.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    result = load_scenario_bytes(text.encode("utf-8"), "story.yaml")
    assert result.scenario is not None, [str(d) for d in result.diagnostics]
    return build_rules(result.scenario)


def accept_accord(game: Game) -> None:
    """Float the accord (acceptance 0.9) until it is accepted, waiting between tries."""
    while not game.done and "accord" not in game.state.accepted:
        action = Action("accord", None, "private")
        game.step([action] if game.why_illegal(action) is None else [])


def ctx_of(game: Game) -> Ctx:
    return Ctx(game.rules, game.state, game.dice, TurnReport(turn=game.turn, date=""))


# ---- effects with a condition --------------------------------------------------------------------------------------


def test_an_effect_with_if_applies_only_when_its_condition_holds():
    rules = story(('date: 2030-03-04\n    effects:\n      - "forewarned = true if used.early_warning >= 1"',
                   'date: 2030-03-11\n    effects:\n      - "forewarned = true if used.early_warning >= 1"'))
    without = Game(rules, 1)
    without.step()
    assert without.state.variables["forewarned"] is False
    with_it = Game(rules, 1)
    with_it.step([Action("early_warning")])
    assert with_it.state.variables["forewarned"] is True


# ---- words that depend on the path ----------------------------------------------------------------------------------


def forewarned_game(flag: bool) -> Game:
    rules = story(('      - "forewarned = true if used.early_warning >= 1"\n',
                   f'      - "forewarned = {str(flag).lower()}"\n'))
    game = Game(rules, 2)
    game.step()  # week 1; the talks fire at the start of week 2
    return game


def test_an_event_is_told_in_the_words_whose_condition_held_as_it_fired():
    game = forewarned_game(True)
    assert game.state.texts["event:talks"] == 0
    assert game.pending()[0][1] == "Talks, with the border quiet"
    news = [m for m in game.reports[-1].messages if m.code == "event" and m.args[0] == "talks"]
    assert news and news[0].args == ("talks", 0)
    plain = forewarned_game(False)
    assert "event:talks" not in plain.state.texts
    assert plain.pending()[0][1] == "Talks in the capital"


def test_a_choice_is_labelled_in_the_words_chosen_as_its_event_fired():
    labels = dict(forewarned_game(True).pending()[0][2])
    assert labels["press_inspectors"] == "Ask again for inspectors" and labels["listen"] == "Listen"
    assert dict(forewarned_game(False).pending()[0][2])["press_inspectors"] == "Ask for inspectors"


def test_an_event_without_variants_keeps_its_news_as_before():
    game = Game(story(), 0)
    news = [m for m in game.reports[0].messages if m.code == "event"]
    assert news[0].args == ("warning_signs",)


def test_an_ending_is_told_in_the_words_whose_condition_held_as_the_game_ended():
    rules = story(('      - "registered += 20"\n', '      - "registered += 60"\n'))
    game = Game(rules, 0)
    accept_accord(game)
    while not game.done:
        game.step()
    assert game.ending == "transition" and game.state.texts["ending:transition"] == 0


# ---- scheduled events that give way, or wait -----------------------------------------------------------------------


def test_a_scheduled_event_whose_condition_is_false_on_its_date_is_skipped():
    game = Game(story(("acceptance: 0.9", "acceptance: 1.0")), 0)
    accept_accord(game)  # accepted in week 1: the march of week 3 gives way
    while not game.done:
        game.step()
    assert "march_on_capital" not in game.state.fired
    assert Game(story(), 0).rules.events[1].key == "march_on_capital"
    passive = Game(story(), 0)
    while not passive.done:
        passive.step()
    assert passive.state.fired.get("march_on_capital") == 1


def test_a_scheduled_event_with_until_waits_for_its_condition_and_fires_once():
    game = Game(story(), 0)
    for _ in range(3):
        game.step()  # weeks 1-3: no deal yet, so the census (due in week 3) waits
    assert "census" not in game.state.fired
    game.state.variables["deal"] = True  # as an accepted accord would
    game.step()
    assert game.state.fired.get("census") == 1 and game.turn == 4
    registered = game.state.variables["registered"]
    game.step()
    assert game.state.fired["census"] == 1 and game.state.variables["registered"] == registered


def test_a_waiting_event_does_not_fire_after_its_until():
    game = Game(story(), 0)
    for _ in range(7):
        game.step()  # to 2030-04-22, past 'until: 2030-04-15'
    game.state.variables["deal"] = True
    game.step()
    assert "census" not in game.state.fired


# ---- intentions set by effects ----------------------------------------------------------------------------------


def test_an_effect_sets_a_hidden_intention_and_the_change_is_hidden_with_its_cause():
    game = Game(story(("acceptance: 0.9", "acceptance: 1.0")), 0)
    assert game.state.parties[1].intention == "escalate"
    report = game.step([Action("accord", None, "private")])
    changes = report.why("south.intention")
    assert changes[0].before == 1 and changes[0].after == -1 and changes[0].hidden
    assert changes[0].cause.kind == PROPOSAL
    assert game.state.parties[1].intention in ("settle", "hold", "escalate")  # the party's own rule may move it


def test_an_intention_set_to_a_value_takes_the_nearest_word():
    rules = story(('      - "south.intention = settle"\n', '      - "south.intention = 0.3 - 0.9 * deal"\n'))
    game = Game(rules, 0)
    accept_accord(game)
    changes = [c for r in game.reports for c in r.why("south.intention") if c.cause.kind == PROPOSAL]
    assert changes and changes[0].after == -1


# ---- mediators and observers ---------------------------------------------------------------------------------------


def test_mediators_and_observers_decide_nothing_and_keep_their_hostility():
    game = Game(story(), 5)
    start = [p.hostility for p in game.state.parties]
    while not game.done:
        report = game.step()
        assert set(report.decisions) == {"north", "south"}
    assert [p.hostility for p in game.state.parties[2:]] == start[2:]


def test_a_mediator_strengthens_mediation_on_the_pairs_it_mediates():
    with_broker = Game(story(), 0)
    without = Game(story(("    mediates: [north_south]\n", "    mediates: []\n")), 0)
    ratio = mediation_factor(ctx_of(with_broker), 0) / mediation_factor(ctx_of(without), 0)
    assert ratio == pytest.approx(1 + 0.5 * openness(ctx_of(with_broker), 2))


def test_a_private_appeal_to_a_mediator_asks_for_its_help():
    game = Game(story(), 0)
    before = game.state.parties[2]
    receptivity, hostility = before.receptivity, before.hostility
    game.step([Action("private_appeal", "broker")])
    after = game.state.parties[2]
    assert after.receptivity > receptivity and after.hostility == hostility


def test_a_visit_to_an_observer_is_possible_and_a_facilitator_cannot_set_its_decision():
    game = Game(story(), 0)
    assert game.why_illegal(Action("visit", "commission")) is None
    refusal = game.why_not_intervene(Intervention(0, "override", "commission", "escalate"))
    assert refusal is not None and refusal.code == "not_a_disputant" and refusal.args == ("commission", "observer")


# ---- progress tracks -------------------------------------------------------------------------------------------------


def test_a_track_moves_by_its_per_turn_and_stays_in_its_range():
    game = Game(story(), 3)
    assert game.state.variables["refugees_home"] == 0.0 and game.state.variables["arms_cached"] == 30.0
    while not game.done:
        before = game.state.variables["arms_cached"]
        game.step()
        assert game.state.variables["arms_cached"] == min(40.0, before + 1)
        assert 0.0 <= game.state.variables["refugees_home"] <= 50.0


def test_the_player_sees_each_track_as_its_visibility_says():
    game = Game(story(), 0)
    game.step()
    tracks = {t.id: t for t in game.observation().tracks}
    assert tracks["refugees_home"].value == game.state.variables["refugees_home"]
    assert tracks["refugees_home"].estimate is None
    est = tracks["registered"].estimate
    assert tracks["registered"].value is None and est is not None and est.low <= est.value <= est.high
    assert tracks["arms_cached"].value is None and tracks["arms_cached"].estimate is None


def test_hidden_tracks_change_out_of_sight():
    game = Game(story(), 0)
    report = game.step()
    assert all(c.hidden for c in report.why("arms_cached")) and report.why("arms_cached")
    assert not any(c.hidden for c in report.why("refugees_home"))


def test_games_with_every_form_replay_exactly_and_keep_the_invariants():
    rules = story()
    for seed in range(4):
        assert check_game(rules, seed, lambda g: (g.legal_actions()[:1], {})) == []


# ---- power and in_field ---------------------------------------------------------------------------------------


def test_an_instruments_power_can_depend_on_the_state():
    game = Game(story(), 0)
    monitors = game.rules.instruments["monitors"]
    assert game._power(monitors) == 0.5
    game.state.variables["deal"] = True
    assert game._power(monitors) == 1.0


def test_in_field_counts_a_deployment_only_while_its_mandate_holds():
    rules = story()
    game = Game(rules, 0)
    read = rules.slots.getter(("in_field", "monitors", None))
    s = game.state
    s.initiatives.append(Initiative("monitors", "preventive_deployment", 0, 0, 1, 6, 0, 0))
    s.turn = 1
    assert read(s) == 0  # launched and matured, but the Council has not given (or has vetoed) the mandate
    s.pairs[0].deployment_left = 5
    assert read(s) == 1
    s.turn = 7
    assert read(s) == 0


def test_in_field_counts_other_instruments_from_maturity_to_their_end():
    rules = story()
    game = Game(rules, 0)
    read = rules.slots.getter(("in_field", "good_offices", None))
    game.step([Action("good_offices", "north_south")])
    assert game.state.used["good_offices"] == 1 and read(game.state) == 1  # it acts in week 2
    game.step()
    game.step()
    assert read(game.state) == 0


# ---- costs on choices -----------------------------------------------------------------------------------------


def poor_game() -> Game:
    game = Game(story(("  prestige: 50\n", "  prestige: 20\n")), 2)
    game.step()
    assert game.pending()[0][0] == "talks"
    return game


def test_a_choice_the_office_cannot_pay_for_is_refused():
    game = poor_game()
    refusal = game.why_not_choice("talks", "press_hard")
    assert refusal is not None and refusal.code == "choice_unaffordable"
    assert refusal.args[:4] == ("talks", "press_hard", "prestige", 30)
    with pytest.raises(IllegalAction) as raised:
        game.step((), {"talks": "press_hard"})
    assert raised.value.refusal.code == "choice_unaffordable"
    assert game.why_not_choice("talks", "listen") is None


def test_an_unanswered_event_still_takes_its_default():
    game = poor_game()
    game.step()
    assert ("talks", "listen") in game.state.chose
