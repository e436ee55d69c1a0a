"""World opinion: three audiences that move with the player's public moves, the ladder, deals and the Council,
scaled by visibility, fade back toward where they started, stay in [0, 1], and record every move with its cause."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Game
from game.engine.opinion import AUDIENCES, targets
from game.engine.record import DYNAMICS, INSTRUMENT, PROPOSAL

from .conftest import duel, play

APPEAL = Action("public_appeal", "east_west")
QUIET = Action("private_appeal", "east")


def _changes(report, target=None):
    return [c for c in report.changes if c.target.startswith("opinion.") and (target is None or c.target == target)]


def test_the_audiences_start_where_the_scenario_says():
    rules = duel(opinion={"start": {"nonaligned": 0.7, "council": 0.3}})
    game = Game(rules, 1)
    assert game.state.opinion == [0.7, 0.5, 0.3]
    assert game.observation().opinion == {"nonaligned": 0.7, "press": 0.5, "council": 0.3}


def test_a_public_appeal_warms_the_non_aligned_and_the_press_but_a_private_one_does_not(rules):
    loud, quiet = Game(rules, 4), Game(rules, 4)
    loud_report, quiet_report = loud.step([APPEAL]), quiet.step([QUIET])
    moved = {c.target for c in _changes(loud_report) if c.cause.kind == INSTRUMENT}
    assert moved == {"opinion.nonaligned", "opinion.press", "opinion.council"}
    assert not [c for c in _changes(quiet_report) if c.cause.kind == INSTRUMENT]
    for a in (0, 1):
        assert loud.state.opinion[a] > quiet.state.opinion[a]
    assert loud.state.opinion[2] < quiet.state.opinion[2] + 1e-9  # the Council dislikes being lectured in public


def test_a_public_move_counts_for_more_when_the_world_is_watching():
    def gain(visibility):
        game = Game(duel(sg={"visibility": visibility}), 4)
        report = game.step([APPEAL])
        return sum(c.after - c.before for c in _changes(report, "opinion.press") if c.cause.kind == INSTRUMENT)

    assert gain(0.9) > gain(0.1) > 0


def test_a_rung_climbed_costs_regard_with_the_rung_as_its_cause():
    rules = duel(party={"hostility": 0.95, "intention": "escalate", "grievance": 0.3},
                 opinion={"memory": 0.0})
    game = Game(rules, 2)
    for _ in range(12):
        before = game.state.pairs[0].rung
        report = game.step()
        if game.state.pairs[0].rung > before:
            ladder = [c for c in _changes(report) if c.cause.kind == DYNAMICS and c.cause.id == "opinion_ladder"]
            assert ladder and all(c.after < c.before for c in ladder)
            assert ladder[0].cause.args == (0, before, game.state.pairs[0].rung)
            return
        if game.done:
            break
    raise AssertionError("the fixture should climb a rung within twelve days")


def test_a_deal_struck_warms_every_audience():
    proposal = {"id": "deal", "name": "A deal", "text": "Split it.", "pair": "east_west", "acceptance": 1.0,
                "modes": ["private"]}
    rules = duel(proposals=[proposal], opinion={"memory": 0.0, "council_follow": 0.0})
    game = Game(rules, 1)
    report = game.step([Action("deal", None, "private")])
    assert "deal" in game.state.accepted, "the fixture's proposal should be accepted"
    deal = [c for c in _changes(report) if c.cause.kind == PROPOSAL]
    assert {c.target for c in deal} == set(targets()) and all(c.after > c.before for c in deal)


def test_opinion_fades_back_toward_where_it_started(rules):
    game = Game(rules, 4)
    game.step([APPEAL])
    warm = game.state.opinion[0]
    for _ in range(6):
        game.step()
    assert 0.5 < game.state.opinion[0] < warm
    assert any(c.cause.id == "opinion_fades" for c in _changes(game.reports[-1], "opinion.nonaligned"))


def test_without_recording_the_opinion_is_the_same(rules):
    a, b = Game(rules, 9), Game(rules, 9, record=False)
    for _ in range(8):
        a.step([APPEAL] if a.why_illegal(APPEAL) is None else [])
        b.step([APPEAL] if b.why_illegal(APPEAL) is None else [])
    assert a.state.opinion == b.state.opinion


def test_the_report_adds_up_to_the_new_opinion(rules):
    game = Game(rules, 5)
    before = list(game.state.opinion)
    report = game.step([APPEAL])
    for a, name in enumerate(AUDIENCES):
        changes = _changes(report, f"opinion.{name}")
        last = changes[-1].after if changes else before[a]
        assert abs(last - game.state.opinion[a]) < 1e-12
        for prev, nxt in zip(changes, changes[1:], strict=False):
            assert abs(prev.after - nxt.before) < 1e-12


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), loud=st.booleans(), memory=st.floats(0, 1), weight=st.floats(-1, 1))
def test_opinion_stays_between_nought_and_one(seed, loud, memory, weight):
    rules = duel(opinion={"memory": memory, "public_move": {"nonaligned": weight, "press": -weight, "council": 1.0},
                          "escalation": {"press": weight}})
    game = play(rules, seed, actions=[APPEAL] if loud else [])
    assert all(0.0 <= v <= 1.0 for v in game.state.opinion)


def test_a_weight_left_out_keeps_the_games_default():
    from game.engine.opinion import PUBLIC_MOVE

    def press_gain(**weights):
        game = Game(duel(opinion={"memory": 0.0, "public_move": weights}), 4)
        report = game.step([APPEAL])
        return sum(c.after - c.before for c in _changes(report, "opinion.press") if c.cause.kind == INSTRUMENT)

    assert press_gain(nonaligned=0.5) == press_gain() > 0
    assert press_gain(press=PUBLIC_MOVE[1] * 2) > press_gain()


def test_opinion_is_a_read_out_the_parties_never_feel():
    from dataclasses import asdict

    loud = duel(opinion={"start": {"nonaligned": 0.1, "press": 0.9}, "public_move": {"press": -1.0}})
    plain = duel()
    a, b = play(loud, 11, actions=[APPEAL]), play(plain, 11, actions=[APPEAL])
    left, right = asdict(a.state), asdict(b.state)
    assert left.pop("opinion") != right.pop("opinion")
    assert left == right


def _gain(report, target, use):
    """What the moves of instrument `use` added to `target` this turn."""
    return sum(c.after - c.before for c in report.changes if c.target == target and c.cause.kind == INSTRUMENT
               and c.cause.id == use)


def test_calling_in_the_same_ambassador_again_and_again_is_less_news_each_time():
    """A public move repeated on the same target wears like its effect: the world's notice of it (visibility) and
    its move of world opinion shrink by the instrument's wear, while the same move on another party is news."""
    from game.engine.instruments import FATIGUE, LAUNCH_VISIBILITY

    game = Game(duel(sg={"visibility": 0.2}), 3)
    visibility, press = [], []
    for _ in range(3):
        report = game.step([Action("visit", "east")])
        visibility.append(_gain(report, "visibility", "visit"))
        press.append(_gain(report, "opinion.press", "visit"))
    assert visibility[0] > 0 and press[0] > 0
    assert visibility[1] < visibility[0] and visibility[2] < visibility[1]
    assert press[1] < 0.8 * press[0] and press[2] < 0.8 * press[1]  # unworn it would barely shrink
    first = visibility[0]
    assert abs(visibility[1] - FATIGUE * first) < 1e-9  # unclamped at this visibility: exactly the wear
    assert first > LAUNCH_VISIBILITY
    elsewhere = game.step([Action("visit", "west")])
    assert abs(_gain(elsewhere, "visibility", "visit") - first) < 1e-9
