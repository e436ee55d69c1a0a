"""The legal moves a turn offers: exactly the moves `why_illegal` lets through, in the scenario's order, on every
shipped scenario and turn (legal_actions works them out with shared checks, so this pins the two together); and
`check` refuses exactly the orders `step` refuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.fingerprints import rules_of
from game.engine import Action, Game, IllegalAction
from game.saves import state_to_dict
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


def outcome(game: Game, actions, choices, decisions):
    """The refusal `step` gives these orders on a copy of the game, or None when it plays them."""
    try:
        game.fork(record=False).step(actions, choices, decisions)
    except IllegalAction as exc:
        return exc.refusal
    return None


def checked(game: Game, actions, choices, decisions):
    try:
        game.check(actions, choices, decisions)
    except IllegalAction as exc:
        return exc.refusal
    return None


@settings(max_examples=25, deadline=None)
@given(scenario=st.sampled_from(SCENARIOS), seed=st.integers(0, 2**32), data=st.data())
def test_check_refuses_exactly_what_step_refuses_and_changes_nothing(scenario, seed, data):
    """A server stores orders after `check` and before `step`: the two must agree on every order, legal or not,
    and checking must leave the game as it was."""
    r = rules(scenario)
    game, chooser = Game(r, seed, record=False), get_policy("random", r)
    while not game.done:
        actions = data.draw(st.lists(st.sampled_from(every_move(r)), max_size=3))
        pending = {key: [c for c, __ in options] for key, __, options in game.pending()}
        choices = {key: data.draw(st.sampled_from([*options, "no_such_choice"])) for key, options in pending.items()
                   if data.draw(st.booleans())}
        decisions = data.draw(st.dictionaries(st.sampled_from([*r.party_ids, "nobody"]),
                                              st.sampled_from(["escalate", "hold", "step_back", "dither"]),
                                              max_size=2))
        before = state_to_dict(game.state)
        assert checked(game, actions, choices, decisions) == outcome(game, actions, choices, decisions)
        assert state_to_dict(game.state) == before
        game.step(*chooser.decide(game))
    assert checked(game, [], {}, {}) == outcome(game, [], {}, {})
