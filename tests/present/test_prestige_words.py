"""Why prestige falls in a game that goes well: the turn report says how prestige comes back (the scenario's own
recovery and rebound) and, under an accepted offer, how much of its price the success gave back."""

from __future__ import annotations

from functools import cache

from game.engine import Action, Game, build_rules
from game.engine.record import RESOURCES, Cause
from game.present.lines import report_days
from game.present.news import cause_label
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario

GOOD_OFFICES = Action("good_offices", "skopje_greece")


@cache
def rules(scenario: str):
    return build_rules(load_scenario(resolve(scenario)).scenario)


def test_the_recovery_line_gives_the_scenarios_own_rule():
    unpredep = cause_label(rules("unpredep_fyrom_1995"), Cause(RESOURCES, "recovery"))
    assert unpredep == "prestige recovers with time: 0.5 a month, and 4% of what it lies below its start (55)"
    cuba = cause_label(rules("cuban_missile_crisis_1962"), Cause(RESOURCES, "recovery"))
    assert cuba == "prestige recovers with time: 0.5 a day"


def test_an_accepted_offer_says_how_much_of_its_price_it_gave_back():
    r = rules("unpredep_fyrom_1995")
    for seed in range(100):
        game = Game(r, seed)
        game.step([GOOD_OFFICES])
        report = game.step([])
        if any(m.code == "good_offices_accepted" for m in report.messages):
            break
    else:
        raise AssertionError("no accepted offer in 100 seeds")
    back = sum(c.after - c.before for c in report.changes
               if c.target == "prestige" and c.cause.id == "good_offices")
    (item,) = [n for d in report_days(r, report) for n in d.news if n.code == "good_offices_accepted"]
    cost = r.instruments["good_offices"].cost.prestige
    assert 0 < back < cost
    assert f"It gives back {back:g} of the {cost:g} prestige it cost" in " ".join(item.notes)
