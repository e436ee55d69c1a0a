"""Intelligence: estimates are filtered beliefs — steady when nothing happens, widening when something public
touches a value, sharpened by early warning and by contact, honest about the truth, and pure functions of the
game that never change it."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, replay
from game.engine.checker import fingerprint
from game.engine.intel import ESTIMATED, Filter, estimates, rung_range

from .conftest import duel


def _est(game: Game, party: int = 0, attr: str = "trust"):
    return game.observation().parties[party].estimates[attr]


def _width(est) -> float:
    return est.high - est.low


def _random_turn(game: Game, rnd: random.Random) -> None:
    legal = game.legal_actions()
    taken = []
    for action in rnd.sample(legal, k=min(len(legal), rnd.randint(0, 2))):
        if game.why_illegal(action, taken) is None:
            taken.append(action)
    game.step(taken)


def test_the_band_of_a_value_nothing_touches_only_narrows():
    game = Game(duel(sg={"intelligence": 0.3}), 3)
    widths = []
    for _ in range(12):
        widths.append(_width(_est(game, 0, "resolve")))  # nothing in the duel ever moves resolve
        game.step()
    assert all(b <= a + 1e-9 for a, b in zip(widths, widths[1:], strict=False))
    assert widths[-1] < widths[0]


def test_a_steady_value_has_a_steady_estimate():
    """Each new reading of an unmoving value lies inside the previous reading's band."""
    for seed in range(20):
        game = Game(duel(), seed)
        last = _est(game, 1, "resolve")
        for _ in range(10):
            game.step()
            now = _est(game, 1, "resolve")
            assert last.low <= now.value <= last.high
            last = now


def test_something_public_touching_a_value_widens_its_band():
    game = Game(duel(), 4)
    for _ in range(5):
        game.step()
    before = _width(_est(game, 0, "hostility"))
    quiet = game.fork()
    quiet.step()
    game.step([Action("public_appeal", "east_west")])  # acts at once on both sides' hostility
    assert any(v == 0 for v in game.state.intel[-1].touched)  # east.hostility is value 0
    assert _width(_est(game, 0, "hostility")) > max(before, _width(_est(quiet, 0, "hostility")))


def test_contact_is_good_information():
    game = Game(duel(sg={"intelligence": 0.1}), 5)
    game.step()
    without = game.fork()
    game.step([Action("visit", "west")])
    without.step()
    for attr in ESTIMATED:
        assert _width(_est(game, 1, attr)) < _width(_est(without, 1, attr))
    assert _width(_est(game, 0, "trust")) == _width(_est(without, 0, "trust"))  # East was not visited


def test_early_warning_sharpens_the_estimates():
    slow, sharp = Game(duel(sg={"intelligence": 0.1}), 3), Game(duel(sg={"intelligence": 0.1}), 3)
    slow.step()
    sharp.step([Action("early_warning")])
    for _ in range(4):
        slow.step()
        sharp.step()
    assert sharp.observation().office.estimate_band < slow.observation().office.estimate_band
    assert sharp.observation().office.estimate_delay < slow.observation().office.estimate_delay


def test_early_warning_shortens_the_delay():
    poor = Game(duel(sg={"intelligence": 0.0}), 0).observation().office.estimate_delay
    good = Game(duel(sg={"intelligence": 1.0}), 0).observation().office.estimate_delay
    assert poor > good == 0


def test_estimates_do_not_read_the_present_truth():
    rules = duel(sg={"intelligence": 0.0}, tuning={"intel_delay": 2})
    game = Game(rules, 0)
    for _ in range(4):
        game.step()
    first = game.observation()
    game.state.parties[0].hostility = 0.99  # the truth changes now; the estimate cannot know yet
    game.state.pairs[0].pressure = game.state.pairs[0].rung + 0.5
    assert game.observation() == first


def test_the_band_holds_the_current_truth_about_nine_times_in_ten():
    rules = duel(sg={"intelligence": 0.3})
    inside = total = 0
    for seed in range(60):
        game, rnd = Game(rules, seed), random.Random(seed)
        for _ in range(8):
            _random_turn(game, rnd)
            if game.done:
                break
            obs = game.observation()
            for view, party in zip(obs.parties, game.state.parties, strict=True):
                for attr in ESTIMATED:
                    est = view.estimates[attr]
                    inside += est.low <= getattr(party, attr) <= est.high
                    total += 1
    assert 0.85 <= inside / total <= 0.96


def test_estimates_move_about_as_much_as_the_truth():
    rules = duel()
    moved_estimate = moved_truth = 0.0
    for seed in range(40):
        game, rnd = Game(rules, seed), random.Random(seed)
        last = None
        while not game.done:
            est = _est(game, 0, "hostility").value
            truth = game.state.parties[0].hostility
            if last:
                moved_estimate += abs(est - last[0])
                moved_truth += abs(truth - last[1])
            last = (est, truth)
            _random_turn(game, rnd)
    assert moved_estimate < 2 * moved_truth


def test_the_pressure_estimate_lies_within_what_the_visible_rung_allows():
    rules = duel()
    for seed in range(30):
        game, rnd = Game(rules, seed), random.Random(seed)
        while not game.done:
            pair = game.observation().pairs[0]
            lo, hi = rung_range(rules, 0, pair.rung)
            assert lo <= pair.pressure.low <= pair.pressure.value <= pair.pressure.high <= hi
            assert lo <= game.state.pairs[0].pressure <= hi  # the engine keeps the rung in step with pressure
            _random_turn(game, rnd)


def test_the_kept_filter_gives_what_a_fresh_one_does():
    game, rnd = Game(duel(), 8), random.Random(8)
    for _ in range(6):
        _random_turn(game, rnd)
        assert estimates(game.state, game.rules, game.filter) == estimates(game.state, game.rules, Filter())
        assert game.observation() == game.fork().observation()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), moves=st.randoms(use_true_random=False), quality=st.floats(0.0, 1.0))
def test_estimates_are_pure_deterministic_and_within_their_bounds(seed, moves, quality):
    rules = duel(sg={"intelligence": quality})
    game = Game(rules, seed)
    while not game.done:
        before = fingerprint(game.state)
        obs = game.observation()
        assert fingerprint(game.state) == before
        assert game.observation() == obs
        for view in obs.parties:
            for est in view.estimates.values():
                assert 0.0 <= est.low <= est.value <= est.high <= 1.0
        for k, view in enumerate(obs.pairs):
            assert 0.0 <= view.pressure.low <= view.pressure.value <= view.pressure.high <= rules.tops[k] + 0.999
        _random_turn(game, moves)
    again = replay(rules, seed, game.inputs)
    assert again.observation() == game.observation()


def test_intentions_are_hidden_until_revealed():
    game = Game(duel(), 0)
    assert all(p.intention is None for p in game.observation().parties)
