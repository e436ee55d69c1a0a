"""Moves, targets and costs are named the same way in the window, the text mode, the reports and the
counterfactual labels."""

from __future__ import annotations

from pathlib import Path

from game.engine import Action, build_rules
from game.present.words import action_cost, action_label, cost_text, pair_name, plural, target_name
from game.scenario.loader import load_scenario
from game.scenario.model import Cost
from tests.engine.conftest import duel

RULES = duel()
SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


def test_a_pair_and_a_party_are_named_by_their_names():
    pair = RULES.pair_ids[0]
    a, b = (RULES.party_names[RULES.party_ids[i]] for i in RULES.pair_members[0])
    assert pair_name(RULES, pair) == f"{a} – {b}"
    assert pair_name(RULES, pair, sep=" and ") == f"{a} and {b}"
    assert target_name(RULES, RULES.party_ids[0]) == RULES.party_names[RULES.party_ids[0]]
    assert target_name(RULES, None) == "" and target_name(RULES, "nowhere") == "nowhere"


def test_an_action_reads_with_names_or_with_the_ids_the_text_mode_types():
    pair = RULES.pair_ids[0]
    name = RULES.instruments["good_offices"].name
    assert action_label(RULES, Action("good_offices", pair)) == f"{name} → {pair_name(RULES, pair)}"
    assert action_label(RULES, Action("good_offices", pair), names=False) == f"{name} → {pair}"
    sample = build_rules(load_scenario(SAMPLE).scenario)
    assert action_label(sample, Action("shared_filling", None, "public")) == \
        "Slow filling under a joint commission (public)"


def test_costs_and_counts_in_words():
    assert cost_text(Cost(prestige=6, budget=1, envoys=1)) == "6 prestige · $1m · 1 envoy"
    assert cost_text(Cost(prestige=6, budget=1, envoys=2), attention=True, sep=", ") == \
        "6 prestige, $1m, 2 envoys, 1 attention"
    assert cost_text(Cost()) == "free"
    assert plural(1, "turn") == "1 turn" and plural(3, "turn") == "3 turns"


def test_waiting_is_no_decision():
    waits = [k for k, ins in RULES.instruments.items() if ins.kind == "wait"]
    assert all(RULES.is_wait(k) for k in waits)
    assert not RULES.is_wait("good_offices") and not RULES.is_wait("no_such_thing")


def test_a_proposal_shows_what_a_refusal_costs_on_top_of_its_price():
    from game.engine import Game

    sample = build_rules(load_scenario(SAMPLE).scenario)
    game = Game(sample, 1)
    private, public = Action("shared_filling", None, "private"), Action("shared_filling", None, "public")
    assert action_cost(sample, private) == "6 prestige"  # without the game: the price alone
    assert action_cost(sample, private, game) == "6 prestige · if refused, 4 prestige more (10 prestige in all)"
    assert action_cost(sample, public, game, ", ") == "6 prestige, if refused, 7 prestige more (13 prestige in all)"


def test_the_turn_report_names_the_price_and_the_refusal_apart():
    from game.engine.record import Cause
    from game.present.news import cause_label

    sample = build_rules(load_scenario(SAMPLE).scenario)
    name = sample.proposals["shared_filling"].name
    assert cause_label(sample, Cause("proposal", "shared_filling", ("private",))) == \
        f"'{name}', floated privately"
    assert cause_label(sample, Cause("proposal", "shared_filling", ("private", "refused"))) == f"'{name}': refused"
    assert cause_label(sample, Cause("proposal", "shared_filling", ("public", "accepted"))) == f"'{name}': accepted"


def test_the_scores_prevention_line_says_what_happened_without_you():
    """'A failure prevented … +0.0' read as if you had prevented something: the line names the three cases."""
    from game.present.words import prevention_label

    assert prevention_label("failure", 25.0, "War") == "A failure prevented (without you: War)"
    assert prevention_label("failure", 0.0, "War") == "A failure not prevented (without you: War)"
    assert prevention_label("partial", 0.0, "A deal") == "No failure to prevent (without you: A deal)"
