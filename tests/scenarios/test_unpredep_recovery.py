"""UNPREDEP is four years long: failure costs prestige that comes back as it fades, so a newcomer who spent it all
in the first year can act again in the second."""

from __future__ import annotations

from game.engine import Game
from game.engine.game import prestige_recovery

from .shipped import load_shipped


def test_an_office_left_with_nothing_recovers_within_a_year_of_waiting():
    _, rules = load_shipped("unpredep_fyrom_1995")
    game = Game(rules, 0)
    game.state.office.prestige = 0.0
    for _ in range(12):
        if game.done:
            break
        game.step()
    assert game.state.office.prestige > 20


def test_a_refused_proposal_still_costs_months_of_standing():
    _, rules = load_shipped("unpredep_fyrom_1995")
    start = rules.scenario.secretary_general.prestige
    prop = rules.proposals["interim_accord"]
    state = Game(rules, 0).state
    taken = sum(e.value(state) for e in prop.on_reject if e.slot.label == "prestige" and e.op == "-=")
    lost = prop.cost.prestige + taken  # its price and what a refusal takes in this scenario
    assert taken > 0 and lost / prestige_recovery(rules, start - lost) >= 3  # months to make it good
