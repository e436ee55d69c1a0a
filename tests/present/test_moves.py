"""Moves in sentences, as the debrief's key decisions and the advisor name them."""

from __future__ import annotations

from game.engine import Action
from game.present.moves import comparison_label, describe, move_label
from tests.sim.brink import brink

RULES = brink()
APPEAL = Action("public_appeal", "east_west")


def test_describe_in_plain_words():
    assert describe(RULES, ()) == "waiting"
    assert describe(RULES, (Action("wait"),)) == "waiting"
    assert describe(RULES, (APPEAL, Action("private_appeal", "east"))) == (
        "a public appeal on East and West and a private appeal to East")


def test_an_alternative_reads_against_what_was_played():
    assert comparison_label(RULES, (APPEAL,), ()) == "waiting instead of a public appeal on East and West"
    assert move_label(RULES, None) == "wait" and move_label(RULES, APPEAL) == "a public appeal on East and West"
