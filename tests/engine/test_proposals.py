"""Proposals: the parties' answer is recorded apart from the price, and what a refusal costs on top of the price can
be known before the proposal is floated (proposals.refusal_cost) and is what the engine then takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Action, Game, build_rules
from game.engine.proposals import ACCEPTED, PUBLIC_REFUSAL, REFUSED, refusal_cost
from game.engine.record import PROPOSAL
from game.scenario.loader import load_scenario

SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"
RULES = build_rules(load_scenario(SAMPLE).scenario)
PROP = RULES.proposals["shared_filling"]


def test_a_refusal_costs_the_scenarios_on_reject_and_in_public_the_loss_of_face():
    state = Game(RULES, 1).state
    assert refusal_cost(state, PROP, "private").prestige == 4.0  # on_reject: prestige -= 4
    assert refusal_cost(state, PROP, "public").prestige == 4.0 + PUBLIC_REFUSAL
    assert refusal_cost(state, PROP, "private").budget == 0.0


def test_a_refusal_cannot_take_more_prestige_than_is_left_after_the_price():
    state = Game(RULES, 1).state
    state.office.prestige = PROP.cost.prestige + 1.0
    assert refusal_cost(state, PROP, "public").prestige == 1.0


@pytest.mark.parametrize("mode", ["private", "public"])
def test_the_price_and_the_answer_are_recorded_apart_and_a_refusal_takes_what_was_foretold(mode):
    refused = accepted = 0
    for seed in range(60):
        game = Game(RULES, seed)
        foretold = refusal_cost(game.state, PROP, mode).prestige
        report = game.step([Action("shared_filling", None, mode)])
        spent = {}
        for c in report.changes:
            if c.target == "prestige" and c.cause.kind == PROPOSAL:
                spent[c.cause.args] = spent.get(c.cause.args, 0.0) + c.before - c.after
        assert spent[(mode,)] == PROP.cost.prestige  # the price, under the proposal and its mode alone
        if "shared_filling" in game.state.accepted:
            accepted += 1
            assert (mode, REFUSED) not in spent and spent[(mode, ACCEPTED)] < 0  # a gain
        else:
            refused += 1
            assert abs(spent[(mode, REFUSED)] - foretold) < 1e-9
    assert refused and accepted
