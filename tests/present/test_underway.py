"""The initiatives under way say what each is really doing: preparing, accepted, rebuffed, acting, in its last
turn — the same words in the window's cards, the text mode and the class pages."""

from __future__ import annotations

from game.cli.textmode import render_initiatives
from game.engine import Action, Game, build_rules
from game.present import web
from game.present.news import FAILURE, SUCCESS
from game.present.underway import ACCEPTED, ACTING, ENDING, PREPARING, REBUFFED, underway
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from tests.ui.driver import SAMPLE

GOOD_OFFICES = Action("good_offices", "karelia_lowmark")


def rules():
    return build_rules(load_scenario(resolve(SAMPLE)).scenario)


def offered(result: str) -> Game:
    """A sample game, one turn after good offices were offered and answered with `result` (the first seed that
    gives it)."""
    r = rules()
    for seed in range(200):
        game = Game(r, seed)
        game.step([GOOD_OFFICES])
        game.step([])
        codes = {m.code for m in game.reports[-1].messages}
        if f"good_offices_{result}" in codes:
            return game
    raise AssertionError(f"no seed under 200 gives good offices {result}")


def test_an_initiative_not_yet_acting_says_when_it_will():
    r = rules()
    game = Game(r, 1)
    game.step([Action("track_two", "karelia_lowmark")])
    (ini,) = underway(r, game.observation(), game.reports)
    assert ini.state == PREPARING
    assert "acts in 2" in ini.status


def test_a_rebuffed_offer_says_so_until_it_ends_and_reads_as_a_failure():
    game = offered("rebuffed")
    obs = game.observation()
    (ini,) = underway(game.rules, obs, game.reports)
    assert ini.state == REBUFFED and ini.tone == FAILURE
    assert "rebuffed" in ini.status and "acting now" not in ini.status
    text = "\n".join(render_initiatives(game.rules, obs, game.reports))
    assert "rebuffed" in text and "acting now" not in text and "✗" in text
    assert any("rebuffed" in line for line in web.office(game.rules, obs, None, game.reports)["underway"])


def test_an_accepted_offer_says_so_and_reads_as_a_success():
    game = offered("accepted")
    (ini,) = underway(game.rules, game.observation(), game.reports)
    assert ini.state == ACCEPTED and ini.tone == SUCCESS
    assert "accepted" in ini.status


def test_the_last_turn_of_an_initiative_is_named():
    r = rules()
    game = Game(r, 3)
    game.step([Action("special_envoy", "karelia_lowmark")])
    while True:
        (ini,) = underway(r, game.observation(), game.reports)
        if game.observation().initiatives[0].ends_in == 0:
            break
        game.step([])
    assert ini.state == ENDING and "last time" in ini.status


def test_a_result_of_an_earlier_initiative_is_not_carried_over_to_a_new_one():
    game = offered("rebuffed")
    while game.observation().initiatives:
        game.step([])
    game.step([GOOD_OFFICES])
    (ini,) = underway(game.rules, game.observation(), game.reports)
    assert ini.state == ACTING and ini.status == "acting now"  # it acts this turn; its answer is not in yet
