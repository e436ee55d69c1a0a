"""Statistical equivalence of the array back end with the engine: on every shipped scenario, the endings of
100,000 array games are one distribution with those of the engine's games recorded by benchmarks/endings.py
(tests/fixtures/sim/endings.json, 20,000 games on a run seed of their own, so the samples are independent).

A G-test of homogeneity at alpha 1e-6: deterministic (fixed seeds), and strict enough that no true equivalence
fails it, while a rule changed on one side only moves the distribution past it (the last test shows it does,
for a small change to the array twin). Recorded again with the fingerprints when a rule changes on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.scenario.catalogue import shipped
from game.sim.arrays import parties
from game.sim.batch import run_batch

from .gtest import g_test

ROOT = Path(__file__).resolve().parents[3]
RECORDED = json.loads((ROOT / "tests" / "fixtures" / "sim" / "endings.json").read_text())
ALPHA = 1e-6
ARRAY_GAMES = 100_000
SCENARIOS = shipped()


def array_endings(path: Path, policy: str) -> dict[str, int]:
    result = run_batch(path, policy, ARRAY_GAMES, seed=0, jobs=2, backend="arrays")
    assert result.backend == "arrays"
    return dict(result.endings)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_passive_endings_on_arrays_are_the_engine_s_distribution(scenario):
    recorded = RECORDED[scenario.id]["passive"]
    assert recorded["runs"] >= 20_000
    g, df, p = g_test(array_endings(scenario.path, "passive"), recorded["endings"])
    assert p > ALPHA, f"G = {g:.1f} on {df} degrees of freedom, p = {p:.2g}"


def test_a_small_change_to_one_side_s_rule_fails_the_test(monkeypatch):
    """Holding made a little likelier in the array twin only (0.45 -> 0.5 of utility): the test must see it."""
    monkeypatch.setattr(parties, "HOLD_UTILITY", 0.5)
    scenario = next(s for s in SCENARIOS if s.id == "cuban_missile_crisis_1962")
    g, df, p = g_test(array_endings(scenario.path, "passive"), RECORDED[scenario.id]["passive"]["endings"])
    assert p < ALPHA, f"G = {g:.1f} on {df} degrees of freedom, p = {p:.2g}"
