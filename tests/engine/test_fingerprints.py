"""Speed work must not change any game: the fingerprints recorded before it (tests/fixtures/fingerprints.txt,
written by benchmarks/fingerprints.py on the code as it was) are what every shipped scenario's games give now —
every policy's inputs, turn reports and final states, batch-mode games, the advisor's answers and the debrief's
decisions that mattered. The suite checks a quarter of the seeds (the advisor on one game, the decisions that
mattered among one game's opening turns); `python benchmarks/fingerprints.py --check
tests/fixtures/fingerprints.txt` checks them all.

A change that is meant to alter games (a rule, a scenario) records the file again, and says so in its commit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.fingerprints import SUITE_SCALE, differences, lines_for, parse, rules_of
from game.scenario.catalogue import resolve, shipped

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "fingerprints.txt"


def recorded() -> dict[tuple[str, str, int], str]:
    return parse(RECORDED.read_text(encoding="utf-8"))


def test_every_shipped_scenario_is_recorded():
    assert {s.id for s in shipped()} == {key[0] for key in recorded()}


@pytest.mark.parametrize("scenario", sorted(s.id for s in shipped()))
def test_games_are_as_recorded(scenario):
    assert differences(recorded(), scenario, SUITE_SCALE) == []


def test_a_changed_game_changes_its_fingerprint():
    rules = rules_of(resolve("sample_river_dispute"))
    before = dict(((w, g), d) for w, g, d in lines_for(rules, 0.05))
    rules.instruments["good_offices"] = replace(rules.instruments["good_offices"], power=0.0)
    after = dict(((w, g), d) for w, g, d in lines_for(rules, 0.05))
    assert before[("random", 10)] != after[("random", 10)]
    assert before[("passive", 10)] == after[("passive", 10)]
