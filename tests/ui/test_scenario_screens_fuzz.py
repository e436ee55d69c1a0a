"""Fuzz: the window draws every main screen of any scenario that validates — calendars at the edges of the
representable dates, numbers held at their limits, texts in any script at their length limits."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from game.engine import build_rules
from game.scenario.loader import load_scenario_bytes
from game.sim.policies import get_policy
from game.ui.session import ScenarioEntry
from game.ui.shots import render, stage
from tests.fuzzing import fuzz, scenario_documents

SCREENS = ("briefing", "turn", "report", "event", "debrief", "help")


@fuzz(6)
@given(document=scenario_documents(), seed=st.integers(0, 2**31), turns=st.integers(0, 5))
def test_the_window_draws_any_valid_scenario(document, seed, turns):
    result = load_scenario_bytes(document, "fuzz.yaml")
    assume(result.scenario is not None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(document)
        entry = ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)
        policy = get_policy("random", build_rules(result.scenario))
        for screen in SCREENS:
            app = stage(screen, entry, policy, turns, seed, (1280, 720), Path(folder))
            render(app)
            assert app.stack
