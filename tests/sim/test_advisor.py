"""The advisor: rollouts to the end from worlds sampled from the observation only, each move measured against
waiting on the same worlds and futures, the rollouts raced towards the best moves; deterministic."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.checker import fingerprint
from game.present.moves import move_label
from game.sim.advisor import RUNS, advise, expected_ending

from .brink import brink

STAND_DOWN = "stand_down"


def _true_war_share(game: Game, move: Action | None, runs: int) -> float:
    """The chance of war after `move`, measured on the true state (which the advisor never sees)."""
    wars = 0
    for n in range(runs):
        trial = game.fork(reseed=50_000 + n)
        trial.step([move] if move else [])
        while not trial.done:
            trial.step()
        wars += trial.ending == "war"
    return wars / runs


def test_with_good_intelligence_the_war_preventing_proposal_comes_first():
    game = Game(brink(intelligence=0.95), 1)
    advice = advise(game, runs=40)
    assert advice[0].action is not None and advice[0].action.use == STAND_DOWN
    waiting = next(a for a in advice if a.action is None)
    assert waiting.endings["war"] > 0.8 > advice[0].endings["war"]
    assert move_label(game.rules, waiting.action) == "wait"


def test_every_legal_move_and_waiting_is_assessed_best_first():
    game = Game(brink(), 2)
    advice = advise(game, runs=20)
    moves = {a.action for a in advice}
    assert moves == {None, *(a for a in game.legal_actions() if a.use != "wait")}
    keys = [(-a.round, -a.value) for a in advice]
    assert keys == sorted(keys)  # the moves that lasted longest in the race first, then by value
    for a in advice:
        assert abs(sum(a.ratings.values()) - 1) < 1e-9 and abs(sum(a.endings.values()) - 1) < 1e-9
        assert 2 <= a.runs <= 20 and 0 <= a.spread <= 0.5 and a.cut_off == 0
    assert len(advise(game, runs=20, limit=2)) == 2


def test_each_move_is_a_paired_difference_from_waiting():
    game = Game(brink(intelligence=0.6), 3)
    advice = advise(game, runs=24, first=24)  # no racing: every move on all 24 worlds
    waiting = next(a for a in advice if a.action is None)
    assert waiting.gain == 0 and waiting.gain_spread == 0 and waiting.runs == 24
    score = {e.key: e.score for e in game.rules.endings}
    for a in advice:
        assert a.runs == 24
        assert abs(a.value - sum(score[k] * share for k, share in a.endings.items())) < 0.01
        assert abs(a.gain - (a.value - waiting.value)) < 0.01  # same worlds: the mean difference is the difference
        assert a.gain_spread >= 0


def test_the_race_spends_most_rollouts_on_the_best_moves():
    game = Game(brink(intelligence=0.9), 4)
    advice = advise(game, runs=RUNS, first=4)
    best = advice[0]
    assert best.runs == RUNS == max(a.runs for a in advice)
    assert next(a for a in advice if a.action is None).runs == RUNS
    assert min(a.runs for a in advice) == 4 < RUNS


def test_a_game_cut_short_is_never_counted_a_success():
    game = Game(brink(intelligence=0.9), 5)
    short = advise(game, runs=12, horizon=1)
    assert all(a.ratings["success"] == 0 for a in short)
    assert any(a.cut_off > 0 for a in short)
    probe = game.fork()
    probe.state.pairs[0].pressure, probe.state.pairs[0].rung = 0.5, 0  # where 'calm' (a success) would hold
    assert expected_ending(probe) == "tense"


def test_poor_intelligence_estimates_are_further_from_the_truth():
    def mean_error(intelligence: float) -> float:
        rules = brink(intelligence=intelligence)
        errors = []
        for seed in range(4):
            game = Game(rules, seed)
            for a in advise(game, runs=30):
                errors.append(abs(a.endings["war"] - _true_war_share(game, a.action, 60)))
        return sum(errors) / len(errors)

    assert mean_error(0.05) > mean_error(0.95)


def test_deterministic_and_seeded():
    game = Game(brink(intelligence=0.3), 4)
    assert advise(game, runs=15, seed=3) == advise(game, runs=15, seed=3)
    assert advise(game, runs=15, seed=3) != advise(game, runs=15, seed=4)


def test_never_changes_the_game():
    game = Game(brink(), 5)
    game.step([Action("public_appeal", "east_west")])
    before = fingerprint(game.state)
    inputs, reports = list(game.inputs), list(game.reports)
    advise(game, runs=10)
    assert fingerprint(game.state) == before
    assert game.inputs == inputs and game.reports == reports


def test_reads_only_the_observation():
    """Two games that differ only in hidden values (same observation) get the same advice."""
    one, two = Game(brink(intelligence=0.4), 6), Game(brink(intelligence=0.4), 6)
    for p in two.state.parties:
        p.intention, p.restraint, p.grievance, p.audience_cost = "settle", 0.9, -0.5, 0.7
        p.hostility, p.resolve = 0.1, 0.1
    two.state.pairs[0].pressure = two.state.pairs[0].rung + 0.01
    two.state.pairs[0].velocity = -1.0
    assert one.observation() == two.observation()
    assert advise(one, runs=12) == advise(two, runs=12)


def test_a_finished_game_gets_no_advice():
    game = Game(brink(), 7)
    while not game.done:
        game.step()
    assert advise(game) == []


def test_rollouts_go_on_as_history_did_where_the_scenario_has_a_historical_policy():
    # in the sample scenario success needs the water deal, which only its proposal brings: after any other move,
    # rollouts that merely wait can never find it, rollouts that go on as history did (it floats the deal) can
    from pathlib import Path

    from game.engine import build_rules
    from game.scenario.loader import load_scenario
    from game.sim.advisor import continues_with_history

    path = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"
    game = Game(build_rules(load_scenario(path).scenario), 3)
    assert continues_with_history(game) and not continues_with_history(game, follow_history=False)
    waiting = advise(game, runs=12, follow_history=False)
    following = advise(game, runs=12)
    def no_deal(advice):
        return advice.action is None or advice.action.use != "shared_filling"

    assert all(a.ratings["success"] == 0 for a in waiting if no_deal(a))
    assert max(a.ratings["success"] for a in following if no_deal(a)) > 0
    assert not continues_with_history(Game(brink(), 1))


def test_the_race_keeps_to_its_budget_of_simulated_turns(monkeypatch):
    from game.sim import advisor

    played = []
    rollout = advisor._rollout_item

    def counted(game, item):
        outcome = rollout(game, item)
        played.append(outcome[2])
        return outcome

    monkeypatch.setattr(advisor, "_rollout_item", counted)
    game = Game(brink(intelligence=0.6), 8)
    moves = len([a for a in game.legal_actions() if a.use != "wait"])
    first_round = 2 * (moves + 1) * (game.rules.turns - game.turn)
    for budget in (first_round, 4 * first_round):
        played.clear()
        advice = advise(game, runs=64, budget=budget)
        # the first round fits; a later round is paid for at the mean length of the rollouts so far, which
        # the leaders' rollouts (fewer early wars) may exceed a little
        assert sum(played) <= 1.25 * budget
        assert sum(a.runs for a in advice) == len(played)
    assert max(a.runs for a in advice) > 2  # the larger budget bought the leaders more rollouts


def test_a_move_separated_from_the_rest_ends_the_race():
    game = Game(brink(intelligence=0.95), 1)  # the stand-down proposal prevents a war the others cannot
    advice = advise(game, runs=64, first=8)
    best = advice[0]
    assert best.action is not None and best.action.use == STAND_DOWN
    others = [a for a in advice if a.action not in (None, best.action)]
    assert all(a.runs < best.runs for a in others)
    assert all(a.differs <= a.runs for a in advice) and best.differs > 0
