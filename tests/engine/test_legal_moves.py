"""The legal moves a turn offers: exactly the moves `why_illegal` lets through, in the scenario's order, on every
shipped scenario and turn (legal_actions works them out with shared checks, so this pins the two together)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.fingerprints import rules_of
from game.engine import Action, Game
from game.scenario.catalogue import shipped
from game.sim.policies import get_policy

SCENARIOS = sorted(s.id for s in shipped())
RULES = {}


def rules(scenario):
    if scenario not in RULES:
        RULES[scenario] = rules_of(next(s.path for s in shipped() if s.id == scenario))
    return RULES[scenario]


def every_move(r) -> list[Action]:
    out = []
    for key, ins in r.instruments.items():
        targets = r.pair_ids if ins.target == "pair" else r.party_ids if ins.target == "party" else [None]
        out += [Action(key, t) for t in targets]
    return out + [Action(key, None, m) for key, p in r.proposals.items() for m in p.modes]


@settings(max_examples=25, deadline=None)
@given(scenario=st.sampled_from(SCENARIOS), seed=st.integers(0, 2**32))
def test_legal_actions_are_the_moves_why_illegal_allows(scenario, seed):
    r = rules(scenario)
    game, chooser = Game(r, seed, record=False), get_policy("random", r)
    while not game.done:
        assert game.legal_actions() == [a for a in every_move(r) if game.why_illegal(a) is None]
        game.step(*chooser.decide(game))
    assert game.legal_actions() == []
